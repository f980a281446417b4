package io.yakraft.data;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Kafka's default partitioner: the murmur2 values Kafka's own tests pin, and the mapping to partitions. */
class PartitionerTest {

    @Test
    void murmur2MatchesKafka() {
        assertEquals(-973932308, hash("21"));
        assertEquals(-790332482, hash("foobar"));
        assertEquals(-985981536, hash("a-little-bit-long-string"));
        assertEquals(-1486304829, hash("a-little-bit-longer-string"));
        assertEquals(-58897971, hash("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"));
        assertEquals(479470107, hash("abc"));
    }

    @Test
    void keysMapByThePositiveHashAndKeylessRecordsGoRoundRobin() {
        // "21" hashes negative: the sign bit is cleared, not negated
        assertEquals((-973932308 & 0x7fffffff) % 6, Partitioner.partition("21", 0, 6));
        assertEquals(Partitioner.partition("customer-7", 0, 4), Partitioner.partition("customer-7", 99, 4));
        assertEquals(0, Partitioner.partition(null, 8, 4));
        assertEquals(3, Partitioner.partition(null, 7, 4));
        assertThrows(IllegalArgumentException.class, () -> Partitioner.partition("k", 0, 0));
    }

    private static int hash(String s) {
        return Partitioner.murmur2(s.getBytes(StandardCharsets.UTF_8));
    }
}
