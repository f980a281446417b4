package io.yakraft.sim;

/** Names payloads for the trace and the views; the kernel itself never looks inside them. */
public interface MessageDescriber {
    /** A short kind label such as "Fetch" or "VoteResponse". */
    String kind(Object payload);

    /** A one-line human description of the payload. */
    String describe(Object payload);

    MessageDescriber TO_STRING = new MessageDescriber() {
        @Override
        public String kind(Object payload) {
            return payload.getClass().getSimpleName();
        }

        @Override
        public String describe(Object payload) {
            return payload.toString();
        }
    };
}
