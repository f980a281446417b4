package io.yakraft.raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The voters of the quorum (Kafka's VoterSet): each voter's replica key and the endpoint it
 * listens on, in id order. Immutable; a change makes a new set that a {@link VotersRecord}
 * carries into the log. At most one voter per id.
 */
public record VoterSet(List<Voter> voters) {
    /**
     * One voter (Kafka's VoterNode): who (id and directory), where it listens, and the
     * kraft.version range its software supports (the VotersRecord's KRaftVersionFeature).
     */
    public record Voter(ReplicaKey key, String endpoint, KRaftVersionRange kraftVersions) {
        /** A voter running this simulator's software: kraft.version 0 to 1. */
        public Voter(ReplicaKey key, String endpoint) {
            this(key, endpoint, KRaftVersionRange.SUPPORTED);
        }

        public Voter {
            if (endpoint == null || kraftVersions == null) {
                throw new IllegalArgumentException("voter " + key + " needs an endpoint and a kraft.version range");
            }
        }
    }

    /** The kraft.version levels a replica supports, min to max (Kafka's SupportedVersionRange). */
    public record KRaftVersionRange(int min, int max) {
        /** What a controller of Kafka 3.9 and later supports: static (0) and dynamic (1) quorums. */
        public static final KRaftVersionRange SUPPORTED = new KRaftVersionRange(0, 1);

        public boolean supports(int kraftVersion) {
            return min <= kraftVersion && kraftVersion <= max;
        }

        /** Kafka's UpdateRaftVoter validation: both bounds at least 0, min not above max. */
        public boolean valid() {
            return min >= 0 && max >= min;
        }

        @Override
        public String toString() {
            return "[" + min + ", " + max + "]";
        }
    }

    public static final VoterSet EMPTY = new VoterSet(List.of());

    public VoterSet {
        List<Voter> sorted = new ArrayList<>(voters);
        sorted.sort(Comparator.comparingInt(v -> v.key().id()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).key().id() == sorted.get(i - 1).key().id()) {
                throw new IllegalArgumentException("voter id " + sorted.get(i).key().id() + " appears twice in " + voters);
            }
        }
        voters = List.copyOf(sorted);
    }

    /** A kraft.version 0 set (controller.quorum.voters): ids only, any directory matches. */
    public static VoterSet fromIds(int[] ids) {
        List<Voter> vs = new ArrayList<>();
        for (int id : ids) {
            vs.add(new Voter(new ReplicaKey(id, ReplicaKey.NO_DIRECTORY), endpointOf(id)));
        }
        return new VoterSet(vs);
    }

    /** The endpoint a controller listens on in the simulation: its CONTROLLER listener. */
    public static String endpointOf(int id) {
        return "CONTROLLER://n" + id + ":9093";
    }

    public int[] ids() {
        return voters.stream().mapToInt(v -> v.key().id()).toArray();
    }

    public int size() {
        return voters.size();
    }

    public int majority() {
        return voters.size() / 2 + 1;
    }

    public boolean isEmpty() {
        return voters.isEmpty();
    }

    public boolean containsId(int id) {
        return voterFor(id).isPresent();
    }

    /** Whether the replica {@code key} (as it runs now) is one of the voters (Kafka's VoterSet.isVoter). */
    public boolean isVoter(ReplicaKey key) {
        return voterFor(key.id()).map(v -> v.key().matches(key)).orElse(false);
    }

    public Optional<Voter> voterFor(int id) {
        for (Voter v : voters) {
            if (v.key().id() == id) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Kafka's addVoter: empty when the id is already a voter. */
    public Optional<VoterSet> with(Voter voter) {
        if (containsId(voter.key().id())) {
            return Optional.empty();
        }
        List<Voter> vs = new ArrayList<>(voters);
        vs.add(voter);
        return Optional.of(new VoterSet(vs));
    }

    /**
     * Kafka's VoterSet.voterNodeNeedsUpdate: {@code node} is a voter of this set (same id and
     * disk) whose endpoint or supported kraft.version range differs from what the set records.
     */
    public boolean voterNodeNeedsUpdate(Voter node) {
        return voterFor(node.key().id()).map(v -> v.key().matches(node.key()) && !v.equals(node)).orElse(false);
    }

    /** Kafka's VoterSet.updateVoter: the voter of the same key replaced by {@code node}; empty when it is no voter. */
    public Optional<VoterSet> updateVoter(Voter node) {
        Optional<Voter> old = voterFor(node.key().id());
        if (old.isEmpty() || !old.get().key().matches(node.key())) {
            return Optional.empty();
        }
        List<Voter> vs = new ArrayList<>(voters);
        vs.remove(old.get());
        vs.add(node);
        return Optional.of(new VoterSet(vs));
    }

    /** Kafka's removeVoter: empty when the key is not a voter or it is the last one. */
    public Optional<VoterSet> without(ReplicaKey key) {
        if (!isVoter(key) || voters.size() == 1) {
            return Optional.empty();
        }
        List<Voter> vs = new ArrayList<>(voters);
        vs.removeIf(v -> v.key().id() == key.id());
        return Optional.of(new VoterSet(vs));
    }

    /**
     * Kafka's VoterSet.hasOverlappingMajority: every majority of this set shares a voter with
     * every majority of {@code other}: neither set has more than one voter the other lacks. A change
     * of one voter at a time keeps this so, and two leaders can never be elected by disjoint
     * majorities of consecutive sets.
     */
    public boolean hasOverlappingMajority(VoterSet other) {
        return missingFrom(other) <= 1 && other.missingFrom(this) <= 1;
    }

    /** How many of our voters (by exact key) the other set lacks. */
    private long missingFrom(VoterSet other) {
        return voters.stream().filter(v -> other.voterFor(v.key().id()).map(o -> !o.key().equals(v.key())).orElse(true))
                .count();
    }

    /** "n1, n2, n3" for traces. */
    public String describe() {
        return Arrays.toString(ids());
    }
}
