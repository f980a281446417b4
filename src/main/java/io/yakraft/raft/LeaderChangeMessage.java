package io.yakraft.raft;

import java.util.List;

/**
 * The control record a new leader writes first in its epoch (Kafka's LeaderChangeMessage).
 * Committing it commits every earlier entry: Raft's rule that only an entry of the current
 * term is committed by counting replicas.
 */
public record LeaderChangeMessage(int leaderId, List<Integer> voters, List<Integer> grantingVoters) {
    public LeaderChangeMessage {
        voters = List.copyOf(voters);
        grantingVoters = List.copyOf(grantingVoters);
    }
}
