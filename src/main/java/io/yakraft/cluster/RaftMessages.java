package io.yakraft.cluster;

import io.yakraft.data.DataMessage;
import io.yakraft.raft.RaftError;
import io.yakraft.raft.RaftMessage;
import io.yakraft.raft.RaftMessage.BeginQuorumEpochRequest;
import io.yakraft.raft.RaftMessage.EndQuorumEpochRequest;
import io.yakraft.raft.RaftMessage.FetchRequest;
import io.yakraft.raft.RaftMessage.FetchResponse;
import io.yakraft.raft.RaftMessage.VoteRequest;
import io.yakraft.raft.RaftMessage.VoteResponse;
import io.yakraft.sim.MessageDescriber;

/** How KRaft messages read in the trace and on the cluster view. */
final class RaftMessages implements MessageDescriber {
    static final RaftMessages INSTANCE = new RaftMessages();

    /** Every payload the cluster sends has a {@link MessageKind}; its label is the kind people read. */
    @Override
    public MessageKind type(Object payload) {
        return MessageKind.of(payload);
    }

    private static String describeData(DataMessage m) {
        if (m instanceof DataMessage.ProduceRequest p) {
            return "Produce(" + p.partition() + ", " + p.records().size() + " record(s), acks=" + p.acks().label() + ")";
        }
        if (m instanceof DataMessage.ProduceResponse p) {
            return "ProduceResponse(" + p.partition() + ", " + (p.error() == DataMessage.Error.NONE ? "offset " + p.baseOffset()
                    : p.error().toString()) + ")";
        }
        if (m instanceof DataMessage.ReplicaFetchRequest f) {
            StringBuilder sb = new StringBuilder("ReplicaFetch(");
            for (DataMessage.PartitionFetch pf : f.partitions()) {
                sb.append(sb.length() > 13 ? ", " : "").append(pf.partition()).append('@').append(pf.fetchOffset());
            }
            return sb.append(')').toString();
        }
        DataMessage.ReplicaFetchResponse f = (DataMessage.ReplicaFetchResponse) m;
        StringBuilder sb = new StringBuilder("ReplicaFetchResponse(");
        for (DataMessage.PartitionData d : f.partitions()) {
            sb.append(sb.length() > 21 ? ", " : "").append(d.partition()).append(": ");
            if (d.error() != DataMessage.Error.NONE) {
                sb.append(d.error());
            } else if (d.divergingEndOffset() >= 0) {
                sb.append("diverging at ").append(d.divergingEndOffset());
            } else {
                sb.append(d.records().size()).append(" record(s), hw ").append(d.highWatermark());
            }
        }
        return sb.append(')').toString();
    }

    @Override
    public String describe(Object payload) {
        if (payload instanceof VoteRequest m) {
            return m.kind() + "(epoch " + m.epoch() + ", candidate n" + m.candidateId() + ", last epoch "
                    + m.lastOffsetEpoch() + ", end " + m.lastOffset() + ")";
        }
        if (payload instanceof VoteResponse m) {
            return m.kind() + "(epoch " + m.epoch() + ", " + (m.granted() ? "granted" : "rejected")
                    + (m.error() != RaftError.NONE ? ", " + m.error() : "") + ")";
        }
        if (payload instanceof BeginQuorumEpochRequest m) {
            return "BeginQuorumEpoch(epoch " + m.epoch() + ", leader n" + m.leaderId() + ")";
        }
        if (payload instanceof EndQuorumEpochRequest m) {
            return "EndQuorumEpoch(epoch " + m.epoch() + ", leader n" + m.leaderId() + ", successors "
                    + m.preferredSuccessors() + ")";
        }
        if (payload instanceof FetchRequest m) {
            return "Fetch(epoch " + m.epoch() + ", offset " + m.fetchOffset() + ", last epoch " + m.lastFetchedEpoch() + ")";
        }
        if (payload instanceof FetchResponse m) {
            StringBuilder sb = new StringBuilder("FetchResponse(epoch ").append(m.epoch());
            if (m.error() != RaftError.NONE) {
                sb.append(", ").append(m.error()).append(", leader ").append(m.leaderId() < 0 ? "unknown" : "n" + m.leaderId());
            } else if (m.divergingEpoch() != null) {
                sb.append(", diverging ").append(m.divergingEpoch());
            } else if (m.snapshotId() != null) {
                sb.append(", snapshot ").append(m.snapshotId());
            } else {
                sb.append(", ").append(m.records().size()).append(" record(s)");
                if (!m.records().isEmpty()) {
                    sb.append(" from ").append(m.records().get(0).offset());
                }
                sb.append(", hw ").append(m.highWatermark());
            }
            return sb.append(')').toString();
        }
        if (payload instanceof RaftMessage.FetchSnapshotRequest m) {
            return "FetchSnapshot(epoch " + m.epoch() + ", snapshot " + m.snapshotId() + ", position " + m.position()
                    + ", max " + m.maxRecords() + " records)";
        }
        if (payload instanceof RaftMessage.FetchSnapshotResponse m) {
            if (m.error() != RaftError.NONE) {
                return "FetchSnapshotResponse(epoch " + m.epoch() + ", " + m.error() + ")";
            }
            return "FetchSnapshotResponse(epoch " + m.epoch() + ", snapshot " + m.snapshotId() + ", records " + m.position()
                    + ".." + (m.position() + m.records().size() - 1) + " of " + m.size() + ")";
        }
        if (payload instanceof RaftMessage.UpdateVoterRequest m) {
            return "UpdateRaftVoter(epoch " + m.epoch() + ", voter " + m.voterKey() + ", " + m.endpoint() + ", kraft.version "
                    + m.kraftVersions() + ")";
        }
        if (payload instanceof RaftMessage.UpdateVoterResponse m) {
            return "UpdateRaftVoterResponse(epoch " + m.epoch() + ", " + m.error() + ")";
        }
        if (payload instanceof RaftMessage m) {
            return m.kind() + "(epoch " + m.epoch() + ")";
        }
        if (payload instanceof ControllerRequest r) {
            return r.command().describe();
        }
        if (payload instanceof DataMessage m) {
            return describeData(m);
        }
        if (payload instanceof ControllerResponse r) {
            return MessageKind.of(r).label() + "(" + (r.reply().ok() ? "ok" : r.reply().error() + ": "
                    + r.reply().message()) + ")";
        }
        return payload.toString();
    }
}
