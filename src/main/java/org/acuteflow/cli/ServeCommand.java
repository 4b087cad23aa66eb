package org.acuteflow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.acuteflow.model.FlowModelFactory;
import org.acuteflow.workbench.WorkbenchServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code acuteflow serve}: the planner's workbench in a browser. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the planner's workbench: a web app (no internet needed) with the network on a map, "
                + "where sites and services can be closed or added, cover and fleet changed, experiments run in the "
                + "background and results compared. Open the printed address in a browser; Ctrl-C stops it.",
                "Binds to 127.0.0.1 unless --host says otherwise: anyone who can reach the port can run experiments "
                        + "and read the results folders."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--network", paramLabel = "DIR", defaultValue = "networks/london",
            description = "The network to work on (default: ${DEFAULT-VALUE}).")
    Path network;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Results root: runs are written here and past results read from here; no other file is "
                    + "served (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--experiments", paramLabel = "DIR", defaultValue = "experiments",
            description = "Where 'Save as experiment' writes experiment files (default: ${DEFAULT-VALUE}).")
    Path experiments;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0-65535, got " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        WorkbenchServer server = new WorkbenchServer(network, results, experiments, new FlowModelFactory())
                .start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "workbench-stop"));
        String shown = host.contains(":") ? "[" + host + "]" : host;
        out.println("acuteflow workbench: http://" + shown + ":" + server.port() + "/ (network " + network
                + ", results " + results + "); Ctrl-C stops it");
        out.flush();
        stopped.await();
        return Main.OK;
    }
}
