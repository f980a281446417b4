package io.yakraft.cluster;

import io.yakraft.raft.LogEntry;
import io.yakraft.sim.TraceEvent;
import io.yakraft.sim.TraceKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Cluster's typed queries answer what the cores hold, as immutable values. */
class ClusterQueriesTest {

    private static Cluster running() {
        ClusterConfig config = ClusterConfig.defaults(7, 3, 1);
        // no NoOpRecords: the raw entries below stay the log's last ones
        Cluster c = new Cluster(config.withMetadata(config.metadata().withMaxIdleInterval(0))).start();
        c.runUntil(3_000);
        assertTrue(c.leaderId() > 0, "a leader after 3 s");
        c.propose(List.of("a", "b", "c"));
        c.runFor(500);
        return c;
    }

    @Test
    void aLogRangeIsWhatTheNodesLogAndCoreHold() {
        Cluster c = running();
        int leader = c.leaderId();
        LogRange r = c.logRange(leader);
        NodeView v = c.view(leader);
        assertEquals(v.logStartOffset(), r.startOffset());
        assertEquals(v.logEndOffset(), r.endOffset());
        assertEquals(v.lastEpoch(), r.lastEpoch());
        assertEquals(v.highWatermark(), r.highWatermark());
        assertEquals(r.endOffset(), r.highWatermark(), "everything committed after a calm half second");
        assertEquals(v.epoch(), c.epochOf(leader));
        assertEquals(r.lastEpoch(), c.entryEpoch(leader, r.endOffset() - 1));
        assertEquals(-1, c.entryEpoch(leader, r.endOffset()), "an offset the log does not hold");
        assertThrows(IllegalArgumentException.class, () -> c.logRange(99));
    }

    @Test
    void aDownNodesLogIsItsDiskAndItsHighWatermarkIsForgotten() {
        Cluster c = running();
        int follower = c.voterIds()[0] == c.leaderId() ? c.voterIds()[1] : c.voterIds()[0];
        LogRange before = c.logRange(follower);
        c.crash(follower);
        LogRange down = c.logRange(follower);
        assertEquals(before.endOffset(), down.endOffset(), "the disk is kept");
        assertEquals(0, down.highWatermark(), "the high watermark is volatile");
        assertEquals(c.view(follower).epoch(), c.epochOf(follower));
    }

    @Test
    void entriesAreImmutableCopiesClippedToTheLogAndCommittedOnesStopAtTheHighWatermark() {
        Cluster c = running();
        int leader = c.leaderId();
        LogRange r = c.logRange(leader);
        List<LogEntry> all = c.entries(leader, -5, Long.MAX_VALUE);
        assertEquals(r.endOffset() - r.startOffset(), all.size());
        assertEquals(r.startOffset(), all.get(0).offset());
        assertThrows(UnsupportedOperationException.class, () -> all.add(all.get(0)));
        List<Object> payloads = new ArrayList<>();
        c.entries(leader, r.endOffset() - 3, r.endOffset()).forEach(e -> payloads.add(e.payload()));
        assertEquals(List.of("a", "b", "c"), payloads);

        assertEquals(2, c.committedEntries(leader, 0, 2).size(), "at most max");
        c.crash(c.voterIds()[0] == leader ? c.voterIds()[1] : c.voterIds()[0]);
        c.crash(c.voterIds()[2] == leader ? c.voterIds()[1] : c.voterIds()[2]);
        c.propose(List.of("never committed"));
        List<LogEntry> committed = c.committedEntries(leader, r.endOffset() - 1, 100);
        assertEquals(1, committed.size(), "the new entry is past the high watermark");
        assertEquals("c", committed.get(0).payload());
        assertTrue(c.logRange(leader).endOffset() > c.logRange(leader).highWatermark());
    }

    @Test
    void aRecordedViolationIsTracedAndStopsTheRun() {
        Cluster c = running();
        List<TraceEvent> heard = new ArrayList<>();
        c.addTraceListener(heard::add);
        long events = c.eventCount();
        c.recordViolation(2, "SomeRule broken");
        assertTrue(c.stopped());
        assertEquals(List.of("SomeRule broken"), c.violations());
        assertEquals(1, heard.size());
        assertEquals(TraceKind.VIOLATION, heard.get(0).kind());
        assertEquals(2, heard.get(0).node());
        assertFalse(c.step(), "time no longer moves");
        assertEquals(events, c.eventCount());
    }

    @Test
    void steppingUntilATimeNeverRunsAnEventPastIt() {
        Cluster c = new Cluster(ClusterConfig.defaults(7, 3, 0)).start();
        long next = c.nextEventTime();
        assertTrue(next < Long.MAX_VALUE, "the boot armed timers");
        assertFalse(c.stepUntil(next - 1));
        assertTrue(c.stepUntil(next));
        assertEquals(1, c.eventCount());
        assertEquals(c.randomFor("faults").nextLong(), new Cluster(ClusterConfig.defaults(7, 3, 0)).randomFor("faults").nextLong(),
                "the same seed gives the same stream");
    }
}
