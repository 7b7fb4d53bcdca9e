package org.nas4j.core.nn;

import com.google.common.base.Preconditions;
import java.util.Locale;
import org.nas4j.core.space.SearchSpace;

/**
 * How elastic layers make their weight (Mixture-of-Supernets): one shared tensor, or {@code
 * experts} tensors mixed by a router from the arch's encoding, with one mixture per layer or per
 * output neuron.
 *
 * @param mode the kind of mixture
 * @param experts expert tensors per layer (1 when off)
 * @param encodingWidth width of the arch encoding the routers read; 0 until {@link #over} fixes it
 */
public record Mixture(Mode mode, int experts, int encodingWidth) {

    /** The mixture kinds of the MoS paper, plus plain weight sharing. */
    public enum Mode {
        /** One shared weight: plain weight sharing. */
        NONE,
        /** {@code W(a) = Σ α_i E_i} with one {@code α} per layer. */
        LAYER,
        /** One {@code α_k} per output neuron: {@code W(a)[k] = Σ α_{k,i} E_i[k]}. */
        NEURON
    }

    /** Plain weight sharing. */
    public static final Mixture NONE = new Mixture(Mode.NONE, 1, 0);

    /** Validates. */
    public Mixture {
        Preconditions.checkArgument(experts >= 1, "a mixture needs at least one expert, got %s", experts);
        Preconditions.checkArgument(mode != Mode.NONE || experts == 1, "plain weight sharing has one weight");
    }

    /**
     * @param mode {@code none}, {@code layer} or {@code neuron}
     * @param experts experts per layer
     * @return the mixture, its encoding width not yet fixed
     * @throws IllegalArgumentException on an unknown mode or fewer than one expert
     */
    public static Mixture parse(String mode, int experts) {
        Mode m;
        try {
            m = Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mixture '" + mode + "'; use none, layer or neuron");
        }
        return m == Mode.NONE ? NONE : new Mixture(m, experts, 0);
    }

    /** @return whether layers route their weights */
    public boolean routed() {
        return mode != Mode.NONE;
    }

    /**
     * @param space the space whose archs the routers read
     * @return this mixture with the encoding width of that space
     */
    public Mixture over(SearchSpace space) {
        return routed() ? new Mixture(mode, experts, space.encodingLength()) : this;
    }

    /** @return the name a run records, e.g. {@code layer x2} */
    public String describe() {
        return routed() ? mode.name().toLowerCase(Locale.ROOT) + " x" + experts : "none";
    }
}
