package io.yakraft.session;

import io.yakraft.check.FuzzCampaign;
import io.yakraft.check.RunCheck;
import io.yakraft.scenario.FuzzScenarios;
import io.yakraft.scenario.Scenario;
import io.yakraft.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fuzz failure's scenario file opens in the window's session paused one event before its
 * violation: the invariants still hold there, and one step later the recorded rule breaks.
 */
class FuzzFailureOpensTest {

    @Test
    void aFuzzFailureOpensOneEventBeforeItsViolation() throws Exception {
        FuzzCampaign.Options o = FuzzCampaign.Options.defaults(30_000).withVariant("hw-without-majority");
        FuzzCampaign.Failure f = FuzzCampaign.shrink(FuzzCampaign.runSeed(o, 1), RunCheck.NONE);
        Scenario s = ScenarioReader.read("seed-1.json", FuzzScenarios.json(f));
        long event = s.fuzz().event();

        LiveSession live = new LiveSession(Session.defaultConfig(42, 3, 3), 1, false);
        live.playPausedBefore(s, event);
        live.runPending();
        Frame before = live.latest();
        assertTrue(before.paused(), "paused");
        assertEquals(event - 1, before.snapshot().events(), "one event before the violation");
        assertTrue(before.snapshot().violations().isEmpty(), () -> "nothing broken yet: " + before.snapshot().violations());
        assertEquals("hw-without-majority", before.config().variant(), "the window runs the failure's protocol");

        live.step();
        live.runPending();
        Frame after = live.latest();
        assertEquals(event, after.snapshot().events());
        assertTrue(after.snapshot().violations().get(0).startsWith(s.fuzz().rule() + " broken at event " + event),
                after.snapshot().violations().toString());
    }
}
