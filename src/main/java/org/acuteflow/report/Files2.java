package org.acuteflow.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small file helpers shared by the writers. */
final class Files2 {
    private Files2() {
    }

    /** UTF-8, '\n' line ends whatever the platform, so outputs are byte-identical everywhere. */
    static void writeString(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
