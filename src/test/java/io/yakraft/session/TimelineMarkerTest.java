package io.yakraft.session;

import io.yakraft.cluster.RoleChange;
import io.yakraft.raft.Role;
import io.yakraft.sim.Fault;
import io.yakraft.sim.FaultEvent;
import io.yakraft.sim.TraceEvent;
import io.yakraft.sim.TraceKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The timeline's ticks come from the records' types and typed details, whatever their words say. */
class TimelineMarkerTest {

    private static TraceEvent role(Role from, Role to, String words) {
        return new TraceEvent(1, 100, 2, TraceKind.ROLE, words, new RoleChange(from, to, 3, to == Role.LEADER ? 2 : -1));
    }

    private static TraceEvent fault(Fault fault, String words) {
        return new TraceEvent(2, 200, 3, TraceKind.FAULT, words, new FaultEvent(fault, 1));
    }

    @Test
    void aNodeBecomingLeaderIsALeaderTick() {
        TimelineMarker m = TimelineMarker.of(role(Role.CANDIDATE, Role.LEADER, "Candidate → Leader (epoch 3, leader n2): won"));
        assertEquals(TimelineMarker.Kind.LEADER, m.kind());
        assertEquals(100, m.time());
        assertEquals("n2 leads", m.label());
    }

    @Test
    void otherRoleChangesAreNoTick() {
        assertNull(TimelineMarker.of(role(Role.FOLLOWER, Role.PROSPECTIVE, "Follower → Prospective (epoch 3): fetch timeout")));
        assertNull(TimelineMarker.of(role(Role.LEADER, Role.RESIGNED, "Leader → Resigned (epoch 3): check quorum")),
                "leaving the leadership is not becoming leader, though the words mention Leader");
    }

    @Test
    void rewordedRecordsAreClassifiedTheSame() {
        TimelineMarker leader = TimelineMarker.of(role(Role.CANDIDATE, Role.LEADER, "n2 now leads the quorum"));
        assertEquals(TimelineMarker.Kind.LEADER, leader.kind(), "no arrow, no 'Leader': still a new leader");
        assertNull(TimelineMarker.of(role(Role.LEADER, Role.RESIGNED, "gave up → Leader no more")),
                "words that look like a new leader do not make one");
        assertNull(TimelineMarker.of(fault(Fault.STARTED, "booted (incarnation 0)")), "a first start reworded is no fault");
        TimelineMarker crash = TimelineMarker.of(fault(Fault.CRASHED, "started to crash"));
        assertEquals(TimelineMarker.Kind.FAULT, crash.kind(), "a crash whose words begin with 'started' is still a fault");
        assertEquals("n3 started to crash", crash.label(), "the words still make the label");
    }

    @Test
    void injectedFaultsAreFaultTicksButTheFirstStartIsNot() {
        for (Fault f : Fault.values()) {
            TimelineMarker m = TimelineMarker.of(fault(f, f.name()));
            if (f == Fault.STARTED) {
                assertNull(m);
            } else {
                assertEquals(TimelineMarker.Kind.FAULT, m.kind(), f.name());
            }
        }
    }

    @Test
    void inputsAndViolationsAreTickedByTheirKind() {
        assertEquals(TimelineMarker.Kind.ACTION, TimelineMarker.of(new TraceEvent(3, 1, -1, TraceKind.INPUT, "kill n1")).kind());
        assertEquals(TimelineMarker.Kind.VIOLATION,
                TimelineMarker.of(new TraceEvent(4, 1, 2, TraceKind.VIOLATION, "two leaders in epoch 3")).kind());
        assertNull(TimelineMarker.of(new TraceEvent(5, 1, 2, TraceKind.NOTE, "→ Leader")));
    }

    @Test
    void recordsWithoutTheirDetailAreNoTick() {
        assertNull(TimelineMarker.of(new TraceEvent(6, 1, 2, TraceKind.ROLE, "Candidate → Leader (epoch 3)")),
                "the words alone are not read");
        assertNull(TimelineMarker.of(new TraceEvent(7, 1, 2, TraceKind.FAULT, "crashed: volatile state lost, disk kept")));
    }
}
