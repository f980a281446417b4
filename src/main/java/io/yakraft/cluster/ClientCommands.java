package io.yakraft.cluster;

import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerReply;

import java.util.List;

/**
 * Numbers the controller commands clients send (brokers on their own behalf, callers beside the
 * cluster) and tells observers when each goes out and when its answer comes back, so a checker
 * can record the client-visible history. Only observers hear of it: the trace does not change.
 */
final class ClientCommands {
    private final List<ClusterObserver> observers;
    private long next = 1;

    ClientCommands(List<ClusterObserver> observers) {
        this.observers = observers;
    }

    /** The command left {@code client} (a broker id, or -1 for a caller beside the cluster); returns its number. */
    long sent(int client, ControllerCommand command) {
        long op = next++;
        for (ClusterObserver o : observers) {
            o.commandSent(op, client, command);
        }
        return op;
    }

    /** The answer to command {@code op} reached its client. */
    void answered(long op, ControllerReply reply) {
        for (ClusterObserver o : observers) {
            o.commandAnswered(op, reply);
        }
    }
}
