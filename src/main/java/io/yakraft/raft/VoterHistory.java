package io.yakraft.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * The voter sets of one replica's log by offset (Kafka's KRaftControlRecordStateMachine with its
 * VoterSetHistory): the set from the bootstrap checkpoint (offset -1) or from the latest snapshot,
 * then one entry per {@link VotersRecord} the log holds. The latest entry is the set in force,
 * committed or not, as in Kafka; a truncation drops the entries it cut.
 */
final class VoterHistory {
    /**
     * A voter set and the offset of the record that set it: {@link #BOOTSTRAP_CHECKPOINT} for the
     * bootstrap checkpoint, the snapshot's last contained offset for a snapshot (as Kafka's
     * KRaftControlRecordStateMachine reads a snapshot's VotersRecord).
     */
    record Entry(long offset, VoterSet voters) {
        /** Whether this set was never written into the log or a snapshot (Kafka: lastVoterSetOffset is -1). */
        boolean fromBootstrapCheckpoint() {
            return offset == BOOTSTRAP_CHECKPOINT;
        }
    }

    /** The offset of the bootstrap checkpoint's voter set (0-0.checkpoint contains no log offset). */
    static final long BOOTSTRAP_CHECKPOINT = -1;

    private Entry base;
    private final List<Entry> fromLog = new ArrayList<>();

    VoterHistory(VoterSet bootstrap) {
        this.base = new Entry(BOOTSTRAP_CHECKPOINT, bootstrap);
    }

    VoterSet latest() {
        return latestEntry().voters();
    }

    Entry latestEntry() {
        return fromLog.isEmpty() ? base : fromLog.get(fromLog.size() - 1);
    }

    /** The set in force after the entry at {@code offset} (the committed one when that is the high watermark - 1). */
    VoterSet at(long offset) {
        Entry found = base;
        for (Entry e : fromLog) {
            if (e.offset() <= offset) {
                found = e;
            }
        }
        return found.voters();
    }

    /** Reads the control records among freshly appended entries; true when the set changed. */
    boolean appended(List<LogEntry> entries) {
        boolean changed = false;
        for (LogEntry e : entries) {
            if (e.payload() instanceof VotersRecord r) {
                fromLog.add(new Entry(e.offset(), r.voters()));
                changed = true;
            }
        }
        return changed;
    }

    /** The log was cut at {@code offset}: sets written there or later are gone. True when the set changed. */
    boolean truncatedTo(long offset) {
        return fromLog.removeIf(e -> e.offset() >= offset);
    }

    /**
     * The log before {@code offset} was replaced by a snapshot that holds {@code voters}; the set
     * counts as written at the snapshot's last offset, so a leader does not write it again.
     */
    void snapshotAt(long offset, VoterSet voters) {
        fromLog.removeIf(e -> e.offset() < offset);
        base = new Entry(offset - 1, voters);
    }
}
