package org.acuteflow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.acuteflow.network.LondonBuilder;
import org.acuteflow.network.NetworkCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code acuteflow network}: build the shipped London network and check network folders. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Build and check network folders (zones, sites, stations, roads, configurations).",
        subcommands = {NetworkCommand.Check.class, NetworkCommand.Sites.class, NetworkCommand.BuildLondon.class})
public final class NetworkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a network command: check, sites, build-london");
    }

    /** Validates a folder and prints its summary; exit 2 with every problem listed when invalid. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a network folder and its configurations; print sites by service, zones, population "
                    + "and, per configuration, population-weighted blue-light minutes to the nearest HASU, MTC and A&E. "
                    + "Exit 0 when valid, 2 otherwise.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The network folder (holding network.yaml).")
        Path dir;

        @Option(names = "--configuration", paramLabel = "NAME",
                description = "Check only this configuration (repeatable); default: all in configurations/.")
        List<String> configurations = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(NetworkCheck.render(NetworkCheck.check(dir, configurations)));
            return Main.OK;
        }
    }

    /** Lists the sites: the ids experiments and configurations use, hospital names and services in the data. */
    @Command(name = "sites", mixinStandardHelpOptions = true,
            description = "List a network's hospital sites: id, name and the services its data gives (a configuration "
                    + "decides which are active). Ids or names can be written wherever a scenario names a site.")
    static final class Sites implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The network folder (holding network.yaml).")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            var base = org.acuteflow.network.NetworkLoader.loadBase(dir);
            int idWidth = "id".length();
            int nameWidth = "name".length();
            for (var s : base.sites()) {
                idWidth = Math.max(idWidth, s.id().length());
                nameWidth = Math.max(nameWidth, s.name().length());
            }
            String row = "%-" + idWidth + "s  %-" + nameWidth + "s  %s%n";
            out.printf(Locale.ROOT, row, "id", "name", "services");
            for (var s : base.sites()) {
                List<String> services = new ArrayList<>();
                for (var sv : org.acuteflow.network.Service.values()) {
                    if (s.services().contains(sv)) {
                        services.add(sv.key());
                    }
                }
                out.printf(Locale.ROOT, row, s.id(), s.name(), services.isEmpty() ? "-" : String.join(" ", services));
            }
            out.printf(Locale.ROOT, "%d sites%n", base.sites().size());
            return Main.OK;
        }
    }

    /** Regenerates networks/london from the public reference tables. */
    @Command(name = "build-london", mixinStandardHelpOptions = true,
            description = "Build the London network (zones, sites, derived stations, road graph, travel matrix, "
                    + "network.yaml, CALIBRATION.md) from the public London reference tables. Configurations and "
                    + "SOURCES.md in the output folder are left as they are.")
    static final class BuildLondon implements Callable<Integer> {
        @Option(names = "--source", required = true, paramLabel = "DIR",
                description = "Folder of the London reference tables (london_lsoa.csv, london_units.csv, ...).")
        Path source;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder, e.g. networks/london.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter w = spec.commandLine().getOut();
            long start = System.nanoTime();
            LondonBuilder.Result r = LondonBuilder.build(source, out);
            w.printf(Locale.ROOT, "built %s: %d zones, %d sites, %d stations, %d roads, %d matrix rows (%.1f s)%n", out,
                    r.zones(), r.sites(), r.stations(), r.roads(), r.matrixRows(), (System.nanoTime() - start) / 1e9);
            w.printf(Locale.ROOT, "calibration (2021-scale minutes): median |error| %.2f, 95th percentile %.2f; "
                            + "leaving each unit out %.2f / %.2f; blue-light factor %.3f%n", r.medianAbsError(),
                    r.p95AbsError(), r.cvMedianAbsError(), r.cvP95AbsError(), r.blueLightFactor());
            return Main.OK;
        }
    }
}
