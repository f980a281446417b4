package io.yakraft.data;

import io.yakraft.data.DataMessage.Error;
import io.yakraft.data.DataMessage.PartitionData;
import io.yakraft.data.DataMessage.PartitionFetch;
import io.yakraft.data.DataMessage.ProduceRequest;
import io.yakraft.data.DataMessage.ProduceResponse;
import io.yakraft.data.DataMessage.ReplicaFetchRequest;
import io.yakraft.data.DataMessage.ReplicaFetchResponse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A broker's partition replicas, as Kafka's ReplicaManager runs them. The broker's metadata
 * ({@link DataImage}) says which partitions it hosts and who leads each; this core follows it:
 * <ul>
 * <li>as leader it appends produced records in its leader epoch, answers acks=1 at once and
 *     acks=all when the high watermark (the lowest log end of the ISR) passes them, serves
 *     followers' fetches (long-polled up to replica.fetch.wait.max.ms), tells a follower where
 *     its log diverges, and asks the controller (AlterPartition) to drop followers that lag
 *     more than replica.lag.time.max.ms and to take back the ones that caught up;</li>
 * <li>as follower it fetches from the leader ({@link ReplicaFetcher}).</li>
 * </ul>
 * Its host hands it the image only once the broker's metadata has caught up with its own
 * registration. While an ISR change is in flight the high watermark is computed over the larger of the old
 * and the asked-for ISR (Kafka's "maximal ISR"), so a shrink is never trusted before it commits;
 * the controller's answer, sent once the change is committed, is acted on at once.
 *
 * <p>Pure: time comes in as arguments, everything it decides leaves through {@link DataOutputs}.
 */
public final class ReplicaManager {
    private final int id;
    private final DataConfig config;
    private final ReplicationRules rules;
    private final Map<TopicPartition, PartitionLog> disk;
    private final DataOutputs out;
    private final Map<TopicPartition, PartitionReplica> replicas = new TreeMap<>(TopicPartition.ORDER);
    /** Follower fetches held until there is something to say, oldest first. */
    private final List<ParkedFetch> parked = new ArrayList<>();
    private final List<PendingProduce> purgatory = new ArrayList<>();
    private final ReplicaFetcher fetcher;
    private DataImage seen;
    private long nextIsrCheckAt;

    /**
     * @param disk the broker's replica logs by partition (kept by the host: they outlive a crash);
     *             this core adds a log for each partition it comes to host and removes the ones it stops hosting
     */
    public ReplicaManager(int id, DataConfig config, Map<TopicPartition, PartitionLog> disk, DataOutputs out) {
        this(id, config, ReplicationRules.KAFKA, disk, out);
    }

    /** As Kafka's, unless {@code rules} drops a safeguard (a protocol variant to teach with). */
    public ReplicaManager(int id, DataConfig config, ReplicationRules rules, Map<TopicPartition, PartitionLog> disk,
                          DataOutputs out) {
        this(id, 0, config, rules, disk, out);
    }

    /**
     * As above, for the broker's {@code incarnation} (0 on first start, +1 on each restart): its
     * replica fetches are numbered apart from an earlier incarnation's, whose answers it ignores.
     */
    public ReplicaManager(int id, int incarnation, DataConfig config, ReplicationRules rules,
                          Map<TopicPartition, PartitionLog> disk, DataOutputs out) {
        this.id = id;
        this.config = config;
        this.rules = rules;
        this.disk = disk;
        this.out = out;
        this.fetcher = new ReplicaFetcher(id, incarnation, config, rules, out);
    }

    /** This broker's replicas as views can show them. */
    public Map<TopicPartition, ReplicaView> views() {
        Map<TopicPartition, ReplicaView> out = new TreeMap<>(TopicPartition.ORDER);
        for (PartitionReplica r : replicas.values()) {
            out.put(r.tp, new ReplicaView(r.tp, r.leader, r.leaderEpoch, r.leaderId, r.log.endOffset(),
                    r.log.highWatermark(), r.log.epochStarts()));
        }
        return out;
    }

    // ------------------------------------------------------------- following the metadata image

    /**
     * The broker's metadata as it stands after an event (call only once the broker has caught up
     * with its own registration): a new image is followed, the same one is a no-op.
     */
    public void follow(long now, DataImage image) {
        if (image != seen) {
            seen = image;
            reconcile(now, image);
            fetcher.due(); // roles may have changed: who to fetch from
        }
    }

    /** The broker finished an event: fetch from the leaders that have no fetch out, if one may be needed. */
    public void afterEvent(long now) {
        fetcher.sendIfDue(now, replicas.values());
    }

    private void reconcile(long now, DataImage image) {
        Set<TopicPartition> hosted = new LinkedHashSet<>();
        for (TopicLayout t : image.topics().values()) {
            for (Map.Entry<Integer, PartitionState> e : t.partitions().entrySet()) {
                PartitionState p = e.getValue();
                if (!p.replicas().contains(id)) {
                    continue;
                }
                TopicPartition tp = t.partition(e.getKey());
                hosted.add(tp);
                PartitionReplica r = replicas.computeIfAbsent(tp, k -> new PartitionReplica(k, disk.computeIfAbsent(k, x -> new PartitionLog())));
                r.minInsyncReplicas = t.minInsyncReplicas(config.minInsyncReplicas());
                follow(now, r, p);
            }
        }
        for (Iterator<PartitionReplica> it = replicas.values().iterator(); it.hasNext(); ) {
            PartitionReplica r = it.next();
            if (!hosted.contains(r.tp)) {
                it.remove();
                disk.remove(r.tp);
                failProduces(r, Error.UNKNOWN_TOPIC_OR_PARTITION, "the partition is gone from this broker");
                trace(r.tp + ": replica deleted (the topic was deleted or the replica moved)");
            }
        }
    }

    private void follow(long now, PartitionReplica r, PartitionState p) {
        boolean newEpoch = p.leaderEpoch() > r.leaderEpoch;
        r.state = p;
        r.adoptIsr(p.isr(), p.partitionEpoch());
        if (p.leader() == id) {
            if (!r.leader || newEpoch) {
                becomeLeader(now, r, p);
            }
            advanceHighWatermark(r);
        } else if (r.leader || newEpoch || r.leaderId != p.leader()) {
            if (r.leader) {
                failProduces(r, Error.NOT_LEADER_OR_FOLLOWER, "leadership moved to b" + p.leader());
            }
            r.leader = false;
            r.leaderEpoch = p.leaderEpoch();
            r.leaderId = p.leader();
            r.askedIsr = null;
            r.retryAt = 0;
            trace(r.tp + ": follows " + (p.leader() < 0 ? "no leader" : "b" + p.leader()) + " in leader epoch "
                    + p.leaderEpoch() + " from offset " + r.log.endOffset());
        }
    }

    private void becomeLeader(long now, PartitionReplica r, PartitionState p) {
        r.leader = true;
        r.leaderEpoch = p.leaderEpoch();
        r.leaderId = id;
        r.askedIsr = null;
        r.epochStartOffset = r.log.endOffset();
        r.followers.clear();
        for (int replica : p.replicas()) {
            if (replica != id) {
                // an ISR member counts as caught up now: it gets replica.lag.time.max.ms to fetch
                r.followers.put(replica, new PartitionReplica.FollowerState(r.isr.contains(replica) ? now : Long.MIN_VALUE / 2));
            }
        }
        trace(r.tp + ": leads in leader epoch " + p.leaderEpoch() + " from offset " + r.log.endOffset()
                + " (high watermark " + r.log.highWatermark() + ", ISR " + r.isr + ")");
        out.leaderStarted(r.tp, p.leaderEpoch(), r.log);
    }

    // ------------------------------------------------------------- leader: produce

    /** A data message for this broker; false for a producer's answer, which is not the replica manager's. */
    public boolean handle(long now, int from, DataMessage message) {
        if (message instanceof ProduceRequest p) {
            produce(now, from, p);
            return true;
        }
        if (message instanceof ReplicaFetchRequest f) {
            serveFetch(now, from, f);
            return true;
        }
        if (message instanceof ReplicaFetchResponse f) {
            fetcher.fetched(now, from, f, replicas::get);
            return true;
        }
        if (message instanceof ProduceResponse) {
            return false; // for the producers running beside this broker
        }
        throw new IllegalStateException("unknown data message " + message);
    }

    private void produce(long now, int from, ProduceRequest req) {
        PartitionReplica r = replicas.get(req.partition());
        Error error = r == null ? Error.UNKNOWN_TOPIC_OR_PARTITION : !r.leader ? Error.NOT_LEADER_OR_FOLLOWER : Error.NONE;
        if (error == Error.NONE && req.acks() == Acks.ALL && isr(r).size() < r.minInsyncReplicas) {
            error = Error.NOT_ENOUGH_REPLICAS;
        }
        if (error != Error.NONE) {
            trace(req.partition() + ": produce from n" + from + " refused: " + error);
            answer(from, req, error, -1, r == null ? "b" + id + " hosts no " + req.partition()
                    : error == Error.NOT_ENOUGH_REPLICAS ? "ISR " + isr(r) + " is smaller than min.insync.replicas "
                    + r.minInsyncReplicas : "b" + id + " does not lead " + req.partition() + " (leader "
                    + (r.leaderId < 0 ? "unknown" : "b" + r.leaderId) + ")");
            return;
        }
        if (req.producer().idempotent() && rules.leaderChecksSequences() && !acceptsSequence(now, from, r, req)) {
            return;
        }
        long base = r.log.endOffset();
        for (int i = 0; i < req.records().size(); i++) {
            FeedRecord rec = req.records().get(i);
            int sequence = req.producer().idempotent() ? req.producer().baseSequence() + i : -1;
            r.log.append(r.leaderEpoch, req.recordIds().get(i), rec.key(), rec.value(), req.producer(), sequence);
        }
        long end = r.log.endOffset();
        trace(r.tp + ": appended offsets " + base + ".." + (end - 1) + " in leader epoch " + r.leaderEpoch
                + " (produce from n" + from + ", acks=" + req.acks().label() + ")");
        if (req.acks() == Acks.LEADER || (req.acks() == Acks.ALL && !rules.acksAllWaitsForIsr())) {
            answer(from, req, Error.NONE, base, "");
        } else if (req.acks() == Acks.ALL) {
            purgatory.add(new PendingProduce(from, req, r, base, end, now + config.requestTimeoutMs()));
        }
        advanceHighWatermark(r);
        answerParkedFetches(now);
    }

    /**
     * The leader's producer-state check of an idempotent batch (Kafka's
     * UnifiedLog.analyzeAndValidateProducerState): false when the batch is answered without being
     * appended. A duplicate of a batch the log holds is answered as a success at that batch's offsets
     * (acks=all once the high watermark has passed it, as Kafka's delayed produce waits for the
     * duplicate's last offset); a sequence gap is OUT_OF_ORDER_SEQUENCE_NUMBER, an older producer
     * epoch INVALID_PRODUCER_EPOCH.
     */
    private boolean acceptsSequence(long now, int from, PartitionReplica r, ProduceRequest req) {
        ProducerStates.Verdict v = r.log.producers().check(req.producer());
        if (v instanceof ProducerStates.Verdict.Append) {
            return true;
        }
        if (v instanceof ProducerStates.Verdict.Duplicate d) {
            trace(r.tp + ": batch of " + req.producer() + " is already at offsets " + d.firstOffset() + ".." + d.lastOffset()
                    + ": duplicate not appended again (produce from n" + from + ")");
            if (req.acks() == Acks.ALL && rules.acksAllWaitsForIsr() && d.lastOffset() >= r.log.highWatermark()) {
                purgatory.add(new PendingProduce(from, req, r, d.firstOffset(), d.lastOffset() + 1,
                        now + config.requestTimeoutMs()));
            } else {
                answer(from, req, Error.NONE, d.firstOffset(), "");
            }
            return false;
        }
        Error error;
        String why;
        if (v instanceof ProducerStates.Verdict.OutOfOrder o) {
            error = Error.OUT_OF_ORDER_SEQUENCE_NUMBER;
            why = o.why();
        } else if (v instanceof ProducerStates.Verdict.StaleEpoch e) {
            error = Error.INVALID_PRODUCER_EPOCH;
            why = e.why();
        } else {
            throw new IllegalStateException("unknown producer-state verdict " + v);
        }
        trace(r.tp + ": produce from n" + from + " refused: " + error + " (" + why + ")");
        answer(from, req, error, -1, why);
        return false;
    }

    private void answer(int to, ProduceRequest req, Error error, long base, String message) {
        if (req.acks() != Acks.NONE) {
            out.send(to, new ProduceResponse(req.correlationId(), req.partition(), error, base, message));
        }
    }

    private void failProduces(PartitionReplica r, Error error, String why) {
        for (Iterator<PendingProduce> it = purgatory.iterator(); it.hasNext(); ) {
            PendingProduce p = it.next();
            if (p.replica == r) {
                it.remove();
                answer(p.from, p.request, error, -1, why);
            }
        }
    }

    private static List<Integer> isr(PartitionReplica r) {
        return r.isr;
    }

    /**
     * The leader's high watermark: the lowest log end over the ISR (and the asked-for ISR while a
     * change is in flight). It only moves forward; acks=all produces it passes are answered.
     */
    private void advanceHighWatermark(PartitionReplica r) {
        if (!r.leader) {
            return;
        }
        if (isr(r).size() < r.minInsyncReplicas) {
            // Kafka 3.7+: under min.insync.replicas the HW stays, so nothing is acknowledged on too few replicas
            return;
        }
        Set<Integer> members = new LinkedHashSet<>(isr(r));
        if (r.askedIsr != null) {
            members.addAll(r.askedIsr);
        }
        long low = r.log.endOffset();
        for (int m : members) {
            if (m != id) {
                PartitionReplica.FollowerState f = r.followers.get(m);
                low = Math.min(low, f == null ? 0 : f.logEndOffset);
            }
        }
        if (low <= r.log.highWatermark()) {
            return;
        }
        r.log.setHighWatermark(low);
        for (Iterator<PendingProduce> it = purgatory.iterator(); it.hasNext(); ) {
            PendingProduce p = it.next();
            if (p.replica == r && p.endOffset <= low) {
                it.remove();
                if (members.size() < r.minInsyncReplicas) {
                    // Kafka's checkEnoughReplicasReachOffset: past the HW, but the (maximal) ISR is under the minimum
                    trace(r.tp + ": offsets " + p.baseOffset + ".." + (p.endOffset - 1) + " passed the high watermark "
                            + low + " with ISR " + members + " under min.insync.replicas " + r.minInsyncReplicas
                            + ": NOT_ENOUGH_REPLICAS_AFTER_APPEND");
                    answer(p.from, p.request, Error.NOT_ENOUGH_REPLICAS_AFTER_APPEND, -1, "ISR " + members
                            + " is smaller than min.insync.replicas " + r.minInsyncReplicas);
                    continue;
                }
                trace(r.tp + ": offsets " + p.baseOffset + ".." + (p.endOffset - 1) + " are on every ISR replica "
                        + members + " (high watermark " + low + "): acks=all answered");
                answer(p.from, p.request, Error.NONE, p.baseOffset, "");
            }
        }
    }

    // ------------------------------------------------------------- leader: serving follower fetches

    private void serveFetch(long now, int from, ReplicaFetchRequest req) {
        parked.removeIf(p -> p.from == from); // a follower has one fetch out; a newer one replaces it
        for (PartitionFetch pf : req.partitions()) {
            PartitionReplica r = replicas.get(pf.partition());
            if (r == null || !r.leader || pf.leaderEpoch() != r.leaderEpoch || diverges(r, pf)) {
                continue;
            }
            PartitionReplica.FollowerState f = r.followers.get(from);
            if (f == null) {
                continue;
            }
            // Kafka's rule: caught up if at the leader's end now, or at the end the leader had at the previous fetch
            if (pf.fetchOffset() >= r.log.endOffset()) {
                f.lastCaughtUpAt = now;
            } else if (pf.fetchOffset() >= f.endAtLastFetch) {
                f.lastCaughtUpAt = Math.max(f.lastCaughtUpAt, f.lastFetchAt);
            }
            f.endAtLastFetch = r.log.endOffset();
            f.lastFetchAt = now;
            f.logEndOffset = pf.fetchOffset();
            f.brokerEpoch = req.replicaEpoch();
            advanceHighWatermark(r);
            if (!r.isr.contains(from) && r.askedIsr != null) {
                continue;
            }
            if (!r.isr.contains(from)) {
                maintainIsr(now, r); // Kafka's maybeExpandIsr runs on every follower fetch, not on a timer
            }
        }
        ParkedFetch p = new ParkedFetch(from, req, now + config.fetchMaxWaitMs());
        if (!respondIfWorthIt(p, false)) {
            parked.add(p);
        }
    }

    private static boolean diverges(PartitionReplica r, PartitionFetch pf) {
        if (pf.fetchOffset() == 0) {
            return false;
        }
        long[] end = r.log.endOffsetForEpoch(pf.lastFetchedEpoch());
        return end[0] != pf.lastFetchedEpoch() || end[1] < pf.fetchOffset();
    }

    /** Sends the fetch's answer if it carries records, news or an error (or {@code force}); true if sent. */
    private boolean respondIfWorthIt(ParkedFetch p, boolean force) {
        List<PartitionData> data = new ArrayList<>();
        boolean worth = force;
        for (PartitionFetch pf : p.request.partitions()) {
            PartitionReplica r = replicas.get(pf.partition());
            PartitionData d;
            if (r == null) {
                d = PartitionData.failed(pf.partition(), Error.UNKNOWN_TOPIC_OR_PARTITION);
            } else if (!r.leader) {
                d = PartitionData.failed(pf.partition(), Error.NOT_LEADER_OR_FOLLOWER);
            } else if (pf.leaderEpoch() != r.leaderEpoch) {
                d = PartitionData.failed(pf.partition(), pf.leaderEpoch() > r.leaderEpoch ? Error.UNKNOWN_LEADER_EPOCH
                        : Error.FENCED_LEADER_EPOCH);
            } else if (diverges(r, pf)) {
                long[] end = r.log.endOffsetForEpoch(pf.lastFetchedEpoch());
                d = new PartitionData(pf.partition(), Error.NONE, r.log.highWatermark(), List.of(), (int) Math.max(end[0], 0),
                        end[1]);
            } else {
                PartitionReplica.FollowerState f = r.followers.get(p.from);
                List<DataRecord> records = r.log.read(pf.fetchOffset(), config.maxBatchRecords());
                d = new PartitionData(pf.partition(), Error.NONE, r.log.highWatermark(), records, -1, -1);
                if (records.isEmpty() && (f == null || f.highWatermarkSent >= r.log.highWatermark())) {
                    data.add(d);
                    continue; // nothing new for this partition
                }
                if (f != null) {
                    f.highWatermarkSent = r.log.highWatermark();
                }
            }
            worth = true;
            data.add(d);
        }
        if (worth) {
            out.send(p.from, new ReplicaFetchResponse(p.request.fetchId(), data));
        }
        return worth;
    }

    private void answerParkedFetches(long now) {
        parked.removeIf(p -> respondIfWorthIt(p, p.deadline <= now));
    }

    // ------------------------------------------------------------- timers

    /** When this core wants {@link #wake} next (Long.MAX_VALUE: never). */
    public long nextWakeAt() {
        long next = Long.MAX_VALUE;
        for (PartitionReplica r : replicas.values()) {
            if (r.leader) {
                next = nextIsrCheckAt; // only leaders watch their followers' lag
                break;
            }
        }
        next = Math.min(next, fetcher.nextWakeAt());
        for (ParkedFetch p : parked) {
            next = Math.min(next, p.deadline);
        }
        for (PendingProduce p : purgatory) {
            next = Math.min(next, p.deadline);
        }
        return next;
    }

    public void wake(long now) {
        fetcher.expire(now);
        answerParkedFetches(now);
        for (Iterator<PendingProduce> it = purgatory.iterator(); it.hasNext(); ) {
            PendingProduce p = it.next();
            if (p.deadline <= now) {
                it.remove();
                trace(p.replica.tp + ": offsets " + p.baseOffset + ".." + (p.endOffset - 1) + " not on the whole ISR "
                        + isr(p.replica) + " within request.timeout.ms: REQUEST_TIMED_OUT");
                answer(p.from, p.request, Error.REQUEST_TIMED_OUT, -1, "the ISR did not replicate the records in time");
            }
        }
        if (now >= nextIsrCheckAt) {
            nextIsrCheckAt = now + config.replicaLagMaxMs() / 2; // Kafka's isr-expiration period
            for (PartitionReplica r : replicas.values()) {
                if (r.leader) {
                    maintainIsr(now, r);
                }
            }
        }
    }

    /**
     * Asks the controller to drop laggards from the ISR and take back caught-up replicas. One
     * change is asked at a time; it counts (for the high watermark) until the controller's answer
     * or the image brings a newer partition epoch, or the controller refuses it for good.
     * Unanswered, it is asked again: it may have been committed, and only the image can tell.
     */
    private void maintainIsr(long now, PartitionReplica r) {
        if (r.askedIsr != null) {
            if (now >= r.askDeadline) {
                ask(now, r, r.askedIsr);
            }
            return;
        }
        List<Integer> wanted = new ArrayList<>();
        for (int replica : r.state.replicas()) {
            PartitionReplica.FollowerState f = r.followers.get(replica);
            if (replica == id) {
                wanted.add(replica);
                continue;
            }
            if (f == null) {
                continue;
            }
            // in sync: caught up with the leader within replica.lag.time.max.ms; one that is out also
            // needs the high watermark and the leader's epoch start, and the controller's leave
            // (Kafka's isCaughtUp: a follower at the leader's log end is caught up however long ago it fetched)
            boolean recent = now - f.lastCaughtUpAt <= config.replicaLagMaxMs();
            boolean caughtUp = recent || f.logEndOffset == r.log.endOffset();
            if (r.isr.contains(replica) ? caughtUp : recent && usable(replica)
                    && f.logEndOffset >= Math.max(r.log.highWatermark(), r.epochStartOffset)) {
                wanted.add(replica);
            }
        }
        if (!new java.util.HashSet<>(wanted).equals(new java.util.HashSet<>(r.isr))) { // order carries no meaning
            trace(r.tp + ": asks the controller to change the ISR " + r.isr + " → " + wanted);
            ask(now, r, wanted);
        }
    }

    private void ask(long now, PartitionReplica r, List<Integer> isr) {
        r.askedIsr = isr;
        r.askedAtPartitionEpoch = r.partitionEpoch;
        r.askDeadline = now + config.requestTimeoutMs();
        int askedAt = r.partitionEpoch;
        // KIP-903: each member's broker epoch as this leader saw it (Partition.scala's isrWithBrokerEpoch):
        // its own for itself, a follower's from its last fetch, -1 when unknown
        List<Long> epochs = new ArrayList<>(isr.size());
        for (int member : isr) {
            PartitionReplica.FollowerState f = r.followers.get(member);
            epochs.add(member == id ? out.brokerEpoch() : f == null ? -1L : f.brokerEpoch);
        }
        boolean sent = out.alterIsr(new AlterIsrRequest(r.tp, r.leaderEpoch, askedAt, isr, epochs),
                (answeredAt, answer) -> answered(answeredAt, r, askedAt, answer));
        if (!sent) {
            r.askedIsr = null; // not registered (yet): nothing went out
        }
    }

    /** The controller's answer to the ISR change {@code r} asked for in partition epoch {@code askedAt}. */
    private void answered(long now, PartitionReplica r, int askedAt, AlterIsrAnswer answer) {
        if (answer instanceof AlterIsrAnswer.Committed changed) {
            if (r.leader && changed.leaderEpoch() == r.leaderEpoch) {
                // committed: act on it now, before this broker's image catches up
                r.adoptIsr(changed.isr(), changed.partitionEpoch());
                trace(r.tp + ": the controller committed ISR " + changed.isr() + " (partition epoch "
                        + changed.partitionEpoch() + ")");
                advanceHighWatermark(r);
                answerParkedFetches(now);
            }
        } else if (answer instanceof AlterIsrAnswer.Refused) {
            if (r.askedIsr != null && r.askedAtPartitionEpoch == askedAt) {
                r.askedIsr = null;
            }
        } else if (!(answer instanceof AlterIsrAnswer.Unsettled)) {
            throw new IllegalStateException("unknown ISR answer " + answer);
        }
        // Unsettled: the ask stays until the image or a later answer settles it
    }

    /** The controller only lets registered, unfenced brokers that are not shutting down join an ISR. */
    private boolean usable(int broker) {
        return seen.isrEligible(broker);
    }

    private void trace(String what) {
        out.trace(what);
    }

    // ------------------------------------------------------------- state

    private record ParkedFetch(int from, ReplicaFetchRequest request, long deadline) {
    }

    private record PendingProduce(int from, ProduceRequest request, PartitionReplica replica, long baseOffset, long endOffset,
                                  long deadline) {
    }
}
