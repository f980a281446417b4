package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.data.Acks;
import io.yakraft.data.Feed;
import io.yakraft.data.FeedRecord;
import io.yakraft.data.FeedRequest;
import io.yakraft.data.FeedStatus;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data traffic for a headless run: creates the topic "feed" (asking again until the controller
 * takes it) and then feeds generated records into it, so the data plane's invariants are
 * exercised under whatever faults the run brings.
 */
public final class FeedWorkload {
    /**
     * The parsed {@code --feed} option; {@code idempotent} is the producer's enable.idempotence;
     * {@code topicMinIsr} (0: not set) and {@code unclean} are the feed topic's configs
     * min.insync.replicas and unclean.leader.election.enable.
     */
    public record Spec(int records, double rate, int partitions, int rf, Acks acks, boolean idempotent, int topicMinIsr,
                       boolean unclean) {
        public Spec {
            if (records < 1 || rate < 0 || partitions < 1 || rf < 1 || topicMinIsr < 0) {
                throw new IllegalArgumentException("records, partitions and rf must be at least 1, minIsr 0 (not set) or more"
                        + " and the rate 0 or more");
            }
            if (idempotent && acks != Acks.ALL) {
                throw new IllegalArgumentException("idempotence=true needs acks=all, got acks=" + acks.label());
            }
        }

        /** With Kafka's default for enable.idempotence (on with acks=all) and no topic configs. */
        public Spec(int records, double rate, int partitions, int rf, Acks acks) {
            this(records, rate, partitions, rf, acks, FeedRequest.idempotentByDefault(acks));
        }

        /** No topic configs. */
        public Spec(int records, double rate, int partitions, int rf, Acks acks, boolean idempotent) {
            this(records, rate, partitions, rf, acks, idempotent, 0, false);
        }

        /** The same feed into a topic created with these configs. */
        public Spec withTopicConfigs(int minIsr, boolean uncleanElection) {
            return new Spec(records, rate, partitions, rf, acks, idempotent, minIsr, uncleanElection);
        }

        /** The feed topic's configs as CreateTopic takes them. */
        public Map<String, String> topicConfigs() {
            Map<String, String> m = new java.util.TreeMap<>();
            if (topicMinIsr > 0) {
                m.put(io.yakraft.metadata.TopicConfigs.MIN_INSYNC_REPLICAS, String.valueOf(topicMinIsr));
            }
            if (unclean) {
                m.put(io.yakraft.metadata.TopicConfigs.UNCLEAN_LEADER_ELECTION, "true");
            }
            return m;
        }

        /**
         * "records=2000,rate=100,partitions=3,rf=3,acks=all,idempotence=false,minIsr=2,unclean=true"; unnamed
         * keys keep these defaults (idempotence: Kafka's, on with acks=all; minIsr and unclean: topic configs, not set).
         */
        public static Spec parse(String text) {
            Map<String, String> v = new LinkedHashMap<>(Map.of("records", "1000", "rate", "100", "partitions", "3", "rf", "3",
                    "acks", "all", "idempotence", "default", "minIsr", "0", "unclean", "false"));
            for (String part : text.split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length != 2 || !v.containsKey(kv[0].trim())) {
                    throw new IllegalArgumentException("'" + part.trim() + "' is not one of records=N, rate=N, partitions=N, rf=N,"
                            + " acks=0|1|all, idempotence=true|false, minIsr=N, unclean=true|false");
                }
                v.put(kv[0].trim(), kv[1].trim());
            }
            Acks acks = Acks.parse(v.get("acks"));
            String idem = v.get("idempotence");
            if (!idem.equals("default") && !idem.equals("true") && !idem.equals("false")) {
                throw new IllegalArgumentException("idempotence must be true or false, got '" + idem + "'");
            }
            if (!v.get("unclean").equals("true") && !v.get("unclean").equals("false")) {
                throw new IllegalArgumentException("unclean must be true or false, got '" + v.get("unclean") + "'");
            }
            try {
                return new Spec(Integer.parseInt(v.get("records")), Double.parseDouble(v.get("rate")),
                        Integer.parseInt(v.get("partitions")), Integer.parseInt(v.get("rf")), acks,
                        idem.equals("default") ? FeedRequest.idempotentByDefault(acks) : Boolean.parseBoolean(idem),
                        Integer.parseInt(v.get("minIsr")), Boolean.parseBoolean(v.get("unclean")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("records, partitions and rf must be whole numbers and rate a number: " + text);
            }
        }
    }

    public static final String TOPIC = "feed";
    private static final long RETRY_MS = 250;

    private final Spec spec;
    private Feed feed;
    private boolean asking;

    private FeedWorkload(Spec spec) {
        this.spec = spec;
    }

    public static FeedWorkload schedule(Cluster cluster, Spec spec, long from, long until) {
        FeedWorkload w = new FeedWorkload(spec);
        w.tick(cluster, from, until);
        return w;
    }

    /** The feed's tally, or null when the topic was never created. */
    public FeedStatus outcome() {
        return feed == null ? null : feed.status();
    }

    private void tick(Cluster cluster, long at, long until) {
        if (at >= until) {
            return;
        }
        cluster.at(at, "feed workload", c -> {
            if (feed != null) {
                return;
            }
            if (!asking) {
                asking = true;
                c.submit(new ControllerCommand.CreateTopic(TOPIC, spec.partitions(), spec.rf(), null, spec.topicConfigs()), reply -> {
                    asking = false;
                    if (feed == null && (reply.ok() || reply.error() == ControllerError.TOPIC_ALREADY_EXISTS)) {
                        // start from an input, not from inside the controller's answer
                        c.at(c.now(), "feed " + spec.records() + " records into '" + TOPIC + "'", cl -> start(cl));
                    }
                });
            }
            tick(c, at + RETRY_MS, until);
        });
    }

    private void start(Cluster c) {
        if (feed != null) {
            return;
        }
        List<FeedRecord> records = new ArrayList<>(spec.records());
        for (int i = 0; i < spec.records(); i++) {
            records.add(new FeedRecord("key-" + (i % 64), "{\"seq\":" + i + "}"));
        }
        feed = c.feed(new FeedRequest(TOPIC, records, spec.acks(), spec.rate(), -1, spec.idempotent()));
    }
}
