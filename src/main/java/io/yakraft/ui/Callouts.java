package io.yakraft.ui;

import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.NodeView;
import io.yakraft.cluster.RoleChange;
import io.yakraft.cluster.VoteDecision;
import io.yakraft.raft.Role;
import io.yakraft.raft.VoteReason;
import io.yakraft.sim.TraceEvent;
import io.yakraft.sim.TraceKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The short notes the cluster view writes beside a node when something happens there that a
 * person should see the reason of: a refused vote, a truncated log, a fenced broker, a resigned
 * leader. Each fades out over {@link #DURATION_MS} of simulated time, so what is on screen is a
 * function of the simulated clock (a test can step to the instant and look). No JavaFX here.
 */
public final class Callouts {
    /** How long a callout stays, in simulated milliseconds: fully there for the first half, then fading. */
    public static final long DURATION_MS = 2_000;
    static final int MAX_KEPT = 40;
    /** At most this many callouts beside one node, the newest first. */
    static final int MAX_PER_NODE = 2;

    /** What a callout is about. */
    public enum Kind {
        VOTE_REFUSED, TRUNCATED, FENCED, RESIGNED
    }

    /** One note at {@code node} from simulated time {@code at}. */
    public record Callout(int node, long at, Kind kind, String text) {
        /** 1 while fresh, fading linearly to 0 over the second half of {@link #DURATION_MS}; 0 before it began. */
        public double alpha(long now) {
            long age = now - at;
            if (age < 0 || age >= DURATION_MS) {
                return 0;
            }
            return Math.min(1, 2.0 * (DURATION_MS - age) / DURATION_MS);
        }
    }

    private final ArrayDeque<Callout> kept = new ArrayDeque<>();
    private final Map<Integer, String> lastMetadataRole = new HashMap<>();

    /** Takes one new trace record; those that carry a reason worth showing become callouts. */
    public void accept(TraceEvent e) {
        Callout c = of(e);
        if (c != null) {
            add(c);
        }
    }

    /** A callout for a trace record, or null when it has none to show. */
    static Callout of(TraceEvent e) {
        VoteDecision vote = VoteDecision.of(e);
        if (vote != null) {
            if (vote.granted()) {
                return null;
            }
            return new Callout(e.node(), e.time(), Kind.VOTE_REFUSED, "✗ " + (vote.preVote() ? "pre-vote" : "vote")
                    + " for n" + vote.candidateId() + ": " + words(vote.reason()));
        }
        if (e.kind() == TraceKind.TRUNCATE) {
            return new Callout(e.node(), e.time(), Kind.TRUNCATED, "truncated: " + e.reason());
        }
        RoleChange role = RoleChange.of(e);
        if (role != null && role.to() == Role.RESIGNED) {
            return new Callout(e.node(), e.time(), Kind.RESIGNED, "resigned epoch " + role.epoch() + " — " + e.reason());
        }
        return null;
    }

    /**
     * Looks at the node states of a new snapshot: a broker the controller moved from unfenced to
     * fenced (its session expired) gets a callout. The trace has no typed record of that, the
     * committed image does.
     */
    public void observe(ClusterSnapshot s) {
        for (NodeView n : s.nodes()) {
            String before = lastMetadataRole.put(n.id(), n.metadataRole());
            if ("unfenced".equals(before) && "fenced".equals(n.metadataRole())) {
                add(new Callout(n.id(), s.now(), Kind.FENCED, "fenced: no heartbeat within the broker session timeout"));
            }
        }
    }

    private void add(Callout c) {
        kept.addLast(c);
        while (kept.size() > MAX_KEPT) {
            kept.removeFirst();
        }
    }

    /**
     * The callouts to draw at simulated time {@code now}: those still visible, at most
     * {@link #MAX_PER_NODE} per node, newest first. Callouts from a future (after a rewind) go.
     */
    public List<Callout> visible(long now) {
        kept.removeIf(c -> c.at() > now || c.alpha(now) <= 0);
        List<Callout> out = new ArrayList<>();
        Map<Integer, Integer> perNode = new HashMap<>();
        var it = kept.descendingIterator();
        while (it.hasNext()) {
            Callout c = it.next();
            if (perNode.merge(c.node(), 1, Integer::sum) <= MAX_PER_NODE) {
                out.add(c);
            }
        }
        return out;
    }

    public void clear() {
        kept.clear();
        lastMetadataRole.clear();
    }

    /** A refusal's reason in a few words (the raft core's code, not the trace's sentence). */
    static String words(VoteReason reason) {
        return switch (reason) {
            case GRANTED, GRANTED_AGAIN -> "granted";
            case NOT_A_VOTER -> "I am not a voter";
            case INVALID_VOTER_KEY -> "my disk is not the one it asks";
            case STALE_EPOCH -> "its epoch is stale";
            case IS_LEADER -> "I am the leader";
            case RECENT_LEADER_CONTACT -> "I have fetched from the leader this epoch";
            case ALREADY_VOTED_FOR_ANOTHER -> "already voted for another";
            case KNOWN_LEADER -> "I know the leader of this epoch";
            case CANDIDATE_LOG_BEHIND -> "its log is behind mine";
        };
    }
}
