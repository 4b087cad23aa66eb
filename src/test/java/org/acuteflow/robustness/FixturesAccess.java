package org.acuteflow.robustness;

import java.nio.file.Path;

/** The fixtures of this package for tests of other packages. */
public final class FixturesAccess {
    private FixturesAccess() {
    }

    /** A copy of the shipped example network at {@code to}. */
    public static void copyExample(Path to) {
        Fixtures.copyTree(Fixtures.EXAMPLE, to);
    }
}
