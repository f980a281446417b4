package io.yakraft.data;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link TopicId#compareAsWritten} must order ids exactly as their written forms do: replica maps iterate in that order. */
class TopicIdOrderTest {
    @Test
    void ordersAsTheWrittenIds() {
        SplittableRandom r = new SplittableRandom(42);
        long[] edges = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 0x3f, 0xfc00000000000000L, 3, 0xf};
        for (int i = 0; i < 200_000; i++) {
            TopicId a = new TopicId(pick(r, edges), pick(r, edges));
            // a neighbour sharing a prefix of bits, so later digits decide too
            TopicId b = r.nextBoolean() ? new TopicId(a.mostSignificantBits(), a.leastSignificantBits() ^ (1L << r.nextInt(64)))
                    : new TopicId(pick(r, edges), pick(r, edges));
            int want = Integer.signum(a.toString().compareTo(b.toString()));
            assertEquals(want, Integer.signum(TopicId.compareAsWritten(a, b)), a + " vs " + b);
        }
        TopicId x = new TopicId(5, 7);
        assertEquals(0, TopicId.compareAsWritten(x, new TopicId(5, 7)));
    }

    private static long pick(SplittableRandom r, long[] edges) {
        return r.nextInt(4) == 0 ? edges[r.nextInt(edges.length)] : r.nextLong();
    }
}
