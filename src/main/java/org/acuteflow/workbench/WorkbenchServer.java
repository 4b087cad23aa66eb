package org.acuteflow.workbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.experiment.ModelFactory;
import org.acuteflow.network.BaseNetwork;
import org.acuteflow.network.Boundaries;
import org.acuteflow.network.CoverSchedule;
import org.acuteflow.network.Network;
import org.acuteflow.network.NetworkLoader;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The planner's workbench: a Javalin server for the single-page app in {@code /acuteflow/web} (Leaflet from its
 * WebJar, so nothing comes from the internet). The app reads the network (sites, configurations, boundary
 * polygons), turns the planner's changes into an experiment file, queues runs, follows them over server-sent
 * events, and reads results folders below the results root. Input is checked by the experiment loader and the
 * model factory, whose problems are shown as the command line shows them.
 */
public final class WorkbenchServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Path networkDir;
    private final Path experimentsDir;
    private final ResultsRoot results;
    private final Path drafts;
    private final ModelFactory factory;
    private final RunQueue queue;
    private final Javalin app;
    private volatile byte[] zonesGeoJson;
    private volatile byte[] areasGeoJson;

    /**
     * @param networkDir     the network the planner edits
     * @param resultsRoot    where runs are written and past results are read (the only files served)
     * @param experimentsDir where "Save as experiment" writes experiment files
     */
    public WorkbenchServer(Path networkDir, Path resultsRoot, Path experimentsDir, ModelFactory factory)
            throws IOException {
        this.networkDir = networkDir.toAbsolutePath().normalize();
        this.experimentsDir = experimentsDir.toAbsolutePath().normalize();
        this.results = new ResultsRoot(resultsRoot);
        this.drafts = Files.createDirectories(results.root().resolve(".workbench"));
        this.factory = factory;
        this.queue = new RunQueue(results.root(), factory);
        NetworkLoader.loadBase(this.networkDir); // bad network: fail now, with the loader's messages
        this.app = Javalin.create(config -> {
            config.staticFiles.add("/acuteflow/web", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.get("/api/network", this::network);
            config.routes.get("/api/boundaries/zones", ctx -> geojson(ctx, true));
            config.routes.get("/api/boundaries/areas", ctx -> geojson(ctx, false));
            config.routes.post("/api/check", this::check);
            config.routes.post("/api/runs", this::submit);
            config.routes.get("/api/runs", this::runs);
            config.routes.delete("/api/runs/{id}", this::cancel);
            config.routes.sse("/api/runs/{id}/events", this::events);
            config.routes.post("/api/save", this::save);
            config.routes.get("/api/results", this::folders);
            config.routes.get("/api/result", this::result);
            config.routes.get("/files/<path>", this::file);
            config.routes.exception(Exception.class, (e, ctx) -> {
                ctx.status(500).json(error("internal error: " + e));
            });
        });
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public WorkbenchServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        queue.close();
        app.stop();
    }

    // ---------------------------------------------------------------- network

    private void network(Context ctx) {
        BaseNetwork base = NetworkLoader.loadBase(networkDir);
        ObjectNode o = F.objectNode();
        o.put("name", base.name());
        o.put("description", base.description());
        o.put("derivedBoundaries", base.boundaryFiles() == null || base.boundaryFiles().zones() == null);
        ArrayNode services = o.putArray("services");
        for (Service s : Service.values()) {
            services.add(s.key());
        }
        ArrayNode profiles = o.putArray("coverProfiles");
        base.coverProfiles().keySet().stream().sorted().forEach(profiles::add);
        ArrayNode sites = o.putArray("sites");
        for (BaseNetwork.SiteDef s : base.sites()) {
            ObjectNode n = sites.addObject();
            n.put("id", s.id());
            n.put("name", s.name());
            n.put("lat", s.lat());
            n.put("lon", s.lon());
            ArrayNode sv = n.putArray("services");
            for (Service x : Service.values()) {
                if (s.services().contains(x)) {
                    sv.add(x.key());
                }
            }
        }
        ArrayNode configurations = o.putArray("configurations");
        for (String name : NetworkLoader.configurations(networkDir)) {
            ObjectNode c = configurations.addObject();
            c.put("name", name);
            try {
                Network net = NetworkLoader.load(networkDir, name);
                c.put("vehicles", net.totalVehicles());
                c.put("strokeRouting", net.protocol().stroke().name().toLowerCase(java.util.Locale.ROOT));
                ObjectNode state = c.putObject("sites");
                for (Site s : net.sites()) {
                    ObjectNode st = state.putObject(s.id());
                    st.put("open", s.open());
                    ArrayNode sv = st.putArray("services");
                    ObjectNode cover = st.putObject("cover");
                    for (Service x : Service.values()) {
                        if (s.services().contains(x)) {
                            sv.add(x.key());
                            cover.put(x.key(), profileName(base.coverProfiles(), s.coverFor(x)));
                        }
                    }
                }
            } catch (InputException e) {
                c.set("problems", problems(e));
            }
        }
        ctx.json(o);
    }

    private static String profileName(Map<String, CoverSchedule> profiles, CoverSchedule c) {
        if (c.equals(CoverSchedule.always())) {
            return profiles.entrySet().stream().filter(e -> e.getValue().equals(c)).map(Map.Entry::getKey).sorted()
                    .findFirst().orElse("24x7");
        }
        return profiles.entrySet().stream().filter(e -> e.getValue().equals(c)).map(Map.Entry::getKey).sorted()
                .findFirst().orElse("(defined in the configuration)");
    }

    private void geojson(Context ctx, boolean zones) {
        byte[] body = zones ? zonesGeoJson : areasGeoJson;
        if (body == null) {
            synchronized (this) {
                if (zonesGeoJson == null) {
                    BaseNetwork base = NetworkLoader.loadBase(networkDir);
                    Boundaries b = Boundaries.of(base);
                    zonesGeoJson = featureCollection(b.zones(), base, true, b.derived());
                    areasGeoJson = featureCollection(b.areas(), base, false, b.derived());
                }
                body = zones ? zonesGeoJson : areasGeoJson;
            }
        }
        ctx.contentType("application/geo+json").result(body);
    }

    private static byte[] featureCollection(Map<String, Geometry> shapes, BaseNetwork base, boolean zones,
                                            boolean derived) {
        ObjectNode root = F.objectNode();
        root.put("type", "FeatureCollection");
        root.put("derived", derived);
        ArrayNode features = root.putArray("features");
        Map<String, org.acuteflow.network.Zone> byId = new java.util.HashMap<>();
        base.zones().forEach(z -> byId.put(z.id(), z));
        shapes.forEach((key, g) -> {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            ObjectNode p = f.putObject("properties");
            if (zones) {
                var z = byId.get(key);
                p.put("id", key);
                p.put("name", z.name());
                p.put("area", z.area());
                p.put("population", z.population());
            } else {
                p.put("name", key);
            }
            f.set("geometry", geometry(g));
        });
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode geometry(Geometry g) {
        ObjectNode o = F.objectNode();
        ArrayNode coords;
        if (g.getNumGeometries() == 1 && g.getGeometryN(0) instanceof Polygon p) {
            o.put("type", "Polygon");
            o.set("coordinates", rings(p));
            return o;
        }
        o.put("type", "MultiPolygon");
        coords = o.putArray("coordinates");
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                coords.add(rings(p));
            }
        }
        return o;
    }

    private static ArrayNode rings(Polygon p) {
        ArrayNode rings = F.arrayNode();
        rings.add(ring(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(ring(p.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static ArrayNode ring(Coordinate[] cs) {
        ArrayNode a = F.arrayNode();
        for (Coordinate c : cs) {
            a.addArray().add(round(c.x)).add(round(c.y));
        }
        return a;
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(5, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    // ---------------------------------------------------------------- drafts, runs, saving

    /** A checked draft: the experiment file written and loaded, every scenario prepared. */
    private record Checked(Path file, Experiment experiment, String yaml) {
    }

    /**
     * Writes the draft as an experiment file in {@code folder} and checks it as {@code acuteflow run} would
     * (loader, then each scenario's network and parameters), throwing the same {@link InputException}.
     */
    private Checked checked(Draft draft, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String yaml = draft.toYaml(file.getParent().relativize(networkDir));
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        Experiment e = ExperimentLoader.load(file);
        List<org.acuteflow.config.InputProblem> all = new ArrayList<>();
        for (ScenarioSpec s : e.scenarios()) {
            try {
                factory.prepare(e, s);
            } catch (InputException ex) {
                all.addAll(ex.problems());
            }
        }
        if (!all.isEmpty()) {
            throw new InputException(all);
        }
        return new Checked(file, e, yaml);
    }

    private Path draftFile(Draft d) {
        String safe = d.name().matches("[A-Za-z0-9][A-Za-z0-9._-]*") ? d.name() : "draft";
        return drafts.resolve(safe + ".yaml");
    }

    private void check(Context ctx) throws IOException {
        Draft d = Draft.fromJson(ctx.body());
        try {
            Checked c;
            synchronized (this) {
                c = checked(d, draftFile(d));
            }
            ctx.json(F.objectNode().put("ok", true).put("yaml", c.yaml()));
        } catch (InputException e) {
            ctx.status(400).json(F.objectNode().put("ok", false).set("problems", problems(e)));
        }
    }

    private void submit(Context ctx) throws IOException {
        Draft d = Draft.fromJson(ctx.body());
        try {
            RunQueue.Job job;
            synchronized (this) {
                // Each queued run keeps its own file: a later draft must not change a waiting run.
                Path file = drafts.resolve("run-" + System.nanoTime() + "-" + draftFile(d).getFileName());
                Checked c = checked(d, file);
                job = queue.submit(c.experiment().name(), c.file(), c.experiment());
            }
            ctx.status(202).json(job(job));
        } catch (InputException e) {
            ctx.status(400).json(F.objectNode().put("ok", false).set("problems", problems(e)));
        }
    }

    private void runs(Context ctx) {
        ArrayNode a = F.arrayNode();
        queue.all().forEach(j -> a.add(job(j)));
        ctx.json(a);
    }

    private void cancel(Context ctx) {
        Integer id = intParam(ctx.pathParam("id"));
        if (id == null || queue.get(id) == null) {
            ctx.status(404).json(error("no run " + ctx.pathParam("id")));
            return;
        }
        boolean cancelled = queue.cancel(id);
        ctx.json(job(queue.get(id)).put("cancelRequested", cancelled));
    }

    private void events(SseClient client) {
        Integer id = intParam(client.ctx().pathParam("id"));
        RunQueue.Job job = id == null ? null : queue.get(id);
        if (job == null) {
            client.sendEvent("error", error("no run " + client.ctx().pathParam("id")).toString());
            client.close();
            return;
        }
        if (job.finished()) {
            // Without keepAlive the stream ends, flushed, when this handler returns.
            client.sendEvent("progress", job(job).toString());
            return;
        }
        client.keepAlive();
        Consumer<RunQueue.Job> listener = new Consumer<>() {
            @Override
            public void accept(RunQueue.Job j) {
                if (client.terminated()) {
                    j.listeners.remove(this);
                    return;
                }
                client.sendEvent("progress", job(j).toString());
                if (j.finished()) {
                    j.listeners.remove(this);
                    client.close();
                }
            }
        };
        client.onClose(() -> job.listeners.remove(listener));
        job.listeners.add(listener);
        // The current state, sent from another thread: a stream kept alive is closed from outside its handler.
        java.util.concurrent.CompletableFuture.runAsync(() -> listener.accept(job));
    }

    private void save(Context ctx) throws IOException {
        Draft d = Draft.fromJson(ctx.body());
        if (!d.name().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            ctx.status(400).json(F.objectNode().put("ok", false).set("problems", F.arrayNode().add(
                    "name: must be letters, digits, '.', '_' or '-' (it names the file and the results folder), got '"
                            + d.name() + "'")));
            return;
        }
        Path file = experimentsDir.resolve(d.name() + ".yaml");
        if (Files.exists(file)) {
            ctx.status(409).json(F.objectNode().put("ok", false).set("problems", F.arrayNode().add(
                    file + " already exists; choose another name (an experiment file is never overwritten)")));
            return;
        }
        try {
            Checked c;
            synchronized (this) {
                // Checked in the drafts folder first, so that a bad draft leaves nothing in the experiments folder.
                checked(d, draftFile(d));
                c = checked(d, file);
            }
            ctx.json(F.objectNode().put("ok", true).put("file", c.file().toString()).put("yaml", c.yaml()));
        } catch (InputException e) {
            Files.deleteIfExists(file);
            ctx.status(400).json(F.objectNode().put("ok", false).set("problems", problems(e)));
        }
    }

    private ObjectNode job(RunQueue.Job j) {
        ObjectNode o = F.objectNode();
        o.put("id", j.id);
        o.put("name", j.name);
        o.put("state", j.state.name().toLowerCase(java.util.Locale.ROOT));
        o.put("done", j.done);
        o.put("total", j.total);
        o.put("message", j.message);
        if (j.resultDir != null) {
            o.put("result", results.relative(j.resultDir));
        }
        ArrayNode p = o.putArray("problems");
        j.problems.forEach(p::add);
        return o;
    }

    // ---------------------------------------------------------------- results

    private void folders(Context ctx) throws IOException {
        ArrayNode a = F.arrayNode();
        results.folders().forEach(a::add);
        ctx.json(a);
    }

    private void result(Context ctx) throws IOException {
        Path folder = results.resolve(ctx.queryParam("path"));
        if (folder == null || !Files.isRegularFile(folder.resolve("summary.csv"))) {
            ctx.status(404).json(error("no results folder '" + ctx.queryParam("path") + "' below the results root"));
            return;
        }
        ctx.json(results.tables(folder));
    }

    private void file(Context ctx) throws IOException {
        Path f = results.file(ctx.pathParam("path"));
        if (f == null) {
            ctx.status(404).json(error("not a results file below the results root: " + ctx.pathParam("path")));
            return;
        }
        String n = f.getFileName().toString();
        String type = n.endsWith(".html") ? "text/html; charset=utf-8" : n.endsWith(".png") ? "image/png"
                : n.endsWith(".svg") ? "image/svg+xml" : n.endsWith(".csv") ? "text/csv; charset=utf-8"
                : n.endsWith(".geojson") ? "application/geo+json" : n.endsWith(".json") ? "application/json"
                : "text/plain; charset=utf-8";
        ctx.contentType(type).result(Files.readAllBytes(f));
    }

    // ---------------------------------------------------------------- helpers

    private static ArrayNode problems(InputException e) {
        ArrayNode a = F.arrayNode();
        e.problems().forEach(p -> a.add(p.toString()));
        return a;
    }

    private static ObjectNode error(String message) {
        return F.objectNode().put("error", message);
    }

    private static Integer intParam(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
