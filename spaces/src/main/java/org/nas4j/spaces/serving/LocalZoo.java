package org.nas4j.spaces.serving;

import ai.djl.Application;
import ai.djl.repository.Repository;
import ai.djl.repository.zoo.BaseModelLoader;
import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelZoo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The exported models of a local directory as a DJL model zoo: each subdirectory holding an {@code
 * arch.json} is a model of group {@value #GROUP_ID}, its directory name the artifact id. The
 * directory comes from the system property {@value #PROPERTY} or the environment variable {@value
 * #ENV}; without either the zoo is empty.
 */
public final class LocalZoo extends ModelZoo {

    /** The group id of every exported model. */
    public static final String GROUP_ID = "org.nas4j";
    /** System property naming the zoo directory. */
    public static final String PROPERTY = "nas4j.zoo";
    /** Environment variable naming the zoo directory (the property wins). */
    public static final String ENV = "NAS4J_ZOO";
    private static final String VERSION = "1.0";

    /** Rescans the directory on every lookup, so models exported after start-up are found. */
    @Override
    public Collection<ModelLoader> getModelLoaders() {
        return scan().values();
    }

    @Override
    public ModelLoader getModelLoader(String name) {
        return scan().get(name);
    }

    private static Map<String, ModelLoader> scan() {
        Map<String, ModelLoader> loaders = new TreeMap<>();
        Path root = root();
        if (root == null || !Files.isDirectory(root)) {
            return loaders;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve(ModelCard.FILE))).forEach(d -> {
                String artifact = d.getFileName().toString();
                Repository repo = Repository.newInstance(artifact, d);
                loaders.put(artifact, new BaseModelLoader(
                        repo.model(Application.CV.IMAGE_CLASSIFICATION, GROUP_ID, artifact, VERSION)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the model zoo " + root, e);
        }
        return loaders;
    }

    /** @return the zoo directory the property or environment names, or null */
    public static Path root() {
        String dir = System.getProperty(PROPERTY, System.getenv(ENV));
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    @Override
    public String getGroupId() {
        return GROUP_ID;
    }

    @Override
    public Set<String> getSupportedEngines() {
        return Arrays.stream(ModelExporter.ServingEngine.values()).map(ModelExporter.ServingEngine::djlName)
                .collect(Collectors.toSet());
    }
}
