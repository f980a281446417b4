package io.yakraft.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.Action;
import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterConfig;

import java.util.ArrayList;
import java.util.List;

/** The actions of a live session with their simulated times, written out as a scenario that replays them. */
public final class SessionRecording {
    private record Entry(long atMs, Action action) {
    }

    private final ClusterConfig cluster;
    private final List<Entry> entries = new ArrayList<>();

    public SessionRecording(ClusterConfig cluster) {
        this.cluster = cluster;
    }

    public ClusterConfig cluster() {
        return cluster;
    }

    /** Records an action performed live at {@code atMs}; a feed keeps its records, so a replay reads no file. */
    public void add(long atMs, Action action) {
        entries.add(new Entry(atMs, action));
    }

    public int size() {
        return entries.size();
    }

    /** Simulated time of the last recorded action, -1 when none. */
    public long lastAtMs() {
        return entries.isEmpty() ? -1 : entries.get(entries.size() - 1).atMs();
    }

    /** Acting in the past forks a new future: the actions recorded after {@code atMs} are forgotten. */
    public void forkAt(long atMs) {
        entries.removeIf(e -> e.atMs() > atMs);
    }

    /**
     * Replays the recorded actions that fall in ({@code fromMs}, {@code untilMs}] on the cluster,
     * exactly as they happened live (run to the action's time, then the action as an input),
     * and runs on to {@code untilMs}, stopping early once {@code maxEvents} events have been
     * processed (for stepping back one event).
     */
    public void replay(Cluster c, long fromMs, long untilMs, long maxEvents) {
        int next = 0;
        while (next < entries.size() && entries.get(next).atMs() <= fromMs) {
            next++;
        }
        replayFrom(c, next, untilMs, maxEvents);
    }

    /**
     * Like {@link #replay}, but from the action at index {@code next} on, whatever its time: a
     * session counts the actions it has applied, so one undone by a step back (same millisecond,
     * fewer events) is replayed when time moves again. Returns how many actions are applied after it.
     */
    public int replayFrom(Cluster c, int next, long untilMs, long maxEvents) {
        for (; next < entries.size(); next++) {
            Entry e = entries.get(next);
            if (e.atMs() > untilMs || !runBounded(c, e.atMs(), maxEvents)) {
                break;
            }
            LiveAction.asInput(e.action(), c, outcome -> { }, reply -> { }); // now == e.atMs()
            if (!runBounded(c, e.atMs(), maxEvents)) {
                return next + 1;
            }
        }
        runBounded(c, untilMs, maxEvents);
        return next;
    }

    /** Simulated time of the action at {@code index}. */
    public long atMs(int index) {
        return entries.get(index).atMs();
    }

    /** Keeps only the first {@code count} actions (a fork: the recorded future after them is dropped). */
    public void truncate(int count) {
        entries.subList(Math.min(count, entries.size()), entries.size()).clear();
    }

    /** An independent copy (to restore a dropped future). */
    public SessionRecording copy() {
        SessionRecording r = new SessionRecording(cluster);
        r.entries.addAll(entries);
        return r;
    }

    /** Runs to {@code untilMs}; false when it stopped at the event limit first. */
    private static boolean runBounded(Cluster c, long untilMs, long maxEvents) {
        if (maxEvents == Long.MAX_VALUE) {
            c.runUntil(untilMs);
            return true;
        }
        while (c.eventCount() < maxEvents) {
            if (!c.stepUntil(untilMs)) {
                break;
            }
        }
        if (c.eventCount() >= maxEvents && c.nextEventTime() <= untilMs) {
            return false;
        }
        c.runUntil(untilMs);
        return true;
    }

    /** The scenario file's text; {@code untilMs} adds a last step so the replay runs as long as the session did. */
    public String toScenarioJson(String name, long untilMs) {
        return toScenarioJson(name, untilMs, entries.size());
    }

    /** The scenario file's text with only the first {@code count} actions (what is on the timeline now). */
    public String toScenarioJson(String name, long untilMs, int count) {
        List<Entry> kept = entries.subList(0, Math.min(count, entries.size()));
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("name", name);
        root.put("description", "Recorded in YAKRaft Studio: every action with its simulated time.");
        if (!cluster.variant().equals(io.yakraft.cluster.ProtocolVariants.DEFAULT)) {
            root.put("variant", cluster.variant()); // a session on a broken variant replays on it
        }
        ObjectNode c = root.putObject("cluster");
        c.put("controllers", cluster.controllers());
        c.put("brokers", cluster.observers());
        c.put("seed", cluster.seed());
        ObjectNode n = c.putObject("network");
        n.put("minLatencyMs", cluster.network().minLatencyMs());
        n.put("maxLatencyMs", cluster.network().maxLatencyMs());
        n.put("loss", cluster.network().lossProbability());
        n.put("duplication", cluster.network().duplicateProbability());
        c.put("snapshotEvery", cluster.metadata().snapshotEveryRecords());
        io.yakraft.cluster.MetadataConfig defaults = io.yakraft.cluster.MetadataConfig.kafkaDefaults()
                .withSnapshotEvery(cluster.metadata().snapshotEveryRecords());
        if (cluster.metadata().retentionRecords() != defaults.retentionRecords()
                || cluster.metadata().retentionMs() != defaults.retentionMs()) {
            c.put("retentionRecords", cluster.metadata().retentionRecords());
            c.put("retentionMs", cluster.metadata().retentionMs());
        }
        if (cluster.metadata().snapshotIntervalMs() != defaults.snapshotIntervalMs()) {
            c.put("snapshotIntervalMs", cluster.metadata().snapshotIntervalMs());
        }
        ArrayNode steps = root.putArray("steps");
        for (Entry e : kept) {
            ObjectNode step = steps.addObject();
            step.put("at", e.atMs() + "ms"); // a duration carries its unit (Durations)
            step.setAll(ActionJson.toJson(e.action()));
        }
        ObjectNode end = steps.addObject();
        end.put("at", Math.max(untilMs, kept.isEmpty() ? 0 : kept.get(kept.size() - 1).atMs()) + "ms");
        end.put("action", "expect");
        end.put("check", "invariantsHold");
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
