package io.yakraft.raft;

/**
 * Kafka's KRaftVersionRecord control record: the finalized kraft.version. Version 1 stores the
 * voter set in the log (KIP-853); version 0 takes it from static configuration.
 */
public record KRaftVersionRecord(int kraftVersion) {
}
