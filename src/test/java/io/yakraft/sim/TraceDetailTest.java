package io.yakraft.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The kernel's typed details: what the network did with a message, what happened to a node; never in the hashed line. */
class TraceDetailTest {

    private static final class Quiet implements SimNode {
        @Override
        public void onStart(long now) {
        }

        @Override
        public void onMessage(long now, Envelope envelope) {
        }

        @Override
        public void onWake(long now) {
        }

        @Override
        public long nextWakeAt() {
            return Long.MAX_VALUE;
        }
    }

    private static Simulation twoNodes(List<TraceEvent> into) {
        Simulation sim = new Simulation(5, true);
        sim.trace().addListener(into::add);
        sim.network().setDefaults(new LinkConfig(10, 10, 0, 0));
        sim.addNode(1, (id, inc, lost) -> new Quiet());
        sim.addNode(2, (id, inc, lost) -> new Quiet());
        return sim;
    }

    private static List<MessageEvent.Stage> stages(List<TraceEvent> events) {
        List<MessageEvent.Stage> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e.detail() instanceof MessageEvent m) {
                assertEquals(new MessageType.PayloadClass("String"), m.type(), "an undescribed payload is typed by its class");
                out.add(m.stage());
            }
        }
        return out;
    }

    @Test
    void eachWayAMessageGoesHasItsStage() {
        List<TraceEvent> events = new ArrayList<>();
        Simulation sim = twoNodes(events);
        sim.send(1, 2, "delivered");
        sim.runUntil(20);
        sim.network().cut(1, 2);
        sim.send(1, 2, "never leaves");
        sim.network().heal(1, 2);
        sim.send(1, 2, "cut on the way");
        sim.network().cut(1, 2);
        sim.runUntil(40);
        sim.network().heal(1, 2);
        sim.send(1, 2, "to a dead node");
        sim.crash(2);
        sim.runUntil(60);
        assertEquals(List.of(MessageEvent.Stage.SENT, MessageEvent.Stage.DELIVERED,
                MessageEvent.Stage.DROPPED_LINK_CUT,
                MessageEvent.Stage.SENT, MessageEvent.Stage.DROPPED_CUT_IN_FLIGHT,
                MessageEvent.Stage.SENT, MessageEvent.Stage.DROPPED_RECEIVER_DOWN), stages(events));
    }

    @Test
    void faultsAreTyped() {
        List<TraceEvent> events = new ArrayList<>();
        Simulation sim = twoNodes(events);
        sim.pause(1);
        sim.resume(1);
        sim.crash(2);
        sim.restart(2, true);
        sim.restart(1, false);
        List<FaultEvent> faults = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e.kind() == TraceKind.FAULT) {
                faults.add((FaultEvent) e.detail());
            }
        }
        assertEquals(List.of(new FaultEvent(Fault.STARTED, 0), new FaultEvent(Fault.STARTED, 0),
                new FaultEvent(Fault.PAUSED, 0), new FaultEvent(Fault.RESUMED, 0),
                new FaultEvent(Fault.CRASHED, 0), new FaultEvent(Fault.RESTARTED_EMPTY_DISK, 1),
                new FaultEvent(Fault.CRASHED, 0), new FaultEvent(Fault.RESTARTED_FROM_DISK, 1)), faults);
    }

    @Test
    void theDetailIsNotInTheHashedLine() {
        TraceEvent plain = new TraceEvent(3, 7, 1, TraceKind.SEND, "→n2 x", 2, 9);
        TraceEvent typed = new TraceEvent(3, 7, 1, TraceKind.SEND, "→n2 x", 2, 9,
                new MessageEvent(MessageEvent.Stage.SENT, new MessageType.PayloadClass("X")));
        assertEquals(plain.toJsonLine(), typed.toJsonLine());
        assertEquals(plain.toString(), typed.toString());
        assertEquals(TraceDetail.NONE, plain.detail());
        assertThrows(IllegalArgumentException.class, () -> new TraceEvent(1, 1, 1, TraceKind.NOTE, "x", -1, -1, null));
    }
}
