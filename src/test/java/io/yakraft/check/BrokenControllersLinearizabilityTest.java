package io.yakraft.check;

import io.yakraft.check.lin.Linearizability;
import io.yakraft.check.lin.Verdict;
import io.yakraft.cluster.ClusterConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The linearizability checker on its own (the invariants switched off) catches the controller
 * that answers before its records are committed: an answered create or registration is lost with
 * the uncommitted log suffix when the controller fails over, and the history shows it.
 */
class BrokenControllersLinearizabilityTest {
    private static final int TRIAL_BUDGET = 100;

    @Test
    void answeringBeforeCommitIsCaughtByTheCheckerAlone() {
        for (int trial = 1; trial <= TRIAL_BUDGET; trial++) {
            ClusterConfig config = ClusterConfig.defaults(trial, trial % 2 == 0 ? 3 : 5, 3).withTrace(false)
                    .withVariant("answer-before-commit");
            RunResult r = Runner.run(RunSpec.of(config, 60_000, true).withInvariants(false)
                    .withWorkload(new TopicWorkload.Spec(6, 3, 2, 2, 300)));
            Verdict v = Linearizability.check(r.history());
            if (!v.linearizable()) {
                System.out.printf("answer before commit: history not linearizable after %d trial(s):%n%s%n", trial,
                        v.violations().get(0).explanation());
                assertFalse(v.violations().get(0).operations().isEmpty());
                return;
            }
        }
        assertTrue(false, "the checker did not catch the controller answering before commit within " + TRIAL_BUDGET + " trials");
    }

    @Test
    void theSameRunsWithKafkasControllerAreLinearizable() {
        for (int trial = 1; trial <= 10; trial++) {
            ClusterConfig config = ClusterConfig.defaults(trial, trial % 2 == 0 ? 3 : 5, 3).withTrace(false);
            RunResult r = Runner.run(RunSpec.of(config, 60_000, true).withInvariants(false)
                    .withWorkload(new TopicWorkload.Spec(6, 3, 2, 2, 300)));
            Verdict v = Linearizability.check(r.history());
            assertTrue(v.linearizable(), v::describe);
        }
    }
}
