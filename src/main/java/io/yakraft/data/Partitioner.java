package io.yakraft.data;

import java.nio.charset.StandardCharsets;

/**
 * Kafka's default partitioner for keyed records: murmur2 (seed 0x9747b28c) of the key's UTF-8
 * bytes, made non-negative by clearing the sign bit, modulo the partition count. The producer
 * sends records without a key through {@link StickyPartitioner} (Kafka's built-in sticky
 * partitioner); {@link #partition} still spreads them round-robin by sequence for callers that
 * want an even picture without a producer's state.
 */
public final class Partitioner {
    private Partitioner() {
    }

    public static int partition(String key, long sequence, int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("a topic has at least one partition, got " + partitions);
        }
        if (key == null) {
            return (int) Math.floorMod(sequence, (long) partitions);
        }
        return (murmur2(key.getBytes(StandardCharsets.UTF_8)) & 0x7fffffff) % partitions;
    }

    /** The 32-bit murmur2 hash as Kafka's clients compute it. */
    public static int murmur2(byte[] data) {
        final int m = 0x5bd1e995;
        final int r = 24;
        int length = data.length;
        int h = 0x9747b28c ^ length;
        int blocks = length / 4;
        for (int i = 0; i < blocks; i++) {
            int at = i * 4;
            int k = (data[at] & 0xff) | ((data[at + 1] & 0xff) << 8) | ((data[at + 2] & 0xff) << 16)
                    | ((data[at + 3] & 0xff) << 24);
            k *= m;
            k ^= k >>> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        int tail = blocks * 4;
        switch (length % 4) {
            case 3:
                h ^= (data[tail + 2] & 0xff) << 16;
                // falls through: the tail bytes are mixed in from the highest down
            case 2:
                h ^= (data[tail + 1] & 0xff) << 8;
                // falls through
            case 1:
                h ^= data[tail] & 0xff;
                h *= m;
                break;
            default:
                break;
        }
        h ^= h >>> 13;
        h *= m;
        h ^= h >>> 15;
        return h;
    }
}
