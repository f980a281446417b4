package io.yakraft.data;

/**
 * One record in a partition replica's log. {@code leaderEpoch} is the epoch of the leader that
 * appended it (what lets a follower find where its log diverges); {@code id} names the record
 * the producer sent, standing in for Kafka's producer id and sequence, so a checker can tell
 * one record from another with the same value.
 */
public record DataRecord(long offset, int leaderEpoch, long id, String key, String value) {
}
