package io.yakraft.raft;

/**
 * The leader's first answer to AddRaftVoter or RemoveRaftVoter: an error (Kafka's error code and
 * message, nothing written), or NONE with the offset of the VotersRecord it appended. Kafka
 * answers the admin client only when that record is committed; the simulation reports the commit
 * in the trace ("voter change committed") and in {@link RaftNode#pendingVoterChange()} going empty.
 */
public record VoterChangeResult(RaftError error, String message, long offset) {
    static VoterChangeResult refused(RaftError error, String message) {
        return new VoterChangeResult(error, message, -1);
    }

    public boolean accepted() {
        return error == RaftError.NONE;
    }
}
