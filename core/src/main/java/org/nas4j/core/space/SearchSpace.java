package org.nas4j.core.space;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.nas4j.core.util.UserException;

/**
 * A DJL-free search space: an ordered list of labelled {@link Dimension}s, the notation of its
 * arch strings, the {@link ArchLevel}s its archs have before training, and the {@link ArchRule}s a
 * search admits archs by. Samplers, strategies and predictors see only this model, never a network.
 * Immutable.
 */
public final class SearchSpace {

    /** Draws a sampler, mutation or crossover makes before it gives up on finding an admitted arch. */
    private static final int DRAWS = 10_000;

    private final String name;
    private final ImmutableList<Dimension> dimensions;
    private final Map<String, Dimension> byName = new LinkedHashMap<>();
    private final ArchNotation notation;
    private final List<ArchLevel> levels;
    private final List<ArchRule> rules;

    /**
     * @param name the space's registry name (e.g. {@code ofa-mbv3-fmnist})
     * @param dimensions its dimensions, in canonical order; conditions must refer to an earlier,
     *     unconditional integer dimension
     * @param notation how its archs are written
     */
    public SearchSpace(String name, List<Dimension> dimensions, ArchNotation notation) {
        this(name, dimensions, notation, List.of(), List.of());
    }

    /**
     * @param name the space's registry name
     * @param dimensions its dimensions, in canonical order
     * @param notation how its archs are written
     * @param levels the ordered properties its archs have before training
     */
    public SearchSpace(String name, List<Dimension> dimensions, ArchNotation notation, List<ArchLevel> levels) {
        this(name, dimensions, notation, levels, List.of());
    }

    private SearchSpace(String name, List<Dimension> dimensions, ArchNotation notation, List<ArchLevel> levels,
            List<ArchRule> rules) {
        this.name = name;
        this.dimensions = ImmutableList.copyOf(dimensions);
        this.notation = notation;
        this.levels = List.copyOf(levels);
        this.rules = List.copyOf(rules);
        for (Dimension d : dimensions) {
            d.condition()
                    .ifPresent(
                            c -> {
                                Dimension parent = byName.get(c.dimension());
                                Preconditions.checkArgument(
                                        parent != null
                                                && parent.kind() == Dimension.Kind.INTEGER
                                                && parent.condition().isEmpty(),
                                        "condition of %s must name an earlier unconditional"
                                                + " integer dimension",
                                        d.name());
                            });
            Preconditions.checkArgument(
                    byName.put(d.name(), d) == null, "dimension %s appears twice", d.name());
        }
    }

    public String name() {
        return name;
    }

    /** @return the ordered properties its archs have before training (a subgraph GNN's class), often none */
    public List<ArchLevel> levels() {
        return levels;
    }

    /** @return the rules an arch must satisfy to be sampled, mutated into or crossed into */
    public List<ArchRule> rules() {
        return rules;
    }

    /**
     * The same space, drawing only archs that satisfy the rules: {@link #sample}, {@link #mutate} and
     * {@link #crossover} redraw until they do, so that every strategy respects them; {@link #of} and
     * {@link #parse} still read any arch.
     *
     * @param added rules on this space's levels
     * @return the narrowed space (this one when none are added)
     * @throws UserException if no arch satisfies every rule
     */
    public SearchSpace admitting(List<ArchRule> added) {
        if (added.isEmpty()) {
            return this;
        }
        List<ArchRule> all = new ArrayList<>(rules);
        all.addAll(added);
        SearchSpace narrowed = new SearchSpace(name, dimensions, notation, levels, all);
        narrowed.sample(new SplittableRandom(0));
        return narrowed;
    }

