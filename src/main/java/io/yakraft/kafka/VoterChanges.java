package io.yakraft.kafka;

/**
 * KIP-853 voter changes on a real cluster, in the simulator's words: each names the node and Kafka's answer.
 * AddRaftVoter needs the controller's directory id and CONTROLLER endpoint (a local cluster knows both);
 * RemoveRaftVoter needs the voter's directory id, which describeMetadataQuorum lists for every voter.
 */
public final class VoterChanges {
    private VoterChanges() {
    }

    /** AddRaftVoter for controller {@code id} of the local cluster (it must run and have caught up as an observer). */
    public static String add(LocalCluster cluster, KafkaProbe probe, int id) {
        LocalNode node = cluster.state().node(id);
        if (node.role() != NodeRole.CONTROLLER) {
            return "AddRaftVoter(" + id + "): " + node.name() + " is a broker; only a controller can be a voter";
        }
        if (!cluster.isRunning(id)) {
            return "AddRaftVoter(" + id + "): " + node.name() + " is not running; the leader adds a controller that fetches from it";
        }
        return probe.addVoterAnswer(id, node.directoryId(), "127.0.0.1", node.port());
    }

    /** RemoveRaftVoter for voter {@code id}, its directory id as describeMetadataQuorum lists it (any cluster). */
    public static String remove(KafkaProbe probe, int id) {
        var quorum = probe.quorum();
        if (quorum.value().isEmpty()) {
            return "RemoveRaftVoter(" + id + "): the quorum does not answer (" + quorum.error() + ")";
        }
        return quorum.value().get().voters().stream().filter(r -> r.id() == id).findFirst()
                .map(r -> probe.removeVoterAnswer(id, r.directoryId()))
                .orElseGet(() -> "RemoveRaftVoter(" + id + "): " + id + " is not a voter; the voters are "
                        + quorum.value().get().voters().stream().map(KafkaObservation.Replica::id).toList());
    }
}
