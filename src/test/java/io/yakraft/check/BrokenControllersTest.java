package io.yakraft.check;

import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.ProtocolVariants;
import io.yakraft.cluster.QuorumControllerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each deliberately broken quorum controller must be caught by the metadata invariants. */
class BrokenControllersTest {
    private static final int TRIAL_BUDGET = 100;

    static Stream<Arguments> variants() {
        return ProtocolVariants.broken().stream().filter(v -> v.controller() != QuorumControllerFactory.KAFKA)
                .map(v -> Arguments.of(v.name(), v.controller()));
    }

    @ParameterizedTest(name = "controller variant {0} is caught")
    @MethodSource("variants")
    void brokenControllerIsCaught(String name, QuorumControllerFactory broken) {
        for (int trial = 1; trial <= TRIAL_BUDGET; trial++) {
            ClusterConfig config = ClusterConfig.defaults(trial, trial % 2 == 0 ? 3 : 5, 3).withTrace(false);
            RunResult r = Runner.run(RunSpec.of(config, 60_000, true).withControllerFactory(broken)
                    .withWorkload(new TopicWorkload.Spec(6, 3, 2, 2, 300)));
            if (!r.safe()) {
                System.out.printf("broken controller %-36s caught after %3d trial(s): %s%n", name, trial, r.violations().get(0));
                return;
            }
        }
        assertTrue(false, name + " was not caught within " + TRIAL_BUDGET + " trials");
    }
}
