package io.yakraft.cluster;

import io.yakraft.sim.MessageEvent;
import io.yakraft.sim.TraceEvent;
import io.yakraft.sim.TraceKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dropInFlight drops the one message picked while it flies: traced as dropped by hand, never delivered. */
class DropInFlightTest {

    @Test
    void theMessagePickedIsDroppedAndNothingElseOnItsLink() {
        Cluster c = new Cluster(ClusterConfig.defaults(42, 3, 3)).start();
        c.runUntil(5_000);
        List<TraceEvent> seen = new ArrayList<>();
        c.addTraceListener(seen::add);
        while (c.snapshot().inFlight().isEmpty()) {
            c.runFor(1);
        }
        MessageView picked = c.snapshot().inFlight().get(0);
        assertInstanceOf(Outcome.Accepted.class, c.apply(new Action.DropInFlight(picked.id()), r -> { }));
        assertTrue(c.snapshot().inFlight().stream().noneMatch(m -> m.id() == picked.id()), "no longer in flight");
        c.runFor(1_000);
        List<TraceEvent> about = seen.stream().filter(e -> e.messageId() == picked.id() && e.kind() != TraceKind.SEND).toList();
        assertEquals(1, about.size(), () -> "after its send, only its drop: " + about);
        TraceEvent drop = about.get(0);
        assertEquals(TraceKind.DROP, drop.kind());
        assertEquals(MessageEvent.Stage.DROPPED_BY_HAND, ((MessageEvent) drop.detail()).stage());
        assertEquals(picked.from(), drop.node());
        assertEquals(picked.to(), drop.peer());
        assertTrue(seen.stream().anyMatch(e -> e.kind() == TraceKind.DELIVER && e.node() == picked.to()
                && e.peer() == picked.from()), "later messages on the link arrive");
        assertTrue(c.snapshot().violations().isEmpty(), () -> c.snapshot().violations().toString());

        Outcome again = c.apply(new Action.DropInFlight(picked.id()), r -> { });
        assertEquals(ErrorCode.INVALID_REQUEST, assertInstanceOf(Outcome.Refused.class, again).code(), "not in flight any more");
    }
}
