package io.yakraft.data;

/** A record a feed hands to its producer: the key the partitioner hashes (null: none) and the value. */
public record FeedRecord(String key, String value) {
    public FeedRecord {
        if (value == null) {
            throw new IllegalArgumentException("a record needs a value");
        }
    }
}
