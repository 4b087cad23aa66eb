package org.acuteflow.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.acuteflow.cluster.BuildFingerprint;
import org.acuteflow.cluster.ClusterSettings;
import org.acuteflow.cluster.HazelcastSetup;
import org.acuteflow.cluster.Worker;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.model.FlowModelFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code acuteflow worker}: a member of a cluster that runs the replications of {@code run --cluster}. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Start a cluster member that runs replications for 'acuteflow run --cluster NAME --members ...'.",
                "It joins the cluster named --cluster through the --members addresses and runs until stopped "
                        + "(Ctrl-C). It binds to 127.0.0.1 unless --interface names another address of this machine. "
                        + "Every member and the submitting machine must run the same acuteflow build; a member "
                        + "running another is refused. See docs/distributed.md."})
public final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--cluster", paramLabel = "NAME", required = true,
            description = "Cluster name: members and runs join only a cluster of the same name.")
    String cluster;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5701",
            description = "Port this member listens on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--members", paramLabel = "HOST:PORT,...",
            description = "Members to join through (comma-separated); default: this member alone (the first one).")
    String members;

    @Option(names = "--interface", paramLabel = "ADDRESS", defaultValue = HazelcastSetup.LOOPBACK,
            description = "Address of this machine to bind to and announce to the others (default: ${DEFAULT-VALUE}, "
                    + "this machine only).")
    String iface;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0",
            description = "Replications run at once on this member (0 = one per core).")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ClusterSettings.checkPort("--port", port);
        int t = threads > 0 ? Math.min(threads, 1024) : Runtime.getRuntime().availableProcessors();
        ClusterSettings settings = ClusterSettings.parse(cluster, members != null ? members : iface + ":" + port);
        HazelcastSetup.quietLogging(true);
        String build = BuildFingerprint.current();
        Worker worker = Worker.start(settings, iface, port, t, build,
                file -> RunCommand.expandSweep(ExperimentLoader.load(file)), new FlowModelFactory(), spec.commandLine().getErr());
        Thread stop = new Thread(worker::close, "worker-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        out.println("acuteflow worker: member " + worker.address() + " of cluster '" + cluster + "' ("
                + worker.clusterSize() + " member(s)), acuteflow " + build + ", " + t + " thread(s); stop with Ctrl-C");
        out.flush();
        worker.awaitStop();
        return Main.OK;
    }
}
