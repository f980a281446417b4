package io.yakraft.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The replica log's leader-epoch cache: where an epoch ends, and what truncation leaves. */
class PartitionLogTest {

    private static PartitionLog log(int... epochs) {
        PartitionLog log = new PartitionLog();
        for (int i = 0; i < epochs.length; i++) {
            log.append(epochs[i], i, "k", "v" + i);
        }
        return log;
    }

    @Test
    void endOffsetForEpochIsWhereTheNextEpochStarts() {
        PartitionLog log = log(0, 0, 2, 2, 2, 5);
        assertArrayEquals(new long[] {0, 2}, log.endOffsetForEpoch(0));
        assertArrayEquals(new long[] {0, 2}, log.endOffsetForEpoch(1), "an epoch the log lacks: the one below it");
        assertArrayEquals(new long[] {2, 5}, log.endOffsetForEpoch(4));
        assertArrayEquals(new long[] {5, 6}, log.endOffsetForEpoch(7), "the last epoch ends at the log end");
        assertArrayEquals(new long[] {2, 0}, log(3, 3).endOffsetForEpoch(2),
                "nothing at or below: the asked epoch ends where the log's first epoch starts (Kafka's endOffsetFor)");
        assertArrayEquals(new long[] {-1, 0}, new PartitionLog().endOffsetForEpoch(2), "an empty log holds no epoch");
    }

    @Test
    void truncationDropsRecordsEpochsAndCapsTheHighWatermark() {
        PartitionLog log = log(0, 0, 2, 2, 2, 5);
        log.setHighWatermark(6);
        assertEquals(3, log.truncateTo(3));
        assertEquals(3, log.endOffset());
        assertEquals(3, log.highWatermark());
        assertEquals(2, log.lastEpoch());
        assertArrayEquals(new long[] {2, 3}, log.endOffsetForEpoch(5));
        log.appendFetched(List.of(new DataRecord(3, 6, 42, "k", "x")));
        assertEquals(6, log.lastEpoch());
        assertEquals(42, log.get(3).id());
    }
}
