package io.yakraft.raft;

/**
 * Kafka's VotersRecord control record: the whole voter set, with directory ids and endpoints.
 * A replica uses the latest one in its log as soon as it has appended it, committed or not
 * (KRaftControlRecordStateMachine.lastVoterSet); a truncation takes it back.
 */
public record VotersRecord(VoterSet voters) {
}
