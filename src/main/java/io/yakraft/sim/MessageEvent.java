package io.yakraft.sim;

/** What the network did with one message, and the message's type: the detail of SEND, DELIVER, DROP and DUPLICATE records. */
public record MessageEvent(Stage stage, MessageType type) implements TraceDetail {

    public MessageEvent {
        if (stage == null || type == null) {
            throw new IllegalArgumentException("a message event needs a stage and a type");
        }
    }

    /** The network's part in a message's life; each drop says where and why the message died. */
    public enum Stage {
        SENT,
        DELIVERED,
        /** The network made a second copy (the record's message id is the copy's). */
        DUPLICATED,
        /** Never left the sender: the link was cut. */
        DROPPED_LINK_CUT,
        /** Never left the sender: the link's loss probability took it. */
        DROPPED_LOST,
        /** Arrived at a node that is down. */
        DROPPED_RECEIVER_DOWN,
        /** The link was cut while the message was on it. */
        DROPPED_CUT_IN_FLIGHT,
        /** Dropped on arrival because someone asked for it (the dropMessage action). */
        DROPPED_ON_PURPOSE,
        /** A person dropped this very message while it was in flight (the dropInFlight action). */
        DROPPED_BY_HAND;

        public boolean isDrop() {
            return this == DROPPED_LINK_CUT || this == DROPPED_LOST || this == DROPPED_RECEIVER_DOWN
                    || this == DROPPED_CUT_IN_FLIGHT || this == DROPPED_ON_PURPOSE || this == DROPPED_BY_HAND;
        }

        /** A drop at the receiving end, recorded on the receiver, with the sender as the peer. */
        public boolean droppedAtReceiver() {
            return this == DROPPED_RECEIVER_DOWN || this == DROPPED_CUT_IN_FLIGHT || this == DROPPED_ON_PURPOSE;
        }
    }
}
