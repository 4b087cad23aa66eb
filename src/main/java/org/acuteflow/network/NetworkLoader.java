package org.acuteflow.network;

import java.nio.file.Path;

/** Loads a network folder and applies one of its configurations. */
public final class NetworkLoader {
    private NetworkLoader() {
    }

    /**
     * The network in {@code dir} with configuration {@code configuration} (a file
     * {@code configurations/<configuration>.yaml}) applied.
     *
     * @throws org.acuteflow.config.InputException naming file, line and field for any bad input
     */
    public static Network load(Path dir, String configuration) {
        throw new UnsupportedOperationException("network loading is not built yet");
    }
}
