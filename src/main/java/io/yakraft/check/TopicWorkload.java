package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerError;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.sim.NodeStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A metadata workload, as an administrator and producers would drive it: create {@code topics}
 * topics of {@code partitions} partitions at replication factor {@code rf}, one attempt every
 * {@code everyMs}, and have brokers ask for {@code producers} producer-id blocks. A command that
 * meets no active controller, or too few unfenced brokers, is retried on the next tick; a
 * TOPIC_ALREADY_EXISTS after such a retry means the first attempt did commit.
 */
public final class TopicWorkload {
    /** The parsed {@code --workload} option. */
    public record Spec(int topics, int partitions, int rf, int producers, long everyMs) {
        public Spec {
            if (topics < 0 || partitions < 1 || rf < 1 || producers < 0 || everyMs < 1) {
                throw new IllegalArgumentException("topics and producers must be 0 or more, partitions, rf and every at least 1");
            }
        }

        /** "topics=20,partitions=6,rf=3[,producers=5][,every=250]"; unnamed keys keep these defaults. */
        public static Spec parse(String text) {
            Map<String, Long> v = new LinkedHashMap<>(Map.of("topics", 10L, "partitions", 3L, "rf", 1L, "producers", 0L,
                    "every", 250L));
            for (String part : text.split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length != 2 || !v.containsKey(kv[0].trim())) {
                    throw new IllegalArgumentException("'" + part.trim() + "' is not one of topics=N, partitions=N, rf=N,"
                            + " producers=N, every=MS");
                }
                try {
                    v.put(kv[0].trim(), Long.parseLong(kv[1].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + kv[1].trim() + "' in '" + part.trim() + "' is not a whole number");
                }
            }
            return new Spec(v.get("topics").intValue(), v.get("partitions").intValue(), v.get("rf").intValue(),
                    v.get("producers").intValue(), v.get("every"));
        }
    }

    /** What the workload achieved; errors are counted by code. */
    public record Outcome(int topicsCreated, int producerBlocksRequested, Map<String, Integer> errors) {
    }

    private final Spec spec;
    private int nextTopic;
    private int created;
    private int producerRequests;
    private boolean waiting;
    private final Map<String, Integer> errors = new TreeMap<>();

    private TopicWorkload(Spec spec) {
        this.spec = spec;
    }

    /** Runs the workload from {@code from} until every topic exists or {@code until} passes. */
    public static TopicWorkload schedule(Cluster cluster, Spec spec, long from, long until) {
        TopicWorkload w = new TopicWorkload(spec);
        w.tick(cluster, from, until);
        return w;
    }

    /** True while a command has been submitted and its answer has not come (every command must be answered). */
    public boolean awaitingAnswer() {
        return waiting;
    }

    public Outcome outcome() {
        return new Outcome(created, producerRequests, Map.copyOf(errors));
    }

    private void tick(Cluster cluster, long at, long until) {
        if (at >= until || (nextTopic >= spec.topics() && producerRequests >= spec.producers())) {
            return;
        }
        cluster.at(at, "workload", c -> {
            if (nextTopic < spec.topics() && !waiting) {
                createNext(c);
            } else if (nextTopic >= spec.topics() && producerRequests < spec.producers()) {
                int[] brokers = c.observerIds();
                int broker = brokers[producerRequests % brokers.length];
                if (c.status(broker) == NodeStatus.UP && c.requestProducerIds(broker)) {
                    producerRequests++;
                }
            }
            tick(c, at + spec.everyMs(), until);
        });
    }

    private void createNext(Cluster c) {
        String name = "topic-" + nextTopic;
        waiting = true;
        c.submit(new ControllerCommand.CreateTopic(name, spec.partitions(), spec.rf()), reply -> {
            waiting = false;
            if (reply.ok() || reply.error() == ControllerError.TOPIC_ALREADY_EXISTS) {
                created++;
                nextTopic++;
            } else {
                errors.merge(reply.error().name(), 1, Integer::sum);
                if (!retryable(reply)) {
                    nextTopic++; // a command the controller refuses for good: move on
                }
            }
        });
    }

    private static boolean retryable(ControllerReply reply) {
        return reply.error() == ControllerError.NOT_CONTROLLER || reply.error() == ControllerError.INVALID_REPLICATION_FACTOR;
    }
}
