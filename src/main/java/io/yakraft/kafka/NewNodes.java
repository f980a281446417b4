package io.yakraft.kafka;

/**
 * Ids for nodes added to a running local cluster: controllers count up from 1, brokers from
 * {@link LocalCluster#FIRST_BROKER_ID}, the same ranges as the simulator, so a scenario's
 * {@code addController 4} or {@code registerBroker 104} names the same node here.
 */
final class NewNodes {
    private NewNodes() {
    }

    /** One past the highest id of that role (the first of the range when there is none). */
    static int nextId(LocalClusterState state, NodeRole role) {
        int first = role == NodeRole.CONTROLLER ? 1 : LocalCluster.FIRST_BROKER_ID;
        return state.nodes().stream().filter(n -> n.role() == role).mapToInt(LocalNode::id).max().orElse(first - 1) + 1;
    }

    /** {@code id} when no node has it and it lies in the role's range; otherwise says why not. */
    static int checkFree(LocalClusterState state, int id, NodeRole role) {
        boolean controllerRange = id >= 1 && id < LocalCluster.FIRST_BROKER_ID;
        if (role == NodeRole.CONTROLLER ? !controllerRange : id < LocalCluster.FIRST_BROKER_ID) {
            throw new IllegalArgumentException("a " + role.processRoles() + " id must be "
                    + (role == NodeRole.CONTROLLER ? "1.." + (LocalCluster.FIRST_BROKER_ID - 1) : LocalCluster.FIRST_BROKER_ID + " or more")
                    + " in this lab, got " + id);
        }
        if (state.nodes().stream().anyMatch(n -> n.id() == id)) {
            throw new IllegalArgumentException("node " + id + " already exists in this cluster; its nodes are "
                    + state.nodes().stream().map(LocalNode::name).toList());
        }
        return id;
    }
}
