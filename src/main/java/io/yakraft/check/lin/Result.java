package io.yakraft.check.lin;

/** What a client got back for a {@link Call}; {@link Unknown} when no answer settles it. */
public sealed interface Result {
    String describe();

    /**
     * No answer, or one that does not say whether the call took effect (NOT_CONTROLLER after the
     * command reached a controller, a produce error or timeout): it may take effect at any time
     * after it was invoked, or never.
     */
    record Unknown() implements Result {
        public String describe() {
            return "no answer (may or may not take effect)";
        }
    }

    /** A definite refusal, named by its error code. */
    record Failed(String error) implements Result {
        public String describe() {
            return "error " + error;
        }
    }

    record Done() implements Result {
        public String describe() {
            return "done";
        }
    }

    record TopicCreated(String topicId, int partitions) implements Result {
        public String describe() {
            return "created (id " + topicId + ", " + partitions + " partitions)";
        }
    }

    record PartitionsCreated(String topicId, int total) implements Result {
        public String describe() {
            return "now " + total + " partitions (id " + topicId + ")";
        }
    }

    record BrokerRegistered(long epoch) implements Result {
        public String describe() {
            return "registered with broker epoch " + epoch;
        }
    }

    record ProducerIds(long first, int size) implements Result {
        public String describe() {
            return "producer ids " + first + ".." + (first + size - 1);
        }
    }

    record Produced(long baseOffset) implements Result {
        public String describe() {
            return "acknowledged at offset " + baseOffset;
        }
    }

    /** A read of a topic: absent, or its id and partition count. */
    record TopicState(boolean exists, String topicId, int partitions) implements Result {
        public String describe() {
            return exists ? "exists (id " + topicId + ", " + partitions + " partitions)" : "absent";
        }
    }

    /** A read of a broker: not registered, or registered with this epoch. */
    record BrokerState(boolean registered, long epoch) implements Result {
        public String describe() {
            return registered ? "registered with epoch " + epoch : "not registered";
        }
    }

    record NextProducerId(long next) implements Result {
        public String describe() {
            return "next producer id " + next;
        }
    }
}
