package io.yakraft.metadata;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The topic configs a topic may be created with here, as Kafka's TopicConfig names and validates
 * them (LogConfig's ConfigDef): {@code min.insync.replicas}, an int of at least 1, and
 * {@code unclean.leader.election.enable}, a boolean. They travel as ConfigRecords of resource type
 * TOPIC (2) right after the TopicRecord, as ReplicationControlManager.createTopic writes them.
 */
public final class TopicConfigs {
    /** Kafka's ConfigResource.Type.TOPIC. */
    public static final byte TOPIC_RESOURCE = 2;
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    public static final String UNCLEAN_LEADER_ELECTION = "unclean.leader.election.enable";
    public static final java.util.List<String> NAMES = java.util.List.of(MIN_INSYNC_REPLICAS, UNCLEAN_LEADER_ELECTION);

    private TopicConfigs() {
    }

    /** Why the configs cannot be set (Kafka's INVALID_CONFIG message), or null; values are normalised by {@link #normalise}. */
    public static String problem(Map<String, String> configs) {
        for (Map.Entry<String, String> e : configs.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue().trim();
            switch (e.getKey()) {
                case MIN_INSYNC_REPLICAS -> {
                    try {
                        if (Integer.parseInt(v) < 1) {
                            return "Invalid value " + v + " for configuration " + MIN_INSYNC_REPLICAS + ": Value must be at least 1";
                        }
                    } catch (NumberFormatException x) {
                        return "Invalid value " + v + " for configuration " + MIN_INSYNC_REPLICAS + ": Not a number of type INT";
                    }
                }
                case UNCLEAN_LEADER_ELECTION -> {
                    String b = v.toLowerCase(Locale.ROOT);
                    if (!b.equals("true") && !b.equals("false")) {
                        return "Invalid value " + v + " for configuration " + UNCLEAN_LEADER_ELECTION
                                + ": Expected value to be either true or false";
                    }
                }
                default -> {
                    return "Unknown topic config name: " + e.getKey() + " (supported here: " + String.join(", ", NAMES) + ")";
                }
            }
        }
        return null;
    }

    /** The configs sorted by name with trimmed, lower-case booleans, as they are written to the log. */
    public static SortedMap<String, String> normalise(Map<String, String> configs) {
        SortedMap<String, String> out = new TreeMap<>();
        configs.forEach((k, v) -> out.put(k, k.equals(UNCLEAN_LEADER_ELECTION) ? v.trim().toLowerCase(Locale.ROOT) : v.trim()));
        return out;
    }

    /** The topic's min.insync.replicas, or {@code fallback} (the broker's) when the topic does not set it. */
    public static int minInsyncReplicas(MetadataImage image, String topic, int fallback) {
        String v = image.topicConfig(topic, MIN_INSYNC_REPLICAS);
        return v == null ? fallback : Integer.parseInt(v);
    }

    /** Whether the topic allows unclean leader election (Kafka's default false). */
    public static boolean uncleanLeaderElection(MetadataImage image, String topic) {
        return "true".equals(image.topicConfig(topic, UNCLEAN_LEADER_ELECTION));
    }
}
