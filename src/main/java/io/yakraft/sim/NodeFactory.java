package io.yakraft.sim;

/** Builds a fresh process for a node id at start and after every restart. */
@FunctionalInterface
public interface NodeFactory {
    /**
     * @param incarnation 0 on first start, +1 on every restart
     * @param diskLost    true when the restart also wiped the node's durable state
     */
    SimNode create(int nodeId, int incarnation, boolean diskLost);
}
