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
}
