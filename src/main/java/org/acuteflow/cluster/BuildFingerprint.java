package org.acuteflow.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.acuteflow.report.Manifest;

/**
 * The acuteflow build a process runs: its version and a hash of its own classes and resources (the model and
 * its built-in default parameters). Two builds with the same version number but different code would give
 * different numbers, so members compare the whole fingerprint, not the version alone.
 */
public final class BuildFingerprint {
    private static final List<String> OWN = List.of("org/acuteflow/", "acuteflow/");

    private BuildFingerprint() {
    }

    /** "VERSION+HASH12", e.g. {@code 0.1.0+3f2a9c01b7de}. */
    public static String current() {
        return Manifest.version() + "+" + Inputs.hex(codeHash()).substring(0, 12);
    }

    private static byte[] codeHash() {
        try {
            Path source = Path.of(BuildFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest md = Inputs.sha256();
            if (Files.isDirectory(source)) {
                List<String> names = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(source)) {
                    walk.filter(Files::isRegularFile).forEach(p -> names.add(source.relativize(p).toString()
                            .replace(source.getFileSystem().getSeparator(), "/")));
                }
                names.stream().filter(BuildFingerprint::own).sorted().forEach(n -> {
                    md.update(n.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try {
                        md.update(Files.readAllBytes(source.resolve(n)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    List<JarEntry> entries = jar.stream().filter(e -> !e.isDirectory() && own(e.getName()))
                            .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList();
                    for (JarEntry e : entries) {
                        md.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        try (InputStream in = jar.getInputStream(e)) {
                            md.update(in.readAllBytes());
                        }
                    }
                }
            }
            return md.digest();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read acuteflow's own classes to fingerprint the build", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean own(String name) {
        return OWN.stream().anyMatch(name::startsWith);
    }
}
