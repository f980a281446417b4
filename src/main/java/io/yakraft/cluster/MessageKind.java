package io.yakraft.cluster;

import io.yakraft.data.DataMessage;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.raft.RaftMessage;
import io.yakraft.sim.MessageEvent;
import io.yakraft.sim.MessageType;
import io.yakraft.sim.TraceEvent;

/**
 * Every message the cluster puts on the simulated network: KRaft's RPCs, the broker ↔ controller
 * RPCs and the data plane's. The trace's message events and the in-flight views carry it, so
 * views and checks tell messages apart by type; {@link #label()} is the name people read (the
 * same words the trace has always written, so the trace hash does not move).
 */
public enum MessageKind implements MessageType {
    PRE_VOTE("PreVote", Family.PRE_VOTE, false),
    PRE_VOTE_RESPONSE("PreVoteResponse", Family.PRE_VOTE, true),
    VOTE("Vote", Family.VOTE, false),
    VOTE_RESPONSE("VoteResponse", Family.VOTE, true),
    BEGIN_QUORUM_EPOCH("BeginQuorumEpoch", Family.LEADERSHIP, false),
    BEGIN_QUORUM_EPOCH_RESPONSE("BeginQuorumEpochResponse", Family.LEADERSHIP, true),
    END_QUORUM_EPOCH("EndQuorumEpoch", Family.LEADERSHIP, false),
    END_QUORUM_EPOCH_RESPONSE("EndQuorumEpochResponse", Family.LEADERSHIP, true),
    FETCH("Fetch", Family.FETCH, false),
    FETCH_RESPONSE("FetchResponse", Family.FETCH, true),
    FETCH_SNAPSHOT("FetchSnapshot", Family.SNAPSHOT, false),
    FETCH_SNAPSHOT_RESPONSE("FetchSnapshotResponse", Family.SNAPSHOT, true),
    UPDATE_RAFT_VOTER("UpdateRaftVoter", Family.VOTER_CHANGE, false),
    UPDATE_RAFT_VOTER_RESPONSE("UpdateRaftVoterResponse", Family.VOTER_CHANGE, true),

    REGISTER_BROKER("RegisterBroker", Family.CONTROLLER_RPC, false),
    REGISTER_BROKER_RESPONSE("RegisterBrokerResponse", Family.CONTROLLER_RPC, true),
    BROKER_HEARTBEAT("BrokerHeartbeat", Family.CONTROLLER_RPC, false),
    BROKER_HEARTBEAT_RESPONSE("BrokerHeartbeatResponse", Family.CONTROLLER_RPC, true),
    UNREGISTER_BROKER("UnregisterBroker", Family.CONTROLLER_RPC, false),
    UNREGISTER_BROKER_RESPONSE("UnregisterBrokerResponse", Family.CONTROLLER_RPC, true),
    CREATE_TOPIC("CreateTopic", Family.CONTROLLER_RPC, false),
    CREATE_TOPIC_RESPONSE("CreateTopicResponse", Family.CONTROLLER_RPC, true),
    CREATE_PARTITIONS("CreatePartitions", Family.CONTROLLER_RPC, false),
    CREATE_PARTITIONS_RESPONSE("CreatePartitionsResponse", Family.CONTROLLER_RPC, true),
    DELETE_TOPIC("DeleteTopic", Family.CONTROLLER_RPC, false),
    DELETE_TOPIC_RESPONSE("DeleteTopicResponse", Family.CONTROLLER_RPC, true),
    ALLOCATE_PRODUCER_IDS("AllocateProducerIds", Family.CONTROLLER_RPC, false),
    ALLOCATE_PRODUCER_IDS_RESPONSE("AllocateProducerIdsResponse", Family.CONTROLLER_RPC, true),
    ALTER_PARTITION("AlterPartition", Family.CONTROLLER_RPC, false),
    ALTER_PARTITION_RESPONSE("AlterPartitionResponse", Family.CONTROLLER_RPC, true),
    CONTROLLER_REGISTRATION("ControllerRegistration", Family.CONTROLLER_RPC, false),
    CONTROLLER_REGISTRATION_RESPONSE("ControllerRegistrationResponse", Family.CONTROLLER_RPC, true),
    ELECT_LEADERS("ElectLeaders", Family.CONTROLLER_RPC, false),
    ELECT_LEADERS_RESPONSE("ElectLeadersResponse", Family.CONTROLLER_RPC, true),
    INCREMENTAL_ALTER_CONFIGS("IncrementalAlterConfigs", Family.CONTROLLER_RPC, false),
    INCREMENTAL_ALTER_CONFIGS_RESPONSE("IncrementalAlterConfigsResponse", Family.CONTROLLER_RPC, true),

