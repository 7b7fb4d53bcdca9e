package org.nas4j.cli;

import org.nas4j.runs.Run;
import com.beust.jcommander.Parameter;
import java.nio.file.Path;
import org.nas4j.core.space.Arch;

/** The flags that name a child of a trained run: shared by the commands that score or export one. */
final class ChildOptions {

    @Parameter(names = "--run", description = "run directory", required = true)
    Path run;

    @Parameter(names = "--arch", description = "max, min, random or an arch string (see 'nas4j spaces')")
    String arch = "max";

    @Parameter(names = "--seed", description = "seed for --arch random")
    long seed = 0;

    /** @return the child these flags name, in the workbench's space */
    Arch resolve(Run wb) {
        return wb.arch(arch, seed);
    }
}
