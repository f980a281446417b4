package io.yakraft.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Kafka's 128-bit id (topic ids, incarnation ids), written as 22 characters of URL-safe
 * base64 without padding, as Kafka prints it. Made from a seeded stream, never at random.
 */
public record Uuid(long mostSignificantBits, long leastSignificantBits) {
    public static final Uuid ZERO = new Uuid(0, 0);

    public static Uuid random(SplittableRandom random) {
        Uuid u;
        do {
            u = new Uuid(random.nextLong(), random.nextLong());
        } while (u.equals(ZERO));
        return u;
    }

    @JsonCreator
    public static Uuid fromString(String text) {
        byte[] b;
        try {
            b = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a Kafka uuid (22 base64url characters)", e);
        }
        if (b.length != 16) {
            throw new IllegalArgumentException("'" + text + "' is not a Kafka uuid (22 base64url characters)");
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new Uuid(buf.getLong(), buf.getLong());
    }

    @JsonValue
    @Override
    public String toString() {
        ByteBuffer buf = ByteBuffer.allocate(16).putLong(mostSignificantBits).putLong(leastSignificantBits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }
}
