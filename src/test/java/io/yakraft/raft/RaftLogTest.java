package io.yakraft.raft;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The log and its leader-epoch cache, as fetch validation and truncation rely on them. */
class RaftLogTest {

    private static RaftLog log(int... epochs) {
        RaftLog l = new RaftLog();
        for (int e : epochs) {
            l.append(new LogEntry(l.endOffset(), e, "x"));
        }
        return l;
    }

    @Test
    void endOffsetForEpochAnswersWhereAnEpochEnds() {
        RaftLog l = log(1, 1, 2, 2, 2, 4);
        assertEquals(new OffsetAndEpoch(2, 1), l.endOffsetForEpoch(1));
        assertEquals(new OffsetAndEpoch(5, 2), l.endOffsetForEpoch(2));
        assertEquals(new OffsetAndEpoch(5, 2), l.endOffsetForEpoch(3), "an epoch we never had: the largest below it");
        assertEquals(new OffsetAndEpoch(6, 4), l.endOffsetForEpoch(9));
        assertEquals(new OffsetAndEpoch(0, 0), l.endOffsetForEpoch(0));
    }

    @Test
    void truncationAlsoTrimsTheEpochCache() {
        RaftLog l = log(1, 1, 2, 2, 3);
        assertEquals(3, l.truncateTo(2));
        assertEquals(2, l.endOffset());
        assertEquals(1, l.lastEpoch());
        assertEquals(new OffsetAndEpoch(2, 1), l.endOffsetForEpoch(3));
        l.append(new LogEntry(2, 5, "y"));
        assertEquals(new OffsetAndEpoch(3, 5), l.endOffsetForEpoch(5));
    }

    @Test
    void appendsMustBeContiguousAndEpochsNeverGoBack() {
        RaftLog l = log(2);
        assertThrows(IllegalArgumentException.class, () -> l.append(new LogEntry(5, 2, "gap")));
        assertThrows(IllegalArgumentException.class, () -> l.append(new LogEntry(1, 1, "old epoch")));
    }

    @Test
    void theStartMovesForwardForSnapshots() {
        RaftLog l = log(1, 1, 2, 2, 3);
        l.advanceStartTo(3, 2);
        assertEquals(3, l.startOffset());
        assertEquals(2, l.startEpoch());
        assertEquals(2, l.epochAt(2), "the entry just before the start is known by its epoch");
        assertEquals(2, l.epochAt(3));
        assertEquals(-1, l.epochAt(1));
        assertEquals(2, l.slice(3, 100).size());
        assertThrows(IllegalArgumentException.class, () -> l.slice(0, 100), "compacted offsets cannot be read");
        assertEquals(new OffsetAndEpoch(4, 2), l.endOffsetForEpoch(2));
        assertEquals(new OffsetAndEpoch(3, 2), l.endOffsetForEpoch(1), "compacted epochs answer with the start");
        assertThrows(IllegalArgumentException.class, () -> l.truncateTo(2));
    }

    @Test
    void epochRunsDescribeTheHeldEntriesOneItemPerEpoch() {
        RaftLog l = log(1, 1, 2, 2, 2, 4);
        assertEquals(java.util.List.of(new OffsetAndEpoch(0, 1), new OffsetAndEpoch(2, 2), new OffsetAndEpoch(5, 4)),
                l.epochRuns());
        l.advanceStartTo(3, 2);
        assertEquals(java.util.List.of(new OffsetAndEpoch(3, 2), new OffsetAndEpoch(5, 4)), l.epochRuns());
        l.truncateTo(5);
        assertEquals(java.util.List.of(new OffsetAndEpoch(3, 2)), l.epochRuns());
    }
}
