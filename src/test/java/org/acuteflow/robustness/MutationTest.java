package org.acuteflow.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of automatically damaged copies of the shipped input files (fixed seed, so every build tries the same
 * mutants) must each either be accepted or rejected with exit code 2: never a stack trace, never exit 1. Most
 * are only validated; a sample of the accepted ones is also run for one tiny replication, since a value that
 * passes validation must not break the simulation either.
 */
class MutationTest {
    private static final long SEED = 20240917L;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String[] HUGE = {"1e308", "99999999999999999999", "2147483648", "1e15"};
    private static final String[] NOT_A_NUMBER = {"NaN", ".nan", "-.inf", "Infinity", "nan"};

    @TempDir
    Path dir;

    private int mutants;
    private int accepted;
    private int runs;
    private final List<String> failures = new ArrayList<>();

    /** One kind of damage; returns the damaged bytes. */
    static byte[] mutate(byte[] original, int kind, Random random) {
        String text = new String(original, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int n = lines.size();
        switch (kind) {
            case 0 -> lines.remove(random.nextInt(n));
            case 1 -> {
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
            }
            case 2 -> {
                // Two fields of one line trade places: CSV cells, or a YAML key and its value.
                int i = random.nextInt(n);
                String line = lines.get(i);
                String sep = line.contains(",") ? "," : ": ";
                String[] parts = line.split(Pattern.quote(sep), -1);
                if (parts.length >= 2) {
                    int a = random.nextInt(parts.length);
                    int b = random.nextInt(parts.length);
                    String t = parts[a];
                    parts[a] = parts[b];
                    parts[b] = t;
                    lines.set(i, String.join(sep, parts));
                }
            }
            case 3 -> {
                byte[] junk = new byte[1 + random.nextInt(12)];
                random.nextBytes(junk);
                int at = original.length == 0 ? 0 : random.nextInt(original.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(original, 0, at);
                out.writeBytes(junk);
                out.write(original, at, original.length - at);
                return out.toByteArray();
            }
            case 4 -> {
                return replaceNumber(text, random, HUGE[random.nextInt(HUGE.length)]);
            }
            case 5 -> {
                return replaceNumber(text, random, NOT_A_NUMBER[random.nextInt(NOT_A_NUMBER.length)]);
            }
            case 6 -> {
                return replaceNumber(text, random, null);
            }
            case 7 -> {
                return new byte[0];
            }
            case 8 -> {
                int i = random.nextInt(n);
                lines.add(i, lines.get(i));
            }
            default -> {
                return java.util.Arrays.copyOf(original, random.nextInt(Math.max(1, original.length)));
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static final int KINDS = 10;

    /** Replaces one number in the text with {@code with}, or with its negation when {@code with} is null. */
    static byte[] replaceNumber(String text, Random random, String with) {
        Matcher m = NUMBER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        String number = text.substring(s[0], s[1]);
        String replacement = with != null ? with : number.startsWith("-") ? number.substring(1) : "-" + number;
        return (text.substring(0, s[0]) + replacement + text.substring(s[1])).getBytes(StandardCharsets.UTF_8);
    }

    /** Validates the experiment; for every {@code runEvery}-th accepted mutant also runs it briefly. */
    private void check(String label, Path experiment, boolean mayRun) {
        mutants++;
        Cli.Result v = Cli.run("validate", experiment.toString());
        judge(label + " / validate", v);
        if (v.code() != 0) {
            return;
        }
        accepted++;
        if (mayRun && accepted % 12 == 1 && runs < 10) {
            runs++;
            Path out = dir.resolve("out-" + mutants);
            Cli.Result r = Cli.run("run", experiment.toString(), "--days", "1", "--warmup-days", "0",
                    "--replications", "1", "--threads", "1", "--quiet", "--out", out.toString());
            judge(label + " / run", r);
            if (r.code() == 0) {
                String summary = Fixtures.read(out.resolve("summary.csv"));
                if (summary.contains("NaN") || summary.contains("Infinity")) {
                    failures.add(label + " / run: summary.csv holds NaN or Infinity");
                }
            }
        }
    }

    private void judge(String label, Cli.Result r) {
        boolean stack = r.err().contains("\tat ") || r.out().contains("\tat ");
        if ((r.code() != 0 && r.code() != 2) || stack) {
            failures.add(label + ": " + r.toString().lines().limit(12).reduce("", (a, b) -> a + "\n  " + b));
        }
    }

    @Test
    @Tag("slow")
    void damagedInputsAreAcceptedOrRejectedCleanly() throws IOException {
        Random random = new Random(SEED);
        long start = System.nanoTime();

        // 1. Every file of the example network, damaged one at a time, under a small experiment.
        List<Path> networkFiles;
        try (Stream<Path> s = Files.walk(Fixtures.EXAMPLE)) {
            networkFiles = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : networkFiles) {
            String relative = Fixtures.EXAMPLE.relativize(file).toString();
            byte[] original = Files.readAllBytes(file);
            for (int i = 0; i < 28; i++) {
                int kind = i % KINDS;
                Path case_ = Files.createDirectories(dir.resolve("net-" + mutants));
                Fixtures.exampleNetwork(case_);
                Files.write(case_.resolve("net").resolve(relative), mutate(original, kind, random));
                check(relative + " kind " + kind + " #" + i, Fixtures.experiment(case_, "exp", 1, 1.0), true);
            }
        }

        // 2. The small experiment itself, damaged.
        for (int i = 0; i < 50; i++) {
            Path case_ = Files.createDirectories(dir.resolve("exp-" + mutants));
            Fixtures.exampleNetwork(case_);
            Path exp = Fixtures.experiment(case_, "exp", 1, 1.0);
            Files.write(exp, mutate(Files.readAllBytes(exp), i % KINDS, random));
            check("experiment kind " + (i % KINDS) + " #" + i, exp, true);
        }

        // 3. The built-in parameter defaults, damaged, given as a parameter file (validated only: a damaged but
        //    valid demand could ask for a very long simulation).
        Path defaults = Path.of("src", "main", "resources", "acuteflow", "defaults");
        List<Path> fragments;
        try (Stream<Path> s = Files.list(defaults)) {
            fragments = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path fragment : fragments) {
            byte[] original = Files.readAllBytes(fragment);
            for (int i = 0; i < 20; i++) {
                Path case_ = Files.createDirectories(dir.resolve("par-" + mutants));
                Fixtures.exampleNetwork(case_);
                Files.write(case_.resolve("p.yaml"), mutate(original, i % KINDS, random));
                Path exp = Fixtures.experiment(case_, "exp", 1, 1.0);
                Fixtures.replace(exp, "outputs: [differences]", "outputs: [differences]\nparameter_files: [p.yaml]");
                check(fragment.getFileName() + " kind " + (i % KINDS) + " #" + i, exp, false);
            }
        }

        // 4. The shipped experiments (those present), damaged, validated against their own networks: the network
        //    path is made absolute so the copy still finds it, and is left undamaged so the network is loaded once.
        Path experiments = Path.of("experiments");
        List<Path> shipped = new ArrayList<>();
        if (Files.isDirectory(experiments)) {
            try (Stream<Path> s = Files.list(experiments)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(shipped::add);
            }
        }
        for (Path file : shipped) {
            String text = Files.readString(file);
            Matcher m = Pattern.compile("(?m)^network:\\s*(\\S+)").matcher(text);
            if (!m.find()) {
                continue;
            }
            Path network = file.toAbsolutePath().getParent().resolve(m.group(1)).normalize();
            String head = text.substring(0, m.start()) + "network: " + network;
            String tail = text.substring(m.end());
            for (int i = 0; i < 12; i++) {
                Path case_ = Files.createDirectories(dir.resolve("shipped-" + mutants));
                org.acuteflow.testing.ExampleFiles.copyTree(experiments, case_);
                Path exp = case_.resolve(file.getFileName().toString());
                byte[] damaged = mutate(tail.getBytes(StandardCharsets.UTF_8), i % KINDS, random);
                Files.write(exp, (head + new String(damaged, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                check(file.getFileName() + " kind " + (i % KINDS) + " #" + i, exp, false);
            }
        }

        // 5. A configuration in the middle of an extends chain (chained -> middle -> hasu), damaged.
        for (int i = 0; i < 20; i++) {
            Path case_ = Files.createDirectories(dir.resolve("chain-" + mutants));
            Path net = Fixtures.exampleNetwork(case_);
            Path middle = net.resolve("configurations/middle.yaml");
            Files.writeString(middle, "description: closes C on top of hasu\nextends: hasu\nclose_sites: [C]\n"
                    + "fleet: {scale: 1.5}\nbeds: {A: {hasu: 12}}\n");
            Files.writeString(net.resolve("configurations/chained.yaml"), "extends: middle\nfleet: {vehicles: {S1: 3}}\n");
            Files.write(middle, mutate(Files.readAllBytes(middle), i % KINDS, random));
            Path exp = Fixtures.experiment(case_, "exp", 1, 1.0);
            Fixtures.replace(exp, "configuration: local", "configuration: chained");
            check("configuration chain kind " + (i % KINDS) + " #" + i, exp, true);
        }

        // 6. A sweep (site closures and a parameter grid), damaged.
        for (int i = 0; i < 20; i++) {
            Path case_ = Files.createDirectories(dir.resolve("sweep-" + mutants));
            Fixtures.exampleNetwork(case_);
            Path exp = case_.resolve("sweep.yaml");
            Files.writeString(exp, String.join("\n", "name: sweep", "network: net",
                    "run: {days: 1, warmup_days: 0, replications: 1, seed: 3}", "outputs: [differences]",
                    "sweep:", "  configuration: hasu", "  close_each: type1_ae", "  sites: [B, C]", "  grid:",
                    "    ems.fleet_scale: [0.5, 2]", "    hospital.ed_stay_minutes: [{type: fixed, value: 60}]",
                    "parameters: {demand: {scale: 0.002}}", ""));
            Files.write(exp, mutate(Files.readAllBytes(exp), i % KINDS, random));
            check("sweep kind " + (i % KINDS) + " #" + i, exp, true);
        }

        // 7. An interrupted run's run.json, damaged, then resumed.
        Path resumeCase = Files.createDirectories(dir.resolve("resume"));
        Fixtures.exampleNetwork(resumeCase);
        Path resumeExp = Fixtures.experiment(resumeCase, "exp", 1, 1.0);
        var loaded = org.acuteflow.config.ExperimentLoader.load(resumeExp);
        for (int i = 0; i < 20; i++) {
            Path partial;
            try (var folder = org.acuteflow.experiment.RunFolder.create(resumeCase.resolve("results"), "exp", null,
                    java.time.LocalDateTime.now())) {
                folder.writeResume(resumeExp, loaded.sha256(), loaded.run(), false,
                        org.acuteflow.experiment.InputFingerprint.of(loaded));
                partial = folder.workDir();
            }
            Path runJson = partial.resolve("run.json");
            Files.write(runJson, mutate(Files.readAllBytes(runJson), i % KINDS, random));
            mutants++;
            judge("run.json kind " + (i % KINDS) + " #" + i, Cli.run("run", "--resume", partial.toString(), "--quiet"));
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("mutation test: %d mutants (%d accepted, %d run) in %.1f s%n", mutants, accepted, runs, seconds);
        assertTrue(mutants >= 300, "hundreds of mutants: " + mutants);
        assertTrue(accepted > 0 && accepted < mutants, "some mutants are valid, some not: " + accepted + "/" + mutants);
        assertTrue(runs > 0, "some accepted mutants were run");
        assertTrue(failures.isEmpty(), failures.size() + " mutants broke the tool:\n" + String.join("\n", failures));
    }
}
