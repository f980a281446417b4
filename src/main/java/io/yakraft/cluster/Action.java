package io.yakraft.cluster;

import io.yakraft.data.FeedRecord;
import io.yakraft.data.Acks;
import java.util.List;

/**
 * What a person, a scenario or a REST call asks the cluster to do: the input of
 * {@link Cluster#apply}. Node arguments are {@link NodeRef}s, resolved when the action runs.
 * A field documented as nullable means "not given" and has the meaning its comment says.
 * 'expect' is not here: it checks the cluster, it does not act on it.
 */
public sealed interface Action {

    /** Narration for the audience; {@code pause} holds a lesson until the presenter continues. */
    record Caption(String text, boolean pause) implements Action {
    }

    /** A crash (kill -9): the process is gone at once; the controller notices when its session expires. */
    record Kill(NodeRef node) implements Action {
    }

    /**
     * A graceful stop: a broker goes through controlled shutdown (its leaderships move before it
     * stops), a controller resigns first if it leads.
     */
    record Stop(NodeRef node) implements Action {
    }

    /** Restarts a node; {@code emptyDisk}: its disk is lost too. */
    record Restart(NodeRef node, boolean emptyDisk) implements Action {
    }

    record Pause(NodeRef node) implements Action {
    }

    /**
     * Starts a new controller process {@code id} on a freshly formatted disk (KIP-853: format
     * --no-initial-controllers): it fetches the log as an observer until added as a voter.
     */
    record AddController(int id) implements Action {
    }

    /** AddRaftVoter: the leader adds the controller, as it runs now (its disk), to the voter set. */
    record AddVoter(NodeRef node) implements Action {
    }

    /** RemoveRaftVoter: the leader removes the voter from the voter set. */
    record RemoveVoter(NodeRef node) implements Action {
    }

    record Resume(NodeRef node) implements Action {
    }

    /** Makes the node's election or fetch timer expire now. */
    record ForceTimeout(NodeRef node) implements Action {
    }

    /** Graceful resignation; {@code node} null: whoever leads now. */
    record Resign(NodeRef node) implements Action {
    }

    /** Snapshots the node's metadata image at its high watermark and drops the log before it. */
    /**
     * Drops the one message now in flight with this id (as a view shows it), so it is never
     * delivered; unlike a cut, nothing else on the link is touched.
     */
    record DropInFlight(long messageId) implements Action {
    }

    record Compact(NodeRef node) implements Action {
    }

    /** Cuts every link to and from the node. */
    record Isolate(NodeRef node) implements Action {
    }

    /** Splits the network: explicit groups or one of the presets. */
    record Partition(Split split) implements Action {
    }

    /** The shapes a network partition takes. */
    sealed interface Split {
    }

    /** Every link between two different groups is cut both ways. */
    record Groups(List<List<NodeRef>> groups) implements Split {
        public Groups {
            groups = groups.stream().map(List::copyOf).toList();
        }
    }

    /** {@code minority} cut off from the rest; null: the leader and as few others as keep the rest a majority. */
    record MajorityMinority(List<NodeRef> minority) implements Split {
        public MajorityMinority {
            minority = minority == null ? null : List.copyOf(minority);
        }
    }

    /** Each voter reaches a majority, but no two neighbours' majorities agree. */
    record MajoritiesRing() implements Split {
    }

    /** Two halves that meet only at {@code node} (null: "a follower"). */
    record Bridge(NodeRef node) implements Split {
    }

    /** Cuts the link from → to, and to → from unless {@code oneWay}. */
    record Cut(NodeRef from, NodeRef to, boolean oneWay) implements Action {
    }

    /** Heals the link between two nodes both ways; both null: every link, and the per-link settings go. */
    record Heal(NodeRef from, NodeRef to) implements Action {
        public Heal {
            if ((from == null) != (to == null)) {
                throw new IllegalArgumentException("heal names both ends of a link, or none (every link)");
            }
        }

        public static Heal all() {
            return new Heal(null, null);
        }
    }

    /** New default link settings; a null field keeps its current value. */
    record Network(Double loss, Long minLatencyMs, Long maxLatencyMs, Double duplication) implements Action {
    }

    /**
     * {@code count} raw raft entries at the leader, named {@code label}-0, {@code label}-1, …: plain
     * strings in the metadata log that no Kafka controller would write, for lessons about the raft
     * protocol only (Kafka's metadata log holds metadata records and control records).
     */
    record Write(int count, String label) implements Action {
    }

    /** Starts a new broker process that registers as this identity. */
    record RegisterBroker(int id, String host, int port, String rack) implements Action {
    }

    record UnregisterBroker(NodeRef broker) implements Action {
    }

    /**
     * The broker restarts as a new incarnation with this listener and rack (a null field keeps its
     * value) and registers again, as a Kafka broker does after a restart: the controller gives the
     * new registration a higher epoch.
     */
    record ReregisterBroker(NodeRef broker, String host, Integer port, String rack) implements Action {
    }

