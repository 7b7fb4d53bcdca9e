package org.nas4j.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;

/**
 * Trains one architecture alone, with the fixed recipe below unless flags change it: the ground
 * truth that supernet estimates are ranked against. Same flags and run directory as {@code train}.
 */
@Parameters(commandDescription = "Train one architecture alone (cosine lr 0.1, batch 128, no augmentation by default)")
final class TrainArchCommand extends TrainCommand {

    @Parameter(names = "--arch", description = "the architecture (see 'nas4j spaces')", required = true)
    String archText;

    TrainArchCommand() {
        useAloneDefaults();
    }

    @Override
    String arch() {
        return archText;
    }
}
