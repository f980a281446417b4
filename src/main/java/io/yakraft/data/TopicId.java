package io.yakraft.data;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A topic's 128-bit id as the data plane knows it: what tells a deleted topic from a new one of
 * the same name. Written as Kafka writes its ids, 22 characters of URL-safe base64 without padding.
 */
public record TopicId(long mostSignificantBits, long leastSignificantBits) {
    @Override
    public String toString() {
        ByteBuffer buf = ByteBuffer.allocate(16).putLong(mostSignificantBits).putLong(leastSignificantBits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    /**
     * The order of the ids as written ({@code a.toString().compareTo(b.toString())}) without writing
     * them: brokers keep their replicas in maps sorted that way and look them up on every fetch, so
     * encoding both ids on each comparison was a tenth of a fuzz run's time. Compares the 22 base64
     * digits one by one, each mapped to the character it is written as.
     */
    public static int compareAsWritten(TopicId a, TopicId b) {
        if (a.mostSignificantBits == b.mostSignificantBits && a.leastSignificantBits == b.leastSignificantBits) {
            return 0;
        }
        for (int i = 0; i < 22; i++) {
            int c = Character.compare(a.digit(i), b.digit(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The character written for the {@code i}-th 6-bit group of the 128 bits (the last one padded with zero bits). */
    private char digit(int i) {
        int off = 6 * i;
        long hi = mostSignificantBits;
        long lo = leastSignificantBits;
        int v;
        if (off + 6 <= 64) {
            v = (int) ((hi >>> (58 - off)) & 63);
        } else if (off >= 64) {
            int o = off - 64;
            v = (int) (o + 6 <= 64 ? (lo >>> (58 - o)) & 63 : (lo << (o + 6 - 64)) & 63);
        } else {
            int fromHi = 64 - off;
            v = (int) (((hi & ((1L << fromHi) - 1)) << (6 - fromHi)) | (lo >>> (64 - (6 - fromHi))));
        }
        if (v < 26) {
            return (char) ('A' + v);
        } else if (v < 52) {
            return (char) ('a' + v - 26);
        } else if (v < 62) {
            return (char) ('0' + v - 52);
        }
        return v == 62 ? '-' : '_';
    }
}
