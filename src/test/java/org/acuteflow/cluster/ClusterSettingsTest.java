package org.acuteflow.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.Hazelcast;
import java.nio.file.Path;
import java.util.List;
import org.acuteflow.config.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSettingsTest {
    @TempDir
    Path dir;

    @Test
    void membersAreParsedAndEveryBadOneIsReportedAtOnce() {
        ClusterSettings ok = ClusterSettings.parse("lab-1", "127.0.0.1:5701, node2.example:5702");
        assertEquals(List.of("127.0.0.1:5701", "node2.example:5702"), ok.members());
        InputException e = assertThrows(InputException.class,
                () -> ClusterSettings.parse("bad name", "127.0.0.1,host:0,host:x,host:70000"));
        String all = e.problems().toString();
        assertEquals(5, e.problems().size(), all);
        assertTrue(all.contains("--cluster") && all.contains("not HOST:PORT") && all.contains("outside 1..65535")
                && all.contains("not a number"), all);
        assertThrows(InputException.class, () -> ClusterSettings.parse("ok", " "));
        assertThrows(InputException.class, () -> ClusterSettings.parse(null, "127.0.0.1:5701"));
    }

    @Test
    void aRunWithoutClusterStartsNoHazelcastInstanceAndNoClient() throws Exception {
        Path exp = Members.experiment(dir, "plain", 2, 3, 0.002);
        Members.Result r = Members.cli("run", exp.toString(), "--quiet", "--out", dir.resolve("out").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Hazelcast.getAllHazelcastInstances().isEmpty(), "no member was started");
        assertTrue(HazelcastClient.getAllHazelcastClients().isEmpty(), "no client was started");
    }

    @Test
    void clusterOptionsAreCheckedBeforeAnythingRuns() throws Exception {
        Path exp = Members.experiment(dir, "opts", 2, 3, 0.002);
        Members.Result noMembers = Members.cli("run", exp.toString(), "--cluster", "c");
        assertEquals(2, noMembers.code(), noMembers.toString());
        assertTrue(noMembers.err().contains("--members"), noMembers.err());
        Members.Result patients = Members.cli("run", exp.toString(), "--cluster", "c", "--members",
                "127.0.0.1:5701", "--patients");
        assertEquals(2, patients.code(), patients.toString());
        assertTrue(patients.err().contains("--patients"), patients.err());
        Members.Result worker = Members.cli("worker", "--cluster", "c", "--port", "0");
        assertEquals(2, worker.code(), worker.toString());
        assertTrue(worker.err().contains("--port"), worker.err());
    }
}
