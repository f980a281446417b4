package io.yakraft.cluster;

/**
 * A message in flight, positioned by its send and delivery times. {@code kind} is what views
 * classify it by; {@link #label()} is its short name for people, {@code description} the long one;
 * {@code payload} the message itself (an immutable record: a RaftMessage, a controller or data-plane
 * message), so a view can show its fields, or null when not known.
 */
public record MessageView(long id, int from, int to, MessageKind kind, String description, long sentAt, long deliverAt,
                          Object payload) {

    /** A message whose payload is not shown. */
    public MessageView(long id, int from, int to, MessageKind kind, String description, long sentAt, long deliverAt) {
        this(id, from, to, kind, description, sentAt, deliverAt, null);
    }

    public String label() {
        return kind.label();
    }
}