    /** {@code configs}: topic configs (min.insync.replicas, unclean.leader.election.enable), empty for none. */
    record CreateTopic(String name, int partitions, int replicationFactor, java.util.Map<String, String> configs)
            implements Action {
        public CreateTopic {
            configs = configs == null ? java.util.Map.of()
                    : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(configs));
        }

        public CreateTopic(String name, int partitions, int replicationFactor) {
            this(name, partitions, replicationFactor, java.util.Map.of());
        }
    }

    record CreatePartitions(String topic, int total) implements Action {
    }

    /**
     * Kafka's IncrementalAlterConfigs on a topic: SET each config, or DELETE it where the value is
     * null (the topic falls back on the cluster's value). Takes effect live: min.insync.replicas for
     * acks=all and the ELR, unclean.leader.election.enable for the controller's periodic check.
     */
    record AlterTopicConfig(String topic, java.util.Map<String, String> configs) implements Action {
        public AlterTopicConfig {
            configs = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(configs));
        }
    }

    /** Preferred leader election (Kafka's ElectLeaders, PREFERRED) for one topic, or every topic when {@code topic} is null. */
    record ElectPreferredLeaders(String topic) implements Action {
    }

    record DeleteTopic(String name) implements Action {
    }

    /** The broker asks the active controller for a block of producer ids. */
    record RegisterProducer(NodeRef broker) implements Action {
    }

    /**
     * Feeds records into a topic: {@code records} were read before the action was built (a file
     * through its pipeline, or generated), so running it reads nothing. {@code rate} is records
     * per simulated second (0: as fast as possible); {@code via} null: the lowest-numbered live broker.
     * {@code idempotence} is the producer's enable.idempotence, null for Kafka's default (on with acks=all).
     */
    record Feed(String topic, Records records, Acks acks, double rate, NodeRef via, Boolean idempotence) implements Action {
        public Feed {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("a feed needs a topic");
            }
            if (rate < 0 || Double.isNaN(rate)) {
                throw new IllegalArgumentException("the rate must be 0 (as fast as possible) or more, got " + rate);
            }
            if (Boolean.TRUE.equals(idempotence) && acks != Acks.ALL) {
                throw new IllegalArgumentException("idempotence needs acks=all (Kafka: \"Must set acks to all in order to use"
                        + " the idempotent producer\"), got acks=" + acks.label());
            }
        }

        /** With Kafka's default for enable.idempotence. */
        public Feed(String topic, Records records, Acks acks, double rate, NodeRef via) {
            this(topic, records, acks, rate, via, null);
        }

        /** Whether the producer is idempotent: as asked, else Kafka 3.0+'s default. */
        public boolean idempotent() {
            return idempotence != null ? idempotence : io.yakraft.data.FeedRequest.idempotentByDefault(acks);
        }
    }

    /** Where a feed's records came from; a replay needs this, not the records. */
    sealed interface Records {
        List<FeedRecord> records();

        /** The source in words: "orders.csv (41 clean of 53 read)", "100 generated records". */
        String describe();
    }

    /** The clean records of {@code file} run through the pipeline {@code spec} (paths as given). */
    record FromFile(String file, String spec, List<FeedRecord> records, long clean, long read) implements Records {
        public FromFile {
            records = List.copyOf(records);
        }

        @Override
        public String describe() {
            return file + " (" + clean + " clean of " + read + " read)";
        }
    }

    /** {@code count} records over {@code keys} keys (key-0, key-1, …). */
    record Generated(int count, int keys, List<FeedRecord> records) implements Records {
        public Generated {
            records = List.copyOf(records);
        }

        @Override
        public String describe() {
            return records.size() + " generated records";
        }
    }

    /**
     * An engineered split vote: the election timers of two voters (a follower's fetch timeout) are
     * set to run out at the same instant, so both start pre-votes together and, unless a third
     * voter breaks the tie, stand as candidates in one epoch. Deterministic: it moves deadlines,
     * it draws nothing. {@code nodes} null: the two lowest-numbered live voters that do not lead.
     */
    record SplitVote(List<NodeRef> nodes) implements Action {
        public SplitVote {
            if (nodes != null && nodes.size() != 2) {
                throw new IllegalArgumentException("a split vote names two voters, got " + nodes.size());
            }
            nodes = nodes == null ? null : List.copyOf(nodes);
        }
    }

    /**
     * Drops the next message of {@code kind} on the link {@code from → to}: the first in flight,
     * else the next sent. It travels as usual and is lost when it arrives.
     */
    record DropMessage(NodeRef from, NodeRef to, MessageKind kind) implements Action {
        public DropMessage {
            if (from == null || to == null || kind == null) {
                throw new IllegalArgumentException("dropMessage needs 'from', 'to' and 'kind'");
            }
        }
    }

    /** Changes the window's playback speed; the simulation itself ignores it. */
    record SetSpeed(double speed) implements Action {
    }
}
