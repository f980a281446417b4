package io.yakraft.cluster;

/**
 * A message in flight, positioned by its send and delivery times. {@code kind} is what views
 * classify it by; {@link #label()} is its short name for people, {@code description} the long one.
 */
public record MessageView(long id, int from, int to, MessageKind kind, String description, long sentAt, long deliverAt) {

    public String label() {
        return kind.label();
    }
}
