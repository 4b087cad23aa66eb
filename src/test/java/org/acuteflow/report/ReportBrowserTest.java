package org.acuteflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Renders report.html in headless Chromium, as a reader's browser would open it from disk: the page's own check
 * script must find every image decoded and no script error, and a screenshot (report.png) is written beside the
 * report for people to look at. Chromium comes from .ci/install-chromium; without it the test is skipped, except
 * in CI (CI=true), where its absence is a failure.
 */
class ReportBrowserTest {
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern CHECK = Pattern.compile(
            "id=\"" + HtmlReport.CHECK_ID + "\"[^>]*>images=(\\d+);broken=(\\d+);errors=(\\d+)([^<]*)<");

    static Path chromium() {
        Path fixed = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(fixed)) {
            return fixed;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                for (String name : List.of("chromium", "chromium-browser")) {
                    Path p = Path.of(dir, name);
                    if (Files.isExecutable(p)) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    /** Output kept under the build folder so that a CI run can publish the report and its screenshot. */
    private static Path outputFolder() throws IOException {
        Path dir = Path.of("target", "report-sample").toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Runs Chromium once with a fresh profile; stdout goes to {@code out}. Killed if it outlives the timeout. */
    private static void runChromium(Path chromium, Path work, Path out, String... args)
            throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(work, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) {
            fail("chromium exited with " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    @Test
    void reportRendersWithEveryImageAndNoScriptError() throws Exception {
        Path chromium = chromium();
        if (chromium == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("chromium is not installed; CI must run .ci/install-chromium first");
            }
            Assumptions.assumeTrue(false, "chromium not installed (run .ci/install-chromium)");
        }
        Path dir = outputFolder();
        RunOutputs.write(ReportFixture.full(), dir, new RunInfo(1.5));
        Path report = dir.resolve("report.html");
        long charts;
        try (Stream<Path> list = Files.list(dir.resolve("charts"))) {
            charts = list.count();
        }
        Path work = Files.createDirectories(dir.resolve(".chromium"));
        try {
            Path dom = work.resolve("dom.html");
            // A virtual-time budget lets the load event and its handler finish before the DOM is dumped.
            runChromium(chromium, work, dom, "--virtual-time-budget=5000", "--dump-dom", report.toUri().toString());
            String html = Files.readString(dom, StandardCharsets.UTF_8);
            Matcher m = CHECK.matcher(html);
            assertTrue(m.find(), "the page's check script ran and wrote its result");
            assertEquals(charts, Long.parseLong(m.group(1)), "every chart is an image on the page");
            assertEquals("0", m.group(2), "broken images");
            assertEquals("0", m.group(3), "script errors:" + m.group(4));

            Path png = dir.resolve("report.png");
            runChromium(chromium, work, work.resolve("screenshot.out"), "--window-size=1280,2000",
                    "--screenshot=" + png, report.toUri().toString());
            BufferedImage shot = ImageIO.read(png.toFile());
            assertNotNull(shot, "report.png decodes");
            assertEquals(1280, shot.getWidth());
            assertEquals(2000, shot.getHeight());
            assertFalse(isBlank(shot), "the screenshot shows something");
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static boolean isBlank(BufferedImage image) {
        int first = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                if (image.getRGB(x, y) != first) {
                    return false;
                }
            }
        }
        return true;
    }
}
