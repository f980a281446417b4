package io.yakraft.cluster;

import io.yakraft.raft.Role;
import io.yakraft.sim.Fault;
import io.yakraft.sim.FaultEvent;
import io.yakraft.sim.MessageEvent;
import io.yakraft.sim.TraceDetail;
import io.yakraft.sim.TraceEvent;
import io.yakraft.sim.TraceKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run's trace: every record code classifies carries its typed detail, and the words agree with it. */
class TypedTraceTest {

    private static List<TraceEvent> run() {
        Cluster c = new Cluster(ClusterConfig.defaults(11, 3, 2));
        List<TraceEvent> events = new ArrayList<>();
        c.addTraceListener(events::add);
        c.start();
        c.runUntil(6_000);
        int leader = c.leaderId();
        c.crash(leader);
        c.runUntil(9_000);
        c.restart(leader, false);
        c.isolate(c.voterIds()[0]);
        c.pause(c.observerIds()[0]);
        c.runUntil(11_000);
        c.resume(c.observerIds()[0]);
        c.healAll();
        c.runUntil(13_000);
        return events;
    }

    @Test
    void recordsCarryTheirTypedDetails() {
        List<TraceEvent> events = run();
        Set<MessageKind.Family> families = EnumSet.noneOf(MessageKind.Family.class);
        Set<MessageEvent.Stage> stages = EnumSet.noneOf(MessageEvent.Stage.class);
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        int leaders = 0;
        int granted = 0;
        for (TraceEvent e : events) {
            switch (e.kind()) {
                case SEND, DELIVER, DROP, DUPLICATE -> {
                    MessageEvent m = (MessageEvent) e.detail();
                    MessageKind k = MessageKind.of(e);
                    assertNotNull(k, e.toString());
                    assertTrue(e.reason().contains(k.label()), "the words name the kind: " + e);
                    assertEquals(e.kind(), switch (m.stage()) {
                        case SENT -> TraceKind.SEND;
                        case DELIVERED -> TraceKind.DELIVER;
                        case DUPLICATED -> TraceKind.DUPLICATE;
                        case DROPPED_LINK_CUT, DROPPED_LOST, DROPPED_RECEIVER_DOWN, DROPPED_CUT_IN_FLIGHT, DROPPED_ON_PURPOSE, DROPPED_BY_HAND -> TraceKind.DROP;
                    });
                    families.add(k.family());
                    stages.add(m.stage());
                }
                case ROLE -> {
                    RoleChange r = RoleChange.of(e);
                    assertNotNull(r, e.toString());
                    assertTrue(e.reason().startsWith(r.from().label() + " → " + r.to().label() + " (epoch " + r.epoch()), e.toString());
                    leaders += r.becameLeader() ? 1 : 0;
                }
                case VOTE -> {
                    VoteDecision v = VoteDecision.of(e);
                    assertNotNull(v, e.toString());
                    assertTrue(e.reason().startsWith("n" + v.candidateId() + " epoch " + v.epoch() + ": "), e.toString());
                    granted += v.granted() ? 1 : 0;
                }
                case FAULT -> faults.add(((FaultEvent) e.detail()).fault());
                default -> assertEquals(TraceDetail.NONE, e.detail(), e.toString());
            }
        }
        assertTrue(leaders >= 2, "a first leader and one after the crash: " + leaders);
        assertTrue(granted > 0);
        assertTrue(families.containsAll(EnumSet.of(MessageKind.Family.PRE_VOTE, MessageKind.Family.VOTE,
                MessageKind.Family.LEADERSHIP, MessageKind.Family.FETCH, MessageKind.Family.CONTROLLER_RPC)), families.toString());
        assertTrue(stages.containsAll(EnumSet.of(MessageEvent.Stage.SENT, MessageEvent.Stage.DELIVERED,
                MessageEvent.Stage.DROPPED_LINK_CUT, MessageEvent.Stage.DROPPED_RECEIVER_DOWN)), stages.toString());
        assertEquals(EnumSet.of(Fault.STARTED, Fault.CRASHED, Fault.RESTARTED_FROM_DISK, Fault.PAUSED, Fault.RESUMED), faults);
    }

    @Test
    void inFlightViewsCarryTheirKind() {
        Cluster c = new Cluster(ClusterConfig.defaults(11, 3, 2)).start();
        boolean sawSome = false;
        for (int i = 0; i < 50; i++) {
            c.runFor(40);
            for (MessageView m : c.snapshot().inFlight()) {
                assertNotNull(m.kind());
                assertFalse(m.label().isEmpty());
                sawSome = true;
            }
        }
        assertTrue(sawSome, "messages were in flight at some frame");
        assertTrue(Role.LEADER == c.view(c.leaderId()).role());
    }
}
