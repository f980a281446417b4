package io.yakraft.cluster;

/**
 * How an action names a node: by id, or by the role it holds, resolved against the cluster
 * when the action runs ({@link Cluster#resolve}) and deterministically. {@link #text()} is the
 * spelling a person (and a scenario file) uses: "n2", "b101", "leader", "a follower",
 * "a broker", "leader of payments-0".
 */
public sealed interface NodeRef {
    String text();

    /** A controller's id, spelled "n2". */
    static NodeRef node(int id) {
        return new Id(id, "n");
    }

    /** A broker's id, spelled "b101". */
    static NodeRef broker(int id) {
        return new Id(id, "b");
    }

    /** A node by id; {@code prefix} is how it was written: "n", "b" or "" (a bare number). */
    record Id(int id, String prefix) implements NodeRef {
        public Id {
            if (!prefix.equals("n") && !prefix.equals("b") && !prefix.isEmpty()) {
                throw new IllegalArgumentException("a node id is written n2, b101 or 3, not with '" + prefix + "'");
            }
        }

        @Override
        public String text() {
            return prefix + id;
        }
    }

    /** The live leader with the highest epoch. */
    record Leader() implements NodeRef {
        @Override
        public String text() {
            return "leader";
        }
    }

    /** The lowest-numbered live controller that does not lead. */
    record AFollower() implements NodeRef {
        @Override
        public String text() {
            return "a follower";
        }
    }

    /** The lowest-numbered live broker. */
    record ABroker() implements NodeRef {
        @Override
        public String text() {
            return "a broker";
        }
    }

    /** The broker leading the partition in the committed image. */
    record LeaderOf(String topic, int partition) implements NodeRef {
        @Override
        public String text() {
            return "leader of " + topic + "-" + partition;
        }
    }
}
