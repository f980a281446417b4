package io.yakraft.ui;

import io.yakraft.session.Frame;
import io.yakraft.cluster.Cluster;
import io.yakraft.sim.TraceEvent;
import io.yakraft.sim.TraceKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** View-model logic that needs no scene: speed scale, status line, event filter, rows. */
class ClusterViewModelTest {

    @Test
    void theSpeedSliderIsLogarithmicFromAHundredthToAThousand() {
        assertEquals(0.01, ClusterViewModel.speedFromSlider(0), 1e-12);
        assertEquals(1000, ClusterViewModel.speedFromSlider(1), 1e-9);
        assertEquals(1.0, ClusterViewModel.speedFromSlider(0.4), 1e-9, "1× sits at 40% of the way");
        assertEquals(0.3, ClusterViewModel.speedFromSlider(ClusterViewModel.sliderFromSpeed(0.3)), 1e-12);
        assertEquals("0.25×", ClusterViewModel.formatSpeed(0.25));
        assertEquals("2.5×", ClusterViewModel.formatSpeed(2.5));
        assertEquals("1000×", ClusterViewModel.formatSpeed(1000));
    }

    @Test
    void theFilterMatchesNodeKindOrReason() {
        TraceEvent vote = new TraceEvent(1, 10, 3, TraceKind.VOTE, "n1 epoch 2: vote rejected: candidate's last epoch 1 < ours 2");
        TraceEvent fetch = new TraceEvent(2, 11, 13, TraceKind.SEND, "→n1 Fetch(epoch 2, offset 5, last epoch 2)");
        assertTrue(ClusterViewModel.matcher("n3").test(vote));
        assertFalse(ClusterViewModel.matcher("n3").test(fetch), "n3 must not match node 13");
        assertTrue(ClusterViewModel.matcher("REJECTED").test(vote));
        assertTrue(ClusterViewModel.matcher("send").test(fetch));
        assertTrue(ClusterViewModel.matcher("  ").test(fetch));
    }

    @Test
    void statusLineAndRowsComeFromTheSnapshot() {
        Cluster c = new Cluster(io.yakraft.session.Session.defaultConfig(42, 3, 1)).start();
        c.runUntil(5_000);
        Frame f = new Frame(c.snapshot(), List.of(), 0, 0.3, true, 1, -1, List.of(), null, List.of(), 0, c.config());
        String status = ClusterViewModel.statusLine(f);
        assertTrue(status.contains("leader n" + c.leaderId()), status);
        assertTrue(status.contains("(paused)"), status);
        assertTrue(status.contains("invariants hold"), status);
        NodeRow broker = NodeRow.of(c.view(101));
        assertEquals("broker", broker.kind());
        assertEquals("Observer", broker.role());
        assertEquals("unfenced", broker.metadata(), "registered and caught up after 5 s");
        assertEquals("n" + c.leaderId(), broker.leader());
        assertEquals("active", NodeRow.of(c.view(c.leaderId())).metadata());
        c.crash(101);
        c.runFor(c.config().metadata().sessionTimeoutMs() + 1_000);
        assertEquals("fenced", NodeRow.of(c.view(101)).metadata(), "the controller fenced the dead broker");
    }
}
