package org.acuteflow.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way input files are read: only regular files (a folder, a device such as /dev/zero, a FIFO or a
 * socket is refused with its own message, before anything is read), only up to a size limit, and only as UTF-8
 * text (a byte sequence that is not UTF-8 is reported with its line). Messages never quote the file's content,
 * so a path that points at an unrelated file does not print it.
 */
public final class InputFiles {
    /** Experiment, parameter, network and configuration YAML files: far larger than any real one. */
    public static final long MAX_YAML_BYTES = 4L << 20;
    /** Network tables (zones, sites, stations, roads, travel matrix): a region of 100,000 zones fits. */
    public static final long MAX_TABLE_BYTES = 512L << 20;

    private InputFiles() {
    }

    /**
     * Why {@code file} cannot be read as an input file, or null when it is a regular file within {@code maxBytes}.
     * {@code what} names the kind of file for the size message ("a YAML file").
     */
    public static String unreadable(Path file, long maxBytes, String what) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
                return "file not found";
            }
            if (!Files.exists(file)) {
                return "is a link to a file that does not exist";
            }
            if (Files.isDirectory(file)) {
                return "is a folder, not a file; name a file";
            }
            if (!Files.isRegularFile(file)) {
                return "is not a regular file (a device, FIFO or socket); name a file";
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                return "is " + megabytes(size) + "; " + what + " may be at most " + megabytes(maxBytes);
            }
            if (!Files.isReadable(file)) {
                return "cannot be read: permission denied";
            }
        } catch (IOException | SecurityException e) {
            return "cannot be read: " + reason(e);
        }
        return null;
    }

    /** Why {@code dir} cannot be used as an input folder ("does not exist", "is a file, not a folder"), or null. */
    public static String notAFolder(Path dir) {
        if (Files.isDirectory(dir)) {
            return null;
        }
        return Files.exists(dir) ? "is a file, not a folder" : "does not exist";
    }

    /** Reads {@code file} as UTF-8 text; any problem is an {@link InputException} naming the file. */
    public static String readText(Path file, long maxBytes, String what) {
        String name = file.toString();
        String problem = unreadable(file, maxBytes, what);
        if (problem != null) {
            throw InputException.of(name, 0, null, problem);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Read at most one byte more than allowed: the file may have grown since its size was checked.
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw InputException.of(name, 0, null, "cannot be read: " + reason(e));
        }
        if (bytes.length > maxBytes) {
            throw InputException.of(name, 0, null, "is larger than " + megabytes(maxBytes) + ", the limit for "
                    + what);
        }
        return decode(bytes, name);
    }

    /** Strict UTF-8 decoding; a malformed sequence is reported at its line, without quoting the text. */
    static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L, bytes.length + 1L));
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputException(new InputProblem(name, line, 0, null,
                    "is not UTF-8 text at line " + line + "; save the file as UTF-8"));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        // A byte-order mark (as some Windows editors write) is not content.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** SHA-256 of the file's bytes, in hexadecimal. */
    public static String sha256(Path file) {
        String problem = unreadable(file, Long.MAX_VALUE, "an input file");
        if (problem != null) {
            throw InputException.of(file.toString(), 0, null, problem);
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw InputException.of(file.toString(), 0, null, "cannot be read: " + reason(e));
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String megabytes(long bytes) {
        return bytes < (1 << 20) ? bytes + " bytes" : (bytes >> 20) + " MB";
    }
}
