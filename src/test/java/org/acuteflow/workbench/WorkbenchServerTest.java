package org.acuteflow.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import org.acuteflow.cli.Main;
import org.acuteflow.model.FlowModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's HTTP API on the example network: files only from the results root, CLI messages, runs. */
class WorkbenchServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path results;
    private Path experiments;
    private WorkbenchServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start() throws IOException {
        results = Files.createDirectories(dir.resolve("results"));
        experiments = Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(dir.resolve("secret.csv"), "not yours\n");
        Files.createDirectories(results.resolve("exp/20260101-000000"));
        Files.writeString(results.resolve("exp/20260101-000000/summary.csv"), "scenario,metric\nx,y\n");
        server = new WorkbenchServer(Path.of("networks", "example"), results, experiments, new FlowModelFactory())
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request line sent as written, since HTTP clients normalise "..". */
    private String raw(String target) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    @Test
    void servesResultFilesOnlyFromTheResultsRoot() throws Exception {
        assertEquals(200, get("/files/exp/20260101-000000/summary.csv").statusCode());
        for (String target : new String[] {"/files/../secret.csv", "/files/%2e%2e/secret.csv",
                "/files/exp/../../secret.csv", "/files/exp/..%2f..%2fsecret.csv", "/files//etc/passwd",
                "/files/.workbench/x.yaml", "/files/%2fetc%2fpasswd"}) {
            String status = raw(target);
            assertTrue(status.contains(" 404 ") || status.contains(" 400 "), target + " gave " + status);
        }
        ResultsRoot root = new ResultsRoot(results);
        assertNull(root.resolve("../secret.csv"));
        assertNull(root.resolve("exp/../../secret.csv"));
        assertNull(root.resolve("/etc/passwd"));
        assertNull(root.resolve(".workbench"));
        Files.createSymbolicLink(results.resolve("link.csv"), dir.resolve("secret.csv"));
        assertNull(root.file("link.csv"), "a link out of the root is not followed");
        assertNotNull(root.file("exp/20260101-000000/summary.csv"));
        assertEquals("[\"exp/20260101-000000\"]", get("/api/results").body());
    }

    @Test
    void bindsToLoopbackAndServesTheAppWithLeafletFromTheJar() throws Exception {
        assertTrue(get("/").body().contains("/webjars/leaflet/1.9.4/dist/leaflet.js"));
        assertEquals(200, get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode());
        assertEquals(200, get("/app.js").statusCode());
        JsonNode zones = JSON.readTree(get("/api/boundaries/zones").body());
        assertTrue(zones.path("derived").asBoolean(), "the example network has no boundary files");
        assertEquals(5, zones.path("features").size());
    }

    @Test
    void badInputGetsTheMessagesTheCommandLineGives() throws Exception {
        HttpResponse<String> r = post("/api/check", "{\"name\":\"bad\",\"configuration\":\"hasu\",\"days\":1,"
                + "\"closeSites\":[\"Northern Generl\"],\"replications\":0}");
        assertEquals(400, r.statusCode());
        JsonNode problems = JSON.readTree(r.body()).path("problems");
        assertTrue(problems.toString().contains("replications"), problems.toString());
        Path draft = results.resolve(".workbench/bad.yaml");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", draft.toString(), "--results", dir.resolve("cli").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(Main.BAD_INPUT, code);
        for (JsonNode p : problems) {
            if (!p.asText().contains("close_sites")) {
                assertTrue(err.toString().contains("error: " + p.asText()), err + " has " + p.asText());
            }
        }
        r = post("/api/check", "{\"name\":\"bad\",\"configuration\":\"hasu\",\"days\":1,"
                + "\"closeSites\":[\"Northern Generl\"],\"replications\":2}");
        assertTrue(r.body().contains("did you mean A (Northern General)"), r.body());
    }

    @Test
    void theScenarioMayStartFromAnotherConfigurationThanTheBaseline() throws Exception {
        HttpResponse<String> r = post("/api/check", "{\"name\":\"two\",\"configuration\":\"local\","
                + "\"scenarioConfiguration\":\"hasu\",\"days\":1,\"replications\":2,\"closeSites\":[\"B\"]}");
        assertEquals(200, r.statusCode(), r.body());
        String yaml = JSON.readTree(r.body()).path("yaml").asText();
        ExperimentLoaderView e = ExperimentLoaderView.of(results.resolve(".workbench/two.yaml"));
        assertEquals(List.of("local", "hasu"), e.configurations(), yaml);
        assertTrue(yaml.contains("close_sites:") && yaml.contains("- B"), yaml);
        // Without a scenario configuration the scenario starts from the baseline's.
        r = post("/api/check", "{\"name\":\"one\",\"configuration\":\"local\",\"days\":1,\"replications\":2}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("local", "local"), ExperimentLoaderView.of(results.resolve(".workbench/one.yaml"))
                .configurations());
    }

    /** The scenarios' configurations of an experiment file, as the experiment loader reads them. */
    private record ExperimentLoaderView(List<String> configurations) {
        static ExperimentLoaderView of(Path file) {
            return new ExperimentLoaderView(org.acuteflow.config.ExperimentLoader.load(file).scenarios().stream()
                    .map(org.acuteflow.config.ScenarioSpec::configuration).toList());
        }
    }

    @Test
    void aRunIsQueuedFollowedAndItsSavedExperimentReproducesIt() throws Exception {
        String draft = "{\"name\":\"api-run\",\"configuration\":\"hasu\",\"days\":1,\"replications\":2,"
                + "\"closeServices\":[{\"site\":\"Harbour Hospital\",\"service\":\"type1_ae\"}],"
                + "\"cover\":{\"hasu\":{\"sites\":{\"D\":\"weekday-08-18\"}}},\"fleetScale\":0.5}";
        HttpResponse<String> r = post("/api/runs", draft);
        assertEquals(202, r.statusCode(), r.body());
        int id = JSON.readTree(r.body()).path("id").asInt();
        // As a browser's EventSource asks for it.
        HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/runs/" + id + "/events")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(events.body().contains("event: progress") && events.body().contains("\"state\":\"done\""),
                events.statusCode() + " " + events.headers().map() + " [" + events.body() + "]");
        JsonNode job = JSON.readTree(get("/api/runs").body()).get(0);
        Path result = results.resolve(job.path("result").asText());
        JsonNode tables = JSON.readTree(get("/api/result?path=" + job.path("result").asText()).body());
        assertTrue(tables.path("differences").size() > 0 && tables.path("borough_summary").size() > 0, tables.toString());
        // The hospital table's measures, each a column of site_summary.csv.
        JsonNode row = tables.path("site_summary").get(0);
        for (JsonNode m : tables.path("site_measures")) {
            assertTrue(row.has(m.path("column").asText()), m + " in " + row);
        }
        assertTrue(tables.path("site_measures").size() >= 9, tables.path("site_measures").toString());

        JsonNode saved = JSON.readTree(post("/api/save", draft).body());
        Path file = Path.of(saved.path("file").asText());
        assertEquals(experiments.resolve("api-run.yaml").toAbsolutePath(), file);
        assertEquals(409, post("/api/save", draft).statusCode(), "an experiment file is never overwritten");
        Path cli = dir.resolve("cli-run");
        int code = Main.execute(new String[] {"run", file.toString(), "--out", cli.toString(), "--quiet"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(Main.OK, code);
        for (String f : new String[] {"summary.csv", "replications.csv", "differences.csv"}) {
            assertEquals(Files.readString(result.resolve(f)), Files.readString(cli.resolve(f)), f);
        }
    }
}
