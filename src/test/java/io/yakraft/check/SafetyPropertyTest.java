package io.yakraft.check;

import io.yakraft.cluster.ClusterConfig;
import io.yakraft.check.lin.Linearizability;
import io.yakraft.check.lin.Verdict;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main safety and liveness property: for any seed, 3 or 5 voters and 0–3 observers under a
 * 90 s of random faults and client writes, no invariant breaks, and once the faults stop a
 * leader is elected and every live node's high watermark catches up within the bound.
 * Trials: jqwik.tries.default (300 in `mvn verify`; raise with -Djqwik.tries.default=N).
 */
class SafetyPropertyTest {

    @Property
    void kraftStaysSafeAndRecoversUnderRandomFaults(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed,
            @ForAll @IntRange(min = 0, max = 1) int fiveVoters,
            @ForAll @IntRange(min = 0, max = 3) int observers) {
        int voters = fiveVoters == 1 ? 5 : 3;
        RunResult r = Runner.run(RunSpec.of(ClusterConfig.defaults(seed, voters, observers).withTrace(false), 90_000, true));
        assertTrue(r.safe(), () -> "violations: " + r.violations());
        Verdict lin = Linearizability.check(r.history()); // the brokers' registrations
        assertTrue(lin.linearizable(), lin::describe);
        assertTrue(r.live(), () -> "no leader with every node caught up within " + 20 + " election timeouts of the calm;"
                + " leader n" + r.finalLeader() + ", high watermarks " + r.highWatermarks());
        assertTrue(r.invariantChecks() > 0, "the checker must have run");
    }
}
