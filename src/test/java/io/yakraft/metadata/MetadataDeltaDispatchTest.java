package io.yakraft.metadata;

import io.yakraft.metadata.MetadataRecord.LeaderChangeRecord;
import io.yakraft.metadata.MetadataRecord.NoOpRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MetadataDelta.replay names every record type; nothing it does not know is skipped silently. */
class MetadataDeltaDispatchTest {

    @Test
    void noOpAndLeaderChangeRecordsOnlyMoveTheOffset() {
        MetadataImage image = MetadataImage.EMPTY.toDelta()
                .replay(0, new NoOpRecord())
                .replay(1, new LeaderChangeRecord((short) 0, 1, List.of(1, 2, 3), List.of(1, 2)))
                .apply();
        assertEquals(1, image.offset());
        assertTrue(image.brokers().isEmpty());
        assertTrue(image.topics().isEmpty());
        assertEquals(MetadataImage.EMPTY.nextProducerId(), image.nextProducerId());
    }

    @Test
    void aRecordOfNoKnownTypeFailsLoudly() {
        // The hierarchy is sealed, so a value of no known type can only be null here; it must
        // reach the chain's end and throw rather than pass as a no-op.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MetadataImage.EMPTY.toDelta().replay(0, null));
        assertTrue(e.getMessage().startsWith("unhandled metadata record at 0"), e.getMessage());
    }
}