    /** @return whether the arch satisfies every rule of this space */
    public boolean admits(Arch arch) {
        return rules.stream().allMatch(r -> r.test(arch));
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    /**
     * @param dimensionName a dimension's name
     * @return the dimension
     */
    public Dimension dimension(String dimensionName) {
        Dimension d = byName.get(dimensionName);
        Preconditions.checkArgument(d != null, "space %s has no dimension %s", name, dimensionName);
        return d;
    }

    /**
     * @param d a dimension of this space
     * @param values values of (at least) the controlling dimensions
     * @return whether {@code d} matters given those values
     */
    public boolean isActive(Dimension d, Map<String, String> values) {
        return d.condition()
                .map(c -> Integer.parseInt(values.get(c.dimension())) >= c.atLeast())
                .orElse(true);
    }

    /**
     * Builds the canonical arch with these values. Inactive dimensions may be left out.
     *
     * @param values a value for every active dimension
     * @return the arch
     * @throws InvalidArchException if a name is unknown or a value is outside the space
     */
    public Arch of(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (!byName.containsKey(key)) {
                throw new InvalidArchException(
                        "space " + name + " has no dimension '" + key + "'; its dimensions: "
                                + byName.keySet());
            }
        }
        Map<String, String> canonical = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            String v = values.get(d.name());
            if (!isActive(d, canonical)) {
                canonical.put(d.name(), d.first());
                continue;
            }
            if (v == null) {
                throw new InvalidArchException(
                        "arch for space " + name + " gives no value for " + d.name());
            }
            if (!d.allows(v)) {
                throw new InvalidArchException(
                        "arch is outside space " + name + ": " + d.name() + "=" + v
                                + " is not one of " + d.choices());
            }
            canonical.put(d.name(), v);
        }
        return new Arch(canonical, notation.format(this, canonical));
    }

    /**
     * @param text an arch string in this space's notation
     * @return the arch
     * @throws InvalidArchException if it is malformed or outside the space
     */
    public Arch parse(String text) {
        return of(notation.parse(this, text.trim()));
    }

    /**
     * @param arch an arch of this space
     * @return the representative of the archs isomorphic to it (computing the same function), itself
     *     in spaces without such symmetries; scoring one arch per class avoids counting a cell twice
     */
    public Arch isomorphismRepresentative(Arch arch) {
        return of(notation.isomorphismRepresentative(this, arch.values()));
    }

    /**
     * @return one representative per class of isomorphic archs, ordered by arch string, where the
     *     space's family enumerates them (NAS-Bench-201's 6,466); empty otherwise
     */
    public Optional<List<Arch>> isomorphismClasses() {
        return notation.isomorphismClasses(this).map(classes -> classes.stream().map(this::of).toList());
    }

    /**
     * @return whether every dimension is ordered (integers), so that a largest and a smallest child
     *     exist, as the sandwich rule needs; a cell space's operations are unordered labels
     */
    public boolean ordered() {
        return dimensions.stream().allMatch(d -> d.kind() == Dimension.Kind.INTEGER);
    }

    /** @return whether every active value of the arch is a choice of this space */
    public boolean contains(Arch arch) {
        Map<String, String> v = arch.values();
        if (!v.keySet().equals(byName.keySet())) {
            return false;
        }
        for (Dimension d : dimensions) {
            if (isActive(d, v) ? !d.allows(v.get(d.name())) : !d.first().equals(v.get(d.name()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return an arch drawn uniformly per dimension, among those the rules admit
     * @throws UserException if {@value #DRAWS} draws found none
     */
    public Arch sample(RandomGenerator rng) {
        return firstAdmitted(() -> {
            Map<String, String> v = new LinkedHashMap<>();
            for (Dimension d : dimensions) {
                v.put(d.name(), d.choices().get(rng.nextInt(d.size())));
            }
            return v;
        }).orElseThrow(() -> new UserException("no arch of space " + name + " satisfies " + rules.stream()
                .map(ArchRule::toString).collect(Collectors.joining(" and ")) + " (" + DRAWS + " draws tried): loosen the constraints"));
    }

    /** @return the first drawn arch that the rules admit, or empty after {@value #DRAWS} draws */
    private Optional<Arch> firstAdmitted(Supplier<Map<String, String>> draw) {
        for (int i = 0; i < DRAWS; i++) {
            Arch a = of(draw.get());
            if (admits(a)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** @return the arch with every dimension at its last (largest) choice */
    public Arch largest() {
        Map<String, String> v = new LinkedHashMap<>();
        dimensions.forEach(d -> v.put(d.name(), d.last()));
        return of(v);
    }

    /** @return the arch with every dimension at its first (smallest) choice */
    public Arch smallest() {
        Map<String, String> v = new LinkedHashMap<>();
        dimensions.forEach(d -> v.put(d.name(), d.first()));
        return of(v);
    }

    /**
     * Resamples each dimension with probability {@code probability}; the result may equal the input.
     * A mutant the rules do not admit is drawn again; the parent itself after {@value #DRAWS} tries.
     *
     * @param arch the parent
     * @param rng the random source
     * @param probability the chance of each dimension being redrawn
     * @return the mutant
     */
    public Arch mutate(Arch arch, RandomGenerator rng, double probability) {
        return firstAdmitted(() -> {
            Map<String, String> v = new LinkedHashMap<>(arch.values());
            for (Dimension d : dimensions) {
                if (rng.nextDouble() < probability) {
                    v.put(d.name(), d.choices().get(rng.nextInt(d.size())));
                }
            }
            return v;
        }).orElse(arch);
    }

    /**
     * Uniform crossover: each dimension from one parent or the other with equal chance. A child the
     * rules do not admit is drawn again; the first parent after {@value #DRAWS} tries.
     *
     * @param a a parent
     * @param b another parent
     * @param rng the random source
     * @return the child
     */
    public Arch crossover(Arch a, Arch b, RandomGenerator rng) {
        return firstAdmitted(() -> {
            Map<String, String> v = new LinkedHashMap<>();
            for (Dimension d : dimensions) {
                v.put(d.name(), (rng.nextBoolean() ? a : b).get(d.name()));
            }
            return v;
        }).orElse(a);
    }

    /** @return the length of {@link #encode}'s vectors */
    public int encodingLength() {
        int n = 0;
        for (Dimension d : dimensions) {
            n += d.kind() == Dimension.Kind.INTEGER ? 1 : d.size();
        }
        return n;
    }

    /**
     * A feature vector for predictors: an integer dimension gives its position in [0, 1] (0 when
     * it has one choice), a categorical one a one-hot block; inactive dimensions give zeros.
     *
     * @param arch an arch of this space
     * @return the features
     */
    public float[] encode(Arch arch) {
        float[] f = new float[encodingLength()];
        int i = 0;
        for (Dimension d : dimensions) {
            boolean active = isActive(d, arch.values());
            int pos = d.choices().indexOf(arch.get(d.name()));
            if (d.kind() == Dimension.Kind.INTEGER) {
                f[i++] = active && d.size() > 1 ? pos / (float) (d.size() - 1) : 0f;
            } else {
                if (active) {
                    f[i + pos] = 1f;
                }
                i += d.size();
            }
        }
        return f;
    }

    /**
     * The number of distinct canonical archs.
     *
     * @return the count
     */
    public BigInteger size() {
        BigInteger total = BigInteger.ONE;
        for (Dimension root : dimensions) {
            if (root.condition().isPresent()) {
                continue;
            }
            BigInteger sum = BigInteger.ZERO;
            for (String value : root.choices()) {
                BigInteger product = BigInteger.ONE;
                for (Dimension d : dimensions) {
                    if (d.condition().isPresent()
                            && d.condition().get().dimension().equals(root.name())
                            && Integer.parseInt(value) >= d.condition().get().atLeast()) {
                        product = product.multiply(BigInteger.valueOf(d.size()));
                    }
                }
                sum = sum.add(product);
            }
            total = total.multiply(sum);
        }
        return total;
    }

    /**
     * The sub-space with some dimensions narrowed (or fixed, with one value). Archs of the sub-space
     * are archs of this space with the same ids.
     *
     * @param narrowed dimension name to the choices to keep
     * @return the restricted space
     */
    public SearchSpace restrict(Map<String, List<String>> narrowed) {
        List<Dimension> dims = new ArrayList<>();
        StringBuilder suffix = new StringBuilder();
        for (Dimension d : dimensions) {
            List<String> keep = narrowed.get(d.name());
            if (keep == null) {
                dims.add(d);
            } else {
                dims.add(d.narrow(keep));
                suffix.append(suffix.length() == 0 ? "[" : ";")
                        .append(d.name())
                        .append('=')
                        .append(String.join("|", keep));
            }
        }
        for (String key : narrowed.keySet()) {
            dimension(key);
        }
        return new SearchSpace(name + suffix + (suffix.length() == 0 ? "" : "]"), dims, notation, levels, rules);
    }

    /**
     * @param arch an arch of this space
     * @return {@code {"space": ..., "arch": id, "values": {...}}}
     */
    public JsonObject toJson(Arch arch) {
        JsonObject o = new JsonObject();
        o.addProperty("space", name);
        o.addProperty("arch", arch.id());
        JsonObject values = new JsonObject();
        arch.values().forEach(values::addProperty);
        o.add("values", values);
        return o;
    }

    /**
     * @param json an object written by {@link #toJson}
     * @return the arch it holds
     * @throws InvalidArchException if it has no values or they are outside this space
     */
    public Arch fromJson(JsonObject json) {
        JsonElement values = json.get("values");
        if (values == null || !values.isJsonObject()) {
            throw new InvalidArchException("arch JSON has no \"values\" object");
        }
        Map<String, String> v = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : values.getAsJsonObject().entrySet()) {
            v.put(e.getKey(), e.getValue().getAsString());
        }
        return of(v);
    }

    @Override
    public String toString() {
        return name + " " + dimensions.size() + " dimensions, " + size() + " archs";
    }
}
