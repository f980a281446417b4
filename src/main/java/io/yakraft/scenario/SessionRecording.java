package io.yakraft.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.ClusterConfig;

import java.util.ArrayList;
import java.util.List;

/** The actions of a live session with their simulated times, written out as a scenario that replays them. */
public final class SessionRecording {
    private record Entry(long atMs, ObjectNode action) {
    }

    private final ClusterConfig cluster;
    private final List<Entry> entries = new ArrayList<>();

    public SessionRecording(ClusterConfig cluster) {
        this.cluster = cluster;
    }

    public void add(long atMs, ObjectNode action) {
        entries.add(new Entry(atMs, action.deepCopy()));
    }

    public int size() {
        return entries.size();
    }

    /** The scenario file's text; {@code untilMs} adds a last step so the replay runs as long as the session did. */
    public String toScenarioJson(String name, long untilMs) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("name", name);
        root.put("description", "Recorded in YAKRaft Studio: every action with its simulated time.");
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
        ArrayNode steps = root.putArray("steps");
        for (Entry e : entries) {
            ObjectNode step = steps.addObject();
            step.put("at", e.atMs());
            step.setAll(e.action());
        }
        ObjectNode end = steps.addObject();
        end.put("at", Math.max(untilMs, entries.isEmpty() ? 0 : entries.get(entries.size() - 1).atMs()));
        end.put("action", "expect");
        end.put("check", "invariantsHold");
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
