package org.acuteflow.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.acuteflow.cli.RunCommand;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.model.FlowModelFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Members in this JVM on free loopback ports: a member of another build is refused at join with a clear message. */
@Tag("slow")
class MemberRefusalTest {

    static {
        HazelcastSetup.quietLogging(true);
    }

    private static Worker start(String cluster, int port, String members, String build) {
        return Worker.start(ClusterSettings.parse(cluster, members), HazelcastSetup.LOOPBACK, port, 1, build,
                file -> RunCommand.expandSweep(ExperimentLoader.load(file)), new FlowModelFactory(),
                new PrintWriter(new StringWriter()));
    }

    @Test
    void aMemberOfAnotherBuildIsRefusedAndTheClusterKeepsItsMembers() throws Exception {
        String cluster = "refusal-" + java.util.UUID.randomUUID();
        int first = Members.freePort();
        try (Worker a = start(cluster, first, "127.0.0.1:" + first, "0.1.0+aaaaaaaaaaaa")) {
            assertTrue(a.address().startsWith("127.0.0.1:"), "bound to loopback: " + a.address());
            int second = Members.freePort();
            InputException e = assertThrows(InputException.class,
                    () -> start(cluster, second, "127.0.0.1:" + first, "0.1.0+bbbbbbbbbbbb"));
            String message = e.problems().get(0).toString();
            assertTrue(message.contains("0.1.0+aaaaaaaaaaaa") && message.contains("0.1.0+bbbbbbbbbbbb")
                    && message.contains("refused"), message);
            // The refused member has left: the cluster is its first member alone, which a same-build member joins.
            int third = Members.freePort();
            try (Worker c = start(cluster, third, "127.0.0.1:" + first, "0.1.0+aaaaaaaaaaaa")) {
                assertEquals(2, c.clusterSize());
                assertEquals(2, a.clusterSize());
            }
        }
    }
}
