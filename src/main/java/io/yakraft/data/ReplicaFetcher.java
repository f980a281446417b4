package io.yakraft.data;

import io.yakraft.data.DataMessage.Error;
import io.yakraft.data.DataMessage.PartitionData;
import io.yakraft.data.DataMessage.PartitionFetch;
import io.yakraft.data.DataMessage.ReplicaFetchRequest;
import io.yakraft.data.DataMessage.ReplicaFetchResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A broker's follower side, as Kafka's replica fetcher threads: one fetch out to each leader
 * broker at a time, covering every partition followed there, sent again as soon as its answer
 * came (the leader long-polls) or after request.timeout.ms without one. Answers append the
 * leader's records, take its high watermark, or truncate where the leader says the logs diverge.
 */
final class ReplicaFetcher {
    private final int id;
    private final DataConfig config;
    private final ReplicationRules rules;
    private final DataOutputs outputs;
    /** leader broker → the fetch out to it. */
    private final Map<Integer, Outstanding> outstanding = new TreeMap<>();
    /**
     * The broker's incarnation in the high bits: an answer to a fetch a previous incarnation sent
     * (the leader may hold a fetch for a while) never passes for this one's, as in Kafka, where an
     * answer only comes back on the connection of the process that asked.
     */
    private long nextFetchId;
    /**
     * Whether a send could find something to do now: only an answer, a given-up fetch, a change
     * of roles or a partition's retry time can free one, so the broker's other events skip the scan.
     */
    private boolean due = true;
    /** The earliest time a partition held back after an error may be fetched again. */
    private long retryDueAt = Long.MAX_VALUE;

    private record Outstanding(long fetchId, long deadline) {
    }

    ReplicaFetcher(int id, int incarnation, DataConfig config, ReplicationRules rules, DataOutputs out) {
        this.id = id;
        this.nextFetchId = ((long) incarnation << 40) + 1;
        this.config = config;
        this.rules = rules;
        this.outputs = out;
    }

    /** The replicas' roles changed: the next {@link #sendIfDue} looks again. */
    void due() {
        due = true;
    }

    /** Sends a fetch to every leader that some of {@code replicas} follow and that has none out, when one may be needed. */
    void sendIfDue(long now, Collection<PartitionReplica> replicas) {
        if (!due && now < retryDueAt) {
            return;
        }
        due = false;
        retryDueAt = Long.MAX_VALUE;
        Map<Integer, List<PartitionFetch>> byLeader = new TreeMap<>();
        for (PartitionReplica r : replicas) {
            if (r.leader || r.leaderId < 0) {
                continue;
            }
            if (r.retryAt > now) {
                retryDueAt = Math.min(retryDueAt, r.retryAt);
            } else {
                byLeader.computeIfAbsent(r.leaderId, k -> new ArrayList<>()).add(new PartitionFetch(r.tp, r.leaderEpoch,
                        r.log.endOffset(), lastFetchedEpoch(r.log)));
            }
        }
        for (Map.Entry<Integer, List<PartitionFetch>> e : byLeader.entrySet()) {
            if (!outstanding.containsKey(e.getKey())) {
                long fetchId = nextFetchId++;
                outstanding.put(e.getKey(), new Outstanding(fetchId, now + config.requestTimeoutMs()));
                outputs.send(e.getKey(), new ReplicaFetchRequest(fetchId, id, e.getValue(), outputs.brokerEpoch()));
            }
        }
    }

    private static int lastFetchedEpoch(PartitionLog log) {
        return log.endOffset() == 0 ? -1 : log.get(log.endOffset() - 1).leaderEpoch();
    }

    void fetched(long now, int from, ReplicaFetchResponse resp, Function<TopicPartition, PartitionReplica> replicas) {
        Outstanding out = outstanding.get(from);
        if (out == null || out.fetchId != resp.fetchId()) {
            return; // a duplicate, or an answer we stopped waiting for
        }
        outstanding.remove(from);
        due = true;
        for (PartitionData d : resp.partitions()) {
            PartitionReplica r = replicas.apply(d.partition());
            if (r == null || r.leader || r.leaderId != from) {
                continue;
            }
            if (d.error() != Error.NONE) {
                r.retryAt = now + config.retryBackoffMs();
            } else if (d.divergingEndOffset() >= 0) {
                long to = rules.truncationLooksUpEpoch() ? truncationOffset(r.log, d.divergingEpoch(), d.divergingEndOffset())
                        : Math.min(d.divergingEndOffset(), r.log.endOffset()); // the pre-KIP-279 rule, for a variant
                int removed = r.log.truncateTo(to);
                outputs.trace(r.tp + ": log diverges from b" + from + "'s after epoch " + d.divergingEpoch() + ": truncated "
                        + removed + " record(s) to offset " + to);
                outputs.truncated(r.tp, to, removed);
            } else {
                if (!d.records().isEmpty() && d.records().get(0).offset() == r.log.endOffset()) {
                    r.log.appendFetched(d.records());
                }
                r.log.setHighWatermark(d.highWatermark());
            }
        }
    }

    /**
     * Where to truncate when the leader says the logs diverge after its {@code leaderEpoch}, which it
     * holds up to {@code leaderEnd} (KIP-279, Kafka's AbstractFetcherThread): the follower looks that
     * epoch up in its own leader-epoch cache. Holding it too, it keeps what both logs hold of it, the
     * smaller end; holding only an earlier epoch, it cuts back to where its own earlier epoch ends and
     * the next fetch (with that epoch as its last) settles the rest; when all its epochs are later, the
     * cache answers that the epoch ends where its log starts, so it keeps nothing; with an empty
     * log, nothing to cut. Never past its own log end. Looking only at the leader's end (the old
     * rule) kept a follower's records of an epoch the leader never had and truncated forever, and so
     * did taking the leader's end when all the follower's epochs are later than the leader's answer
     * (a follower whose whole log is of an epoch the leader never had: it kept that log's head).
     */
    static long truncationOffset(PartitionLog log, int leaderEpoch, long leaderEnd) {
        long[] mine = log.endOffsetForEpoch(leaderEpoch);
        long to;
        if (mine[0] < 0) {
            to = leaderEnd;
        } else if (mine[0] != leaderEpoch) {
            to = mine[1];
        } else {
            to = Math.min(mine[1], leaderEnd);
        }
        return Math.min(to, log.endOffset());
    }

    long nextWakeAt() {
        long next = retryDueAt;
        for (Outstanding o : outstanding.values()) {
            next = Math.min(next, o.deadline);
        }
        return next;
    }

    /** Fetches unanswered in time are given up: the next send replaces them. */
    void expire(long now) {
        if (outstanding.values().removeIf(o -> o.deadline <= now)) {
            due = true;
        }
    }
}
