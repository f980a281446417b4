package io.yakraft.sim;

/** Names payloads for the trace and the views; the kernel itself never looks inside them. */
public interface MessageDescriber {
    /** The payload's type, carried typed into the trace's message events. */
    MessageType type(Object payload);

    /** A short kind label such as "Fetch" or "VoteResponse": the type's label. */
    default String kind(Object payload) {
        return type(payload).label();
    }

    /** A one-line human description of the payload. */
    String describe(Object payload);

    MessageDescriber TO_STRING = new MessageDescriber() {
        @Override
        public MessageType type(Object payload) {
            return new MessageType.PayloadClass(payload.getClass().getSimpleName());
        }

        @Override
        public String describe(Object payload) {
            return payload.toString();
        }
    };
}
