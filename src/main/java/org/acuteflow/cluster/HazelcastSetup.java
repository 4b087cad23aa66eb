package org.acuteflow.cluster;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place Hazelcast is configured, for members and for the submitting client alike: a named cluster,
 * TCP/IP join to the given addresses only (no multicast, no cloud auto-detection), no phone-home, members bound
 * to one interface (loopback unless told otherwise), and acuteflow's own serialization.
 */
public final class HazelcastSetup {
    /** The executor members run replications on. */
    static final String EXECUTOR = "acuteflow-replications";
    /** Input files' bytes by SHA-256. */
    static final String INPUTS = "acuteflow-inputs";
    /** Member attributes: that it is an acuteflow worker, its build, its threads. */
    static final String ROLE = "acuteflow.role";
    static final String WORKER = "worker";
    static final String BUILD = "acuteflow.build";
    static final String THREADS = "acuteflow.threads";
    public static final String LOOPBACK = "127.0.0.1";

    /** Keeps the logger (and so its level) alive: java.util.logging holds loggers weakly. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    private HazelcastSetup() {
    }

    /**
     * Hazelcast's own log shows warnings and errors only (its start-up banner and notices are noise here); on the
     * submitting side errors only, since acuteflow says itself what a member's loss means for the run.
     */
    public static void quietLogging(boolean member) {
        HAZELCAST_LOG.setLevel(member ? Level.WARNING : Level.SEVERE);
    }

    static Config member(ClusterSettings cluster, String iface, int port, int threads, String build) {
        Config c = new Config();
        c.setClusterName(cluster.name());
        common(c.getProperties());
        // Bind the member's socket to the given interface alone, never to every address of the machine.
        c.setProperty("hazelcast.socket.bind.any", "false");
        // A member that dies (kill -9) is noticed within seconds: its replications then run elsewhere.
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        c.setProperty("hazelcast.wait.seconds.before.join", "1");
        NetworkConfig network = c.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(iface));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
        c.getMemberAttributeConfig().setAttribute(ROLE, WORKER).setAttribute(BUILD, build)
                .setAttribute(THREADS, Integer.toString(threads));
        c.getExecutorConfig(EXECUTOR).setPoolSize(threads).setStatisticsEnabled(false);
        // One backup: the files survive the loss of any one member; if more are lost at once, the submitter
        // puts them back (MISSING_INPUT).
        c.getMapConfig(INPUTS).setBackupCount(1).setStatisticsEnabled(false);
        c.getJetConfig().setEnabled(false);
        c.getSerializationConfig().addDataSerializableFactory(ClusterSerialization.FACTORY_ID, new ClusterSerialization());
        return c;
    }

    static ClientConfig client(ClusterSettings cluster, long connectTimeoutMillis) {
        ClientConfig c = new ClientConfig();
        c.setClusterName(cluster.name());
        common(c.getProperties());
        c.getNetworkConfig().setAddresses(cluster.members());
        c.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(connectTimeoutMillis)
                .setInitialBackoffMillis(200).setMaxBackoffMillis(2000);
        c.getSerializationConfig().addDataSerializableFactory(ClusterSerialization.FACTORY_ID, new ClusterSerialization());
        return c;
    }

    private static void common(java.util.Properties p) {
        p.setProperty("hazelcast.phone.home.enabled", "false");
        p.setProperty("hazelcast.logging.type", "jdk");
    }

    /** Whether a member is an acuteflow worker. */
    static boolean isWorker(Member m) {
        return WORKER.equals(m.getAttribute(ROLE));
    }

    /** A member's build fingerprint, or "unknown". */
    static String build(Member m) {
        String b = m.getAttribute(BUILD);
        return b == null ? "unknown" : b;
    }

    /** The threads a member runs replications on (at least 1). */
    static int threads(Member m) {
        try {
            return Math.max(1, Math.min(1024, Integer.parseInt(m.getAttribute(THREADS))));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }
}
