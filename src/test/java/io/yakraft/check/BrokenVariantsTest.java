package io.yakraft.check;

import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.ProtocolVariants;
import io.yakraft.cluster.RaftNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the checks bite: the same fault campaign as {@link SafetyPropertyTest}, run against
 * each deliberately broken core, must report a violation within the trial budget.
 */
class BrokenVariantsTest {
    private static final int TRIAL_BUDGET = 300;

    static Stream<Arguments> variants() {
        // the protocol variants that break the consensus core (their controller is Kafka's)
        return ProtocolVariants.broken().stream().filter(v -> v.raft() != RaftNodeFactory.KRAFT)
                .map(v -> Arguments.of(v.name(), v.raft()));
    }

    @ParameterizedTest(name = "{0} is caught")
    @MethodSource("variants")
    void brokenCoreIsCaught(String name, RaftNodeFactory broken) {
        for (int trial = 1; trial <= TRIAL_BUDGET; trial++) {
            int voters = trial % 2 == 0 ? 3 : 5;
            RunResult r = Runner.run(RunSpec.of(ClusterConfig.defaults(trial, voters, trial % 4).withTrace(false), 60_000, true)
                    .withFactory(broken));
            if (!r.safe()) {
                System.out.printf("broken variant %-32s caught after %3d trial(s): %s%n", name, trial, r.violations().get(0));
                return;
            }
        }
        assertTrue(false, name + " was not caught within " + TRIAL_BUDGET + " trials");
    }
}
