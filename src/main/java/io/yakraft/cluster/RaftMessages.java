package io.yakraft.cluster;

import io.yakraft.raft.RaftMessage;
import io.yakraft.raft.RaftMessage.BeginQuorumEpochRequest;
import io.yakraft.raft.RaftMessage.EndQuorumEpochRequest;
import io.yakraft.raft.RaftMessage.FetchRequest;
import io.yakraft.raft.RaftMessage.FetchResponse;
import io.yakraft.raft.RaftMessage.VoteRequest;
import io.yakraft.raft.RaftMessage.VoteResponse;
import io.yakraft.raft.RaftError;
import io.yakraft.sim.MessageDescriber;

/** How KRaft messages read in the trace and on the cluster view. */
final class RaftMessages implements MessageDescriber {
    static final RaftMessages INSTANCE = new RaftMessages();

    @Override
    public String kind(Object payload) {
        if (payload instanceof ControllerRequest r) {
            return commandKind(r.command());
        }
        if (payload instanceof ControllerResponse r) {
            return commandKind(r.command()) + "Response";
        }
        return payload instanceof RaftMessage m ? m.kind() : payload.getClass().getSimpleName();
    }

    private static String commandKind(io.yakraft.metadata.ControllerCommand c) {
        return c.getClass().getSimpleName();
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
        if (payload instanceof RaftMessage m) {
            return m.kind() + "(epoch " + m.epoch() + ")";
        }
        if (payload instanceof ControllerRequest r) {
            return r.command().describe();
        }
        if (payload instanceof ControllerResponse r) {
            return commandKind(r.command()) + "Response(" + (r.reply().ok() ? "ok" : r.reply().error() + ": "
                    + r.reply().message()) + ")";
        }
        return payload.toString();
    }
}
