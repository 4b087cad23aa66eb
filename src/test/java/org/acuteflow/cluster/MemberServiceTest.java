package org.acuteflow.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.acuteflow.cli.RunCommand;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.experiment.ExperimentRunner;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.experiment.ScenarioModel;
import org.acuteflow.model.FlowModelFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A member's handling of tasks, without a cluster: the inputs come straight from the submitter's bundle. */
class MemberServiceTest {
    @TempDir
    Path dir;

    private static Experiment load(Path file) {
        return RunCommand.expandSweep(ExperimentLoader.load(file));
    }

    private MemberService service(String build, InputBundle bundle) {
        MemberService s = new MemberService(build, dir.resolve("cache"), MemberServiceTest::load, new FlowModelFactory());
        s.attach(bundle::bytes);
        return s;
    }

    @Test
    void aTaskGivesExactlyTheResultOfTheSameReplicationRunLocally() throws Exception {
        Experiment e = load(Members.experiment(dir.resolve("src"), "same", 3, 7, 0.002));
        InputBundle bundle = InputBundle.of(e);
        MemberService member = service("b1", bundle);
        for (int s = 0; s < 2; s++) {
            ScenarioModel model = new FlowModelFactory().prepare(e, e.scenarios().get(s));
            for (int r : new int[] {2, 0}) {
                ReplicationResult local = ExperimentRunner.runOne(model, e.scenarios().get(s), e.run(), r, null);
                TaskOutcome outcome = member.run(new ReplicationTask("b1", bundle, e.run(), s,
                        e.scenarios().get(s).name(), r));
                assertEquals(TaskOutcome.Kind.DONE, outcome.kind(), outcome.message());
                ReplicationResult remote = outcome.result();
                assertEquals(local.metrics(), remote.metrics(), "metrics, in order, of s" + s + " r" + r);
                assertEquals(local.series().keySet(), remote.series().keySet());
                local.series().forEach((k, v) -> assertArrayEquals(v, remote.series().get(k), k));
            }
        }
    }

    @Test
    void aTaskFromAnotherBuildIsRefusedNamingBoth() throws Exception {
        Experiment e = load(Members.experiment(dir.resolve("src"), "build", 2, 7, 0.002));
        InputBundle bundle = InputBundle.of(e);
        TaskOutcome outcome = service("0.1.0+aaaa", bundle).run(
                new ReplicationTask("0.1.0+bbbb", bundle, e.run(), 0, "hasu", 0));
        assertEquals(TaskOutcome.Kind.REFUSED, outcome.kind());
        assertTrue(outcome.message().contains("0.1.0+aaaa") && outcome.message().contains("0.1.0+bbbb")
                && outcome.message().contains("refused"), outcome.message());
    }

    @Test
    void inputsWithOtherContentAreRefused() throws Exception {
        Experiment e = load(Members.experiment(dir.resolve("src"), "content", 2, 7, 0.002));
        InputBundle bundle = InputBundle.of(e);
        MemberService member = new MemberService("b", dir.resolve("cache"), MemberServiceTest::load,
                new FlowModelFactory());
        // This member's copy of the network differs from what the task names (e.g. an edited zones.csv).
        member.attach(hash -> bundle.bytes(hash) == null ? null
                : new String(bundle.bytes(hash), java.nio.charset.StandardCharsets.UTF_8).replace("0.", "1.")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TaskOutcome outcome = member.run(new ReplicationTask("b", bundle, e.run(), 0, "hasu", 0));
        assertEquals(TaskOutcome.Kind.REFUSED, outcome.kind());
        assertTrue(outcome.message().contains("refused"), outcome.message());
        // A scenario the member's reading of the experiment does not have is refused, not run as another.
        TaskOutcome wrongName = service("b", bundle).run(new ReplicationTask("b", bundle, e.run(), 0, "other", 0));
        assertEquals(TaskOutcome.Kind.REFUSED, wrongName.kind(), wrongName.message());
    }
}
