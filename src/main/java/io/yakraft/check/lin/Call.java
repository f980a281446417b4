package io.yakraft.check.lin;

/**
 * What a client asked of the cluster, as the linearizability checker models it. Each call is
 * about exactly one key (a topic, a broker, the producer-id allocator, a partition's log), so a
 * history can be checked key by key (P-compositionality).
 */
public sealed interface Call {
    /** The one piece of state the call reads or changes, e.g. "topic:orders", "broker:3", "producer-ids". */
    String key();

    /** Short words for people, e.g. "CreateTopic(orders, 3)". */
    String describe();

    static String topicKey(String topic) {
        return "topic:" + topic;
    }

    static String brokerKey(int broker) {
        return "broker:" + broker;
    }

    String PRODUCER_IDS = "producer-ids";

    record CreateTopic(String topic, int partitions) implements Call {
        public String key() {
            return topicKey(topic);
        }

        public String describe() {
            return "CreateTopic(" + topic + ", " + (partitions < 0 ? "assigned" : partitions + " partitions") + ")";
        }
    }

    record DeleteTopic(String topic) implements Call {
        public String key() {
            return topicKey(topic);
        }

        public String describe() {
            return "DeleteTopic(" + topic + ")";
        }
    }

    record CreatePartitions(String topic, int total) implements Call {
        public String key() {
            return topicKey(topic);
        }

        public String describe() {
            return "CreatePartitions(" + topic + " → " + total + ")";
        }
    }

    /** A read of the topic in the committed image. */
    record ReadTopic(String topic) implements Call {
        public String key() {
            return topicKey(topic);
        }

        public String describe() {
            return "ReadTopic(" + topic + ")";
        }
    }

    record RegisterBroker(int broker) implements Call {
        public String key() {
            return brokerKey(broker);
        }

        public String describe() {
            return "RegisterBroker(b" + broker + ")";
        }
    }

    record UnregisterBroker(int broker) implements Call {
        public String key() {
            return brokerKey(broker);
        }

        public String describe() {
            return "UnregisterBroker(b" + broker + ")";
        }
    }

    /** A read of the broker's registration in the committed image. */
    record ReadBroker(int broker) implements Call {
        public String key() {
            return brokerKey(broker);
        }

        public String describe() {
            return "ReadBroker(b" + broker + ")";
        }
    }

    /** A broker asks for a block of {@code blockSize} producer ids (the size a success would bring). */
    record AllocateProducerIds(int broker, int blockSize) implements Call {
        public String key() {
            return PRODUCER_IDS;
        }

        public String describe() {
            return "AllocateProducerIds(b" + broker + ")";
        }
    }

    /** A read of the next producer id in the committed image. */
    record ReadProducerIds() implements Call {
        public String key() {
            return PRODUCER_IDS;
        }

        public String describe() {
            return "ReadNextProducerId";
        }
    }

    /**
     * One produce request of {@code records} records to a partition's log; {@code partition}
     * names it with its topic id ("feed-0@AbC…"), so a re-created topic is a new key.
     */
    record Produce(String partition, int records) implements Call {
        public String key() {
            return "partition:" + partition;
        }

        public String describe() {
            return "Produce(" + partition.replaceFirst("@.*", "") + ", " + records + " record(s))";
        }
    }
}
