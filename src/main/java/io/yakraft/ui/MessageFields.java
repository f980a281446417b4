package io.yakraft.ui;

import io.yakraft.cluster.MessageView;
import io.yakraft.raft.RaftError;
import io.yakraft.raft.RaftMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the cluster view shows of a message in flight: its label with a granted ✓ / rejected ✗
 * mark for vote answers, and the fields a popover lists (type, from → to, epoch, offsets,
 * granted…), read from the typed message itself. No JavaFX here.
 */
public final class MessageFields {
    private MessageFields() {
    }

    /** Whether a message is a (pre-)vote answer, and if so whether it grants: TRUE, FALSE, or null for any other message. */
    public static Boolean granted(MessageView m) {
        return m.payload() instanceof RaftMessage.VoteResponse v ? v.granted() : null;
    }

    /** The label drawn beside the message: its type, and ✓ or ✗ on a vote answer. */
    public static String label(MessageView m) {
        Boolean g = granted(m);
        return g == null ? m.label() : m.label() + (g ? " ✓" : " ✗");
    }

    /** The popover's lines: a title, then one "field: value" per line. */
    public static List<String> lines(MessageView m, long now) {
        List<String> out = new ArrayList<>();
        out.add(label(m) + "   n" + m.from() + " → n" + m.to());
        Object p = m.payload();
        if (p instanceof RaftMessage.VoteRequest v) {
            out.add("epoch " + v.epoch() + " · candidate n" + v.candidateId());
            out.add("last log offset " + v.lastOffset() + " (epoch " + v.lastOffsetEpoch() + ")");
            out.add(v.preVote() ? "pre-vote: the epoch is not raised" : "vote");
        } else if (p instanceof RaftMessage.VoteResponse v) {
            out.add("epoch " + v.epoch() + " · " + (v.granted() ? "granted ✓" : "rejected ✗"));
            out.add("leader " + node(v.leaderId()) + error(v.error()));
        } else if (p instanceof RaftMessage.BeginQuorumEpochRequest b) {
            out.add("epoch " + b.epoch() + " · leader n" + b.leaderId());
        } else if (p instanceof RaftMessage.BeginQuorumEpochResponse b) {
            out.add("epoch " + b.epoch() + " · leader " + node(b.leaderId()) + error(b.error()));
        } else if (p instanceof RaftMessage.EndQuorumEpochRequest e) {
            out.add("epoch " + e.epoch() + " · leader n" + e.leaderId());
            out.add("preferred successors " + e.preferredSuccessors());
        } else if (p instanceof RaftMessage.EndQuorumEpochResponse e) {
            out.add("epoch " + e.epoch() + " · leader " + node(e.leaderId()) + error(e.error()));
        } else if (p instanceof RaftMessage.FetchRequest f) {
            out.add("epoch " + f.epoch() + " · replica n" + f.replicaId());
            out.add("fetch offset " + f.fetchOffset() + " · last fetched epoch " + f.lastFetchedEpoch());
        } else if (p instanceof RaftMessage.FetchResponse f) {
            out.add("epoch " + f.epoch() + " · leader " + node(f.leaderId()) + error(f.error()));
            out.add(f.records().isEmpty() ? "no records"
                    : f.records().size() + " records, offsets " + f.records().get(0).offset() + ".."
                    + f.records().get(f.records().size() - 1).offset());
            out.add("high watermark " + f.highWatermark());
            if (f.divergingEpoch() != null) {
                out.add("diverging: truncate to " + f.divergingEpoch().offset() + " (epoch " + f.divergingEpoch().epoch() + ")");
            }
            if (f.snapshotId() != null) {
                out.add("fetch snapshot at " + f.snapshotId().offset());
            }
        } else if (p instanceof RaftMessage.FetchSnapshotRequest f) {
            out.add("epoch " + f.epoch() + " · replica n" + f.replicaId() + " · snapshot at " + f.snapshotId().offset());
            out.add("from position " + f.position() + " · at most " + f.maxRecords() + " records");
        } else if (p instanceof RaftMessage.FetchSnapshotResponse f) {
            out.add("epoch " + f.epoch() + " · leader " + node(f.leaderId()) + error(f.error()));
            if (f.snapshotId() != null) {
                out.add("snapshot at " + f.snapshotId().offset() + " · records " + f.position() + ".."
                        + (f.position() + f.records().size() - 1) + " of " + f.size());
            }
        } else {
            // controller and data-plane messages: their own one-line description
            out.add(m.description());
        }
        out.add(String.format(Locale.ROOT, "sent %.3f s · arrives %.3f s (in %d ms)", m.sentAt() / 1000.0,
                m.deliverAt() / 1000.0, Math.max(0, m.deliverAt() - now)));
        out.add("message #" + m.id());
        return out;
    }

    private static String node(int id) {
        return id < 0 ? "unknown" : "n" + id;
    }

    private static String error(RaftError e) {
        return e == null || e == RaftError.NONE ? "" : " · error " + e.name();
    }
}
