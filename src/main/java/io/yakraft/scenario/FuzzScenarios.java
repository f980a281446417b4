package io.yakraft.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.yakraft.check.FeedWorkload;
import io.yakraft.check.FuzzCampaign;
import io.yakraft.check.FuzzPlan;
import io.yakraft.check.TopicWorkload;
import io.yakraft.check.Violation;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.ProtocolVariants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a fuzz failure as a scenario file that replays it: the seed's cluster, its (shrunk) plan
 * in a {@code "fuzz"} section, and one step that expects the invariants to hold at the end, which
 * fails with the same violation, so {@code run} reproduces it and the window opens it.
 */
public final class FuzzScenarios {
    private FuzzScenarios() {
    }

    public static String json(FuzzCampaign.Failure f) {
        ClusterConfig c = f.shrunk().cluster();
        FuzzPlan p = f.shrunk().plan();
        Violation v = f.violation();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "fuzz seed " + f.seed() + ": " + v.rule());
        root.put("description", v.toString() + (f.original().rule().equals(v.rule()) && f.original().time() != v.time()
                ? " (shrunk from t=" + f.original().time() + " ms)" : ""));
        if (!c.variant().equals(ProtocolVariants.DEFAULT)) {
            root.put("variant", c.variant());
        }
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("controllers", c.controllers());
        cluster.put("brokers", c.observers());
        cluster.put("seed", c.seed());
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("minLatencyMs", c.network().minLatencyMs());
        network.put("maxLatencyMs", c.network().maxLatencyMs());
        network.put("loss", c.network().lossProbability());
        network.put("duplication", c.network().duplicateProbability());
        cluster.put("network", network);
        cluster.put("snapshotEvery", c.metadata().snapshotEveryRecords());
        cluster.put("minInsyncReplicas", c.data().minInsyncReplicas());
        root.put("cluster", cluster);
        Map<String, Object> fuzz = new LinkedHashMap<>();
        fuzz.put("faultsFromMs", p.faultsFromMs());
        fuzz.put("faultsUntilMs", p.faultsUntilMs());
        fuzz.put("faultGapMs", p.faultGapMs());
        fuzz.put("maxFaults", p.maxFaults());
        fuzz.put("writeEveryMs", p.writeEveryMs());
        if (p.healEveryMs() > 0) {
            fuzz.put("healEveryMs", p.healEveryMs());
        }
        if (p.voterChanges()) {
            fuzz.put("voterChanges", true);
        }
        if (p.workload() != null) {
            fuzz.put("workload", workload(p.workload()));
        }
        if (p.feed() != null) {
            fuzz.put("feed", feed(p.feed()));
        }
        fuzz.put("calmMs", p.calmMs());
        fuzz.put("rule", v.rule());
        fuzz.put("atMs", v.time());
        fuzz.put("event", v.eventNumber());
        root.put("fuzz", fuzz);
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("at", (p.endMs() + 1) + "ms");
        step.put("action", "expect");
        step.put("check", "invariantsHold");
        step.put("comment", "fails: " + v.rule() + " breaks at t=" + v.time() + " ms");
        root.put("steps", List.of(step));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String workload(TopicWorkload.Spec w) {
        return "topics=" + w.topics() + ",partitions=" + w.partitions() + ",rf=" + w.rf() + ",producers=" + w.producers()
                + ",every=" + w.everyMs();
    }

    static String feed(FeedWorkload.Spec f) {
        return "records=" + f.records() + ",rate=" + f.rate() + ",partitions=" + f.partitions() + ",rf=" + f.rf() + ",acks="
                + f.acks().label()
                + (f.idempotent() == io.yakraft.data.FeedRequest.idempotentByDefault(f.acks()) ? "" : ",idempotence=" + f.idempotent())
                + (f.topicMinIsr() > 0 ? ",minIsr=" + f.topicMinIsr() : "") + (f.unclean() ? ",unclean=true" : "");
    }
}