    PRODUCE("Produce", Family.PRODUCE, false),
    PRODUCE_RESPONSE("ProduceResponse", Family.PRODUCE, true),
    REPLICA_FETCH("ReplicaFetch", Family.REPLICA_FETCH, false),
    REPLICA_FETCH_RESPONSE("ReplicaFetchResponse", Family.REPLICA_FETCH, true);

    /** Which exchange a message belongs to: a request and its response share one. */
    public enum Family {
        /** KIP-996's pre-vote round: asks whether a node could win, without bumping the epoch. */
        PRE_VOTE,
        VOTE,
        /** BeginQuorumEpoch and EndQuorumEpoch: a leader announcing or giving up its epoch. */
        LEADERSHIP,
        /** KRaft's pull replication of the metadata log. */
        FETCH,
        /** KIP-630's FetchSnapshot. */
        SNAPSHOT,
        /** KIP-853's voter-set RPCs between replicas: UpdateRaftVoter. */
        VOTER_CHANGE,
        /** A broker's registration, heartbeats and requests to the active controller. */
        CONTROLLER_RPC,
        /** The data plane: a producer's records to a partition leader. */
        PRODUCE,
        /** The data plane: a follower broker replicating partitions from their leaders. */
        REPLICA_FETCH;

        /** Part of choosing a leader: pre-vote or vote. */
        public boolean election() {
            return this == PRE_VOTE || this == VOTE;
        }

        /** Records produced and replicated between brokers, as opposed to metadata and Raft traffic. */
        public boolean data() {
            return this == PRODUCE || this == REPLICA_FETCH;
        }
    }

    private final String label;
    private final Family family;
    private final boolean response;

    MessageKind(String label, Family family, boolean response) {
        this.label = label;
        this.family = family;
        this.response = response;
    }

    @Override
    public String label() {
        return label;
    }

    public Family family() {
        return family;
    }

    public boolean isRequest() {
        return !response;
    }

    public boolean isResponse() {
        return response;
    }

    /** The kind of a message event's payload, or null when the record is not a message event of the cluster. */
    public static MessageKind of(TraceEvent event) {
        return event.detail() instanceof MessageEvent m && m.type() instanceof MessageKind k ? k : null;
    }

    /** The kind of a payload the cluster sends; anything else is a wiring error and fails loudly. */
    public static MessageKind of(Object payload) {
        if (payload instanceof RaftMessage m) {
            return ofRaft(m);
        }
        if (payload instanceof ControllerRequest r) {
            return ofCommand(r.command(), false);
        }
        if (payload instanceof ControllerResponse r) {
            return ofCommand(r.command(), true);
        }
        if (payload instanceof DataMessage m) {
            return ofData(m);
        }
        throw new IllegalArgumentException("not a message the cluster sends: " + payload.getClass().getName());
    }

