package io.yakraft.scenario;

import io.yakraft.cluster.NodeRef;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a scenario writes a node: "n3" or "3" or "b101" by id, or by role: "leader", "a follower",
 * "a broker", "leader of payments-0". Parsed into a {@link NodeRef}, which the cluster resolves
 * when the step runs.
 */
public final class NodeNames {
    /** "leader of TOPIC-PARTITION": the last dash splits, as topic names may hold dashes too. */
    private static final Pattern PARTITION_LEADER = Pattern.compile("leader of ([a-zA-Z0-9._-]+)-(\\d{1,6})");

    private NodeNames() {
    }

    /** Syntax check: null when the reference is well formed, else what is wrong. */
    static String problem(String ref) {
        if (ref == null) {
            return "a node is required (e.g. \"n2\", \"b101\", \"leader\", \"a follower\", \"a broker\")";
        }
        if (ref.equals("leader") || ref.equals("a follower") || ref.equals("a broker") || PARTITION_LEADER.matcher(ref).matches()) {
            return null;
        }
        String digits = ref.startsWith("n") || ref.startsWith("b") ? ref.substring(1) : ref;
        return digits.matches("\\d{1,6}") ? null
                : "'" + ref + "' is not a node (expected n2, b101, 3, leader, a follower, a broker or leader of payments-0)";
    }

    /** The reference a well-formed name (see {@link #problem}) stands for. */
    public static NodeRef parse(String ref) {
        switch (ref) {
            case "leader":
                return new NodeRef.Leader();
            case "a follower":
                return new NodeRef.AFollower();
            case "a broker":
                return new NodeRef.ABroker();
            default: {
                Matcher m = PARTITION_LEADER.matcher(ref);
                if (m.matches()) {
                    return new NodeRef.LeaderOf(m.group(1), Integer.parseInt(m.group(2)));
                }
                boolean prefixed = ref.startsWith("n") || ref.startsWith("b");
                return new NodeRef.Id(Integer.parseInt(prefixed ? ref.substring(1) : ref), prefixed ? ref.substring(0, 1) : "");
            }
        }
    }
}
