package io.yakraft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.yakraft.check.NodeMetadata;
import io.yakraft.check.RunResult;
import io.yakraft.check.RunSpec;
import io.yakraft.check.Runner;
import io.yakraft.check.Violation;
import io.yakraft.sim.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sim}: a headless run with invariant checks and a summary (or one JSON object). */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run a cluster headless with client writes, an optional metadata workload and random faults, checking every invariant.")
public final class SimCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @Option(names = "--trace", paramLabel = "FILE", description = "write the trace as JSON lines to FILE")
    Path traceFile;

    @Option(names = "--json", description = "print one JSON object instead of the summary")
    boolean json;

    @Override
    public Integer call() {
        RunSpec run = options.toRunSpec();
        long start = System.nanoTime();
        RunResult result;
        try (TraceFile trace = traceFile == null ? null : new TraceFile(traceFile)) {
            result = Runner.run(run, c -> {
                if (trace != null) {
                    c.addTraceListener(trace::write);
                }
            });
        } catch (IOException e) {
            throw options.bad("--trace", "cannot write " + traceFile + ": " + e.getMessage());
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        if (json) {
            System.out.println(toJson(result, wallMs));
        } else {
            printSummary(result, wallMs);
        }
        return result.safe() && result.imagesConverged() ? 0 : 1;
    }

    static String toJson(RunResult r, long wallMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seed", r.seed());
        out.put("controllers", r.controllers());
        out.put("observers", r.observers());
        out.put("brokers", r.observers());
        out.put("simulatedMs", r.simulatedMs());
        out.put("wallMs", wallMs);
        out.put("events", r.events());
        out.put("eventsPerSecond", wallMs == 0 ? null : r.events() * 1000 / wallMs);
        out.put("leaderChanges", r.leaderChanges());
        out.put("finalEpoch", r.finalEpoch());
        out.put("finalLeader", r.finalLeader());
        Map<String, Long> hws = new LinkedHashMap<>();
        r.highWatermarks().forEach((id, hw) -> hws.put(String.valueOf(id), hw));
        out.put("highWatermarks", hws);
        out.put("committedOffset", r.committed());
        out.put("livenessMs", r.livenessMs());
        List<Map<String, Object>> violations = new ArrayList<>();
        for (Violation v : r.violations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", v.rule());
            m.put("seed", v.seed());
            m.put("event", v.eventNumber());
            m.put("simulatedMs", v.time());
            m.put("node", v.node());
            m.put("detail", v.detail());
            violations.add(m);
        }
        out.put("invariantViolations", violations);
        Map<String, Object> metadata = new LinkedHashMap<>();
        r.metadata().forEach((id, m) -> metadata.put(String.valueOf(id), metadataJson(m)));
        out.put("metadata", metadata);
        out.put("imagesConverged", r.imagesConverged());
        if (r.workload() != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("topicsCreated", r.workload().topicsCreated());
            w.put("producerIdBlocksRequested", r.workload().producerBlocksRequested());
            w.put("errors", new java.util.TreeMap<>(r.workload().errors()));
            out.put("workload", w);
        }
        if (r.feed() != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("total", r.feed().total());
            f.put("acked", r.feed().acked());
            f.put("failed", r.feed().failed());
            f.put("sentWithoutAck", r.feed().sentWithoutAck());
            f.put("retries", r.feed().retries());
            f.put("ackedByPartition", new java.util.TreeMap<>(r.feed().ackedByPartition()));
            out.put("feed", f);
        }
        out.put("traceSha256", r.traceSha256());
        try {
            return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> metadataJson(NodeMetadata m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("live", m.live());
        out.put("appliedOffset", m.appliedOffset());
        List<Map<String, Object>> brokers = new ArrayList<>();
        m.brokers().forEach((id, fenced) -> {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("id", id);
            b.put("fenced", fenced);
            brokers.add(b);
        });
        brokers.sort(java.util.Comparator.comparingInt(b -> (Integer) b.get("id")));
        out.put("brokers", brokers);
        out.put("topics", m.topics());
        out.put("partitions", m.partitions());
        out.put("imageSha256", m.imageSha256());
        return out;
    }

    private static void printSummary(RunResult r, long wallMs) {
        System.out.printf("seed %d: %d controllers, %d brokers%n", r.seed(), r.controllers(), r.observers());
        System.out.printf("simulated %s in %d ms wall: %,d events (%,d events/s)%n", Durations.format(r.simulatedMs()), wallMs,
                r.events(), wallMs == 0 ? 0 : r.events() * 1000 / wallMs);
        System.out.printf("leader changes %d, final epoch %d, leader %s%n", r.leaderChanges(), r.finalEpoch(),
                r.finalLeader() < 0 ? "none" : "n" + r.finalLeader());
        System.out.printf("high watermarks %s (committed %d)%n", r.highWatermarks(), r.committed());
        System.out.println(r.livenessMs() >= 0 ? "recovered: leader elected and every node caught up " + r.livenessMs()
                + " ms after the faults stopped" : "NOT recovered within the liveness bound");
        NodeMetadata any = r.metadata().values().stream().filter(NodeMetadata::live).findFirst().orElse(null);
        if (any != null) {
            System.out.printf("metadata: %d broker(s) (%d fenced), %d topic(s), %d partition(s); images %s%n",
                    any.brokers().size(), any.brokers().values().stream().filter(f -> f).count(), any.topics(),
                    any.partitions(), r.imagesConverged() ? "converged" : "NOT converged");
        }
        if (r.workload() != null) {
            System.out.printf("workload: %d topic(s) created, %d producer-id block(s) requested, errors %s%n",
                    r.workload().topicsCreated(), r.workload().producerBlocksRequested(), r.workload().errors());
        }
        if (r.safe()) {
            System.out.println("invariants: all held");
        } else {
            r.violations().forEach(v -> System.out.println("VIOLATION: " + v));
        }
        System.out.println("trace sha256 " + r.traceSha256());
    }
}
