package org.nas4j.spaces.serving;

import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooProvider;

/** Registers {@link LocalZoo} with DJL through {@code ServiceLoader}. */
public final class LocalZooProvider implements ZooProvider {

    @Override
    public ModelZoo getModelZoo() {
        return new LocalZoo();
    }
}