    private static MessageKind ofRaft(RaftMessage m) {
        if (m instanceof RaftMessage.VoteRequest v) {
            return v.preVote() ? PRE_VOTE : VOTE;
        }
        if (m instanceof RaftMessage.VoteResponse v) {
            return v.preVote() ? PRE_VOTE_RESPONSE : VOTE_RESPONSE;
        }
        if (m instanceof RaftMessage.BeginQuorumEpochRequest) {
            return BEGIN_QUORUM_EPOCH;
        }
        if (m instanceof RaftMessage.BeginQuorumEpochResponse) {
            return BEGIN_QUORUM_EPOCH_RESPONSE;
        }
        if (m instanceof RaftMessage.EndQuorumEpochRequest) {
            return END_QUORUM_EPOCH;
        }
        if (m instanceof RaftMessage.EndQuorumEpochResponse) {
            return END_QUORUM_EPOCH_RESPONSE;
        }
        if (m instanceof RaftMessage.FetchRequest) {
            return FETCH;
        }
        if (m instanceof RaftMessage.FetchResponse) {
            return FETCH_RESPONSE;
        }
        if (m instanceof RaftMessage.FetchSnapshotRequest) {
            return FETCH_SNAPSHOT;
        }
        if (m instanceof RaftMessage.FetchSnapshotResponse) {
            return FETCH_SNAPSHOT_RESPONSE;
        }
        if (m instanceof RaftMessage.UpdateVoterRequest) {
            return UPDATE_RAFT_VOTER;
        }
        if (m instanceof RaftMessage.UpdateVoterResponse) {
            return UPDATE_RAFT_VOTER_RESPONSE;
        }
        throw new IllegalArgumentException("unknown raft message " + m.getClass().getName());
    }

    private static MessageKind ofCommand(ControllerCommand c, boolean response) {
        if (c instanceof ControllerCommand.RegisterBroker) {
            return response ? REGISTER_BROKER_RESPONSE : REGISTER_BROKER;
        }
        if (c instanceof ControllerCommand.BrokerHeartbeat) {
            return response ? BROKER_HEARTBEAT_RESPONSE : BROKER_HEARTBEAT;
        }
        if (c instanceof ControllerCommand.UnregisterBroker) {
            return response ? UNREGISTER_BROKER_RESPONSE : UNREGISTER_BROKER;
        }
        if (c instanceof ControllerCommand.CreateTopic) {
            return response ? CREATE_TOPIC_RESPONSE : CREATE_TOPIC;
        }
        if (c instanceof ControllerCommand.CreatePartitions) {
            return response ? CREATE_PARTITIONS_RESPONSE : CREATE_PARTITIONS;
        }
        if (c instanceof ControllerCommand.DeleteTopic) {
            return response ? DELETE_TOPIC_RESPONSE : DELETE_TOPIC;
        }
        if (c instanceof ControllerCommand.AllocateProducerIds) {
            return response ? ALLOCATE_PRODUCER_IDS_RESPONSE : ALLOCATE_PRODUCER_IDS;
        }
        if (c instanceof ControllerCommand.AlterPartition) {
            return response ? ALTER_PARTITION_RESPONSE : ALTER_PARTITION;
        }
        if (c instanceof ControllerCommand.RegisterController) {
            return response ? CONTROLLER_REGISTRATION_RESPONSE : CONTROLLER_REGISTRATION;
        }
        if (c instanceof ControllerCommand.ElectLeaders) {
            return response ? ELECT_LEADERS_RESPONSE : ELECT_LEADERS;
        }
        if (c instanceof ControllerCommand.AlterTopicConfigs) {
            return response ? INCREMENTAL_ALTER_CONFIGS_RESPONSE : INCREMENTAL_ALTER_CONFIGS;
        }
        throw new IllegalArgumentException("unknown controller command " + c.getClass().getName());
    }

    private static MessageKind ofData(DataMessage m) {
        if (m instanceof DataMessage.ProduceRequest) {
            return PRODUCE;
        }
        if (m instanceof DataMessage.ProduceResponse) {
            return PRODUCE_RESPONSE;
        }
        if (m instanceof DataMessage.ReplicaFetchRequest) {
            return REPLICA_FETCH;
        }
        if (m instanceof DataMessage.ReplicaFetchResponse) {
            return REPLICA_FETCH_RESPONSE;
        }
        throw new IllegalArgumentException("unknown data-plane message " + m.getClass().getName());
    }
}
