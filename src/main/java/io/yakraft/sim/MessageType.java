package io.yakraft.sim;

/**
 * A payload's type as the {@link MessageDescriber} names it. The kernel carries it into the
 * trace without looking inside; the layer that wires the protocols in gives it meaning (the
 * cluster's {@code MessageKind} enum).
 */
public interface MessageType {
    /** The short name people read, such as "Fetch" or "VoteResponse". */
    String label();

    /** The type of a payload nobody described: its class's simple name. */
    record PayloadClass(String label) implements MessageType {
    }
}
