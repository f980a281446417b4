package io.yakraft.check;

import io.yakraft.cluster.ProtocolVariants;
import io.yakraft.scenario.FuzzScenarios;
import io.yakraft.scenario.Scenario;
import io.yakraft.scenario.ScenarioReader;
import io.yakraft.scenario.ScenarioRun;
import io.yakraft.scenario.StepReport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzz campaign on a handful of seeds (the full campaign is the {@code fuzz} command): Kafka's
 * protocol passes every invariant and the liveness check after calm; a seed's run is a pure function
 * of the seed; a failure shrinks and its scenario file replays the same violation.
 */
class FuzzCampaignTest {
    /** 30 simulated seconds of faults per seed keeps the suite quick; the command runs minutes. */
    private static final FuzzCampaign.Options SHORT = FuzzCampaign.Options.defaults(30_000);

    @Test
    void kafkasProtocolPassesADozenSeeds() {
        long checked = 0;
        for (long seed = 1; seed <= 12; seed++) {
            FuzzCampaign.Outcome o = FuzzCampaign.runSeed(SHORT, seed);
            assertFalse(o.failed(), () -> "seed " + o.seed() + ": " + o.violation());
            assertTrue(o.events() > 1_000, "the simulation ran through faults and calm: " + o.events() + " events");
            checked += o.faultsInjected();
        }
        assertTrue(checked > 12 * 10, "faults were injected: " + checked);
    }

    /**
     * Seed 829 (4 controllers, 5 minutes): the calm ended just after the leader compacted its last
     * NoOpRecord into a snapshot while the others were one fetch from learning it was committed. The
     * liveness check could not see that entry was a NoOp and called the followers stuck (24 of 10,000
     * seeds failed so); it now reads the entry from a node holding the leader's epoch there.
     */
    @Test
    void aNoOpCompactedByTheLeaderAtTheEndOfTheCalmIsStillANoOp() {
        FuzzCampaign.Outcome o = FuzzCampaign.runSeed(FuzzCampaign.Options.defaults(300_000), 829);
        assertFalse(o.failed(), () -> "seed 829: " + o.violation());
    }

    @Test
    void aSeedsRunIsAPureFunctionOfTheSeed() {
        FuzzCampaign.Outcome a = FuzzCampaign.runSeed(SHORT, 7);
        FuzzCampaign.Outcome b = FuzzCampaign.runSeed(SHORT, 7);
        assertEquals(a.events(), b.events());
        assertEquals(a.faultsInjected(), b.faultsInjected());
        assertEquals(a.shape(), b.shape());
    }

    @Test
    void aFailureShrinksAndItsScenarioFileReplaysTheSameViolation() throws Exception {
        FuzzCampaign.Options broken = SHORT.withVariant("vote-without-log-check");
        // seed 2: the first that catches it at 30 s since Unattached voters fetch from the bootstrap servers
        FuzzCampaign.Outcome o = FuzzCampaign.runSeed(broken, 2);
        assertTrue(o.failed(), "vote-without-log-check fails seed 2");
        FuzzCampaign.Failure f = FuzzCampaign.shrink(o, RunCheck.NONE);
        assertEquals(o.violation().rule(), f.violation().rule(), "shrinking keeps the rule");
        assertTrue(f.shrunk().plan().maxFaults() <= o.faultsInjected(), "no more faults than the original");
        assertTrue(f.shrunk().plan().faultsUntilMs() <= o.shape().plan().faultsUntilMs(), "no longer than the original");

        Scenario s = ScenarioReader.read("seed-2.json", FuzzScenarios.json(f));
        assertEquals(f.shrunk().cluster().withTrace(true), s.cluster(), "the file holds the seed's cluster");
        assertEquals("vote-without-log-check", s.cluster().variant());
        assertNotNull(s.fuzz());
        assertEquals(f.shrunk().plan(), s.fuzz().plan(), "and its plan");
        ScenarioRun run = ScenarioRun.play(s);
        assertFalse(run.passed(), "the replay fails");
        StepReport failed = run.expectations().stream().filter(r -> !r.passed()).findFirst().orElseThrow();
        assertTrue(failed.message().contains(f.violation().rule() + " broken at event " + f.violation().eventNumber()),
                "same rule at the same event: " + failed.message() + " vs " + f.violation());
    }

    /**
     * Kafka's protocol meets KIP-853's faults in the campaign (a voter's disk lost, a voter removed,
     * the operator repairing); a broken variant keeps the fault mix its known catch was found with.
     */
    @Test
    void theCampaignDrawsVoterChangesForKafkasProtocol() {
        assertTrue(FuzzCampaign.shape(SHORT, 3).plan().voterChanges());
        assertFalse(FuzzCampaign.shape(SHORT.withVariant("vote-without-log-check"), 3).plan().voterChanges());
    }

    @Test
    void theDefaultOptionsRunKafkasProtocol() {
        assertEquals(ProtocolVariants.DEFAULT, FuzzCampaign.shape(SHORT, 3).cluster().variant());
        assertEquals(0, RunCheck.NONE.attach(null).verdict().nonLinearizable());
    }
}
