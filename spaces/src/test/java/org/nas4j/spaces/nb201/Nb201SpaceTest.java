package org.nas4j.spaces.nb201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.InvalidArchException;
import org.nas4j.core.space.SearchSpace;

class Nb201SpaceTest {

    private final SearchSpace space = Nb201Space.of("nb201-test");

    @Test
    void hasFiveToTheSixCells() {
        assertEquals(BigInteger.valueOf(15_625), space.size());
    }

    @Test
    void readsAndWritesNasBench201Strings() {
        String id = "|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|nor_conv_1x1~1|skip_connect~2|";
        Arch arch = space.parse(id);
        assertEquals(id, arch.id());
        assertEquals("avg_pool_3x3", arch.get(Nb201Space.edge(1, 2)));
        assertEquals("none", arch.get(Nb201Space.edge(0, 3)));
    }

    @Test
    void rejectsMalformedStringsAndUnknownOperations() {
        assertThrows(InvalidArchException.class, () -> space.parse("|nor_conv_3x3~0|+|skip_connect~0|"));
        assertThrows(InvalidArchException.class,
                () -> space.parse("|nor_conv_3x3~1|+|skip_connect~0|avg_pool_3x3~1|+|none~0|none~1|none~2|"));
        assertThrows(InvalidArchException.class,
                () -> space.parse("|conv_5x5~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|none~1|none~2|"));
    }
}
