package io.yakraft.kafka;

/**
 * One node of a local real cluster as the state file keeps it: Kafka's {@code node.id}, its role,
 * its one listener port on 127.0.0.1, the metadata log directory's id (controllers: the id given to
 * {@code --initial-controllers}; brokers: empty) and the process id it last ran as (0 when never started).
 */
public record LocalNode(int id, NodeRole role, int port, String directoryId, long pid) {

    public LocalNode withPid(long newPid) {
        return new LocalNode(id, role, port, directoryId, newPid);
    }

    /** The node's name in this lab's words: c1, c2 … for controllers, b101 … for brokers (as in the simulator). */
    public String name() {
        return (role == NodeRole.CONTROLLER ? "c" : "b") + id;
    }
}
