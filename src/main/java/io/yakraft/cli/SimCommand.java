package io.yakraft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.yakraft.check.RunResult;
import io.yakraft.check.RunSpec;
import io.yakraft.check.Runner;
import io.yakraft.check.Violation;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.sim.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sim}: a headless run with invariant checks and a summary (or one JSON object). */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run a cluster headless with client writes and optional random faults, checking every invariant.")
public final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--controllers", defaultValue = "3", description = "voters, 1..9 (default ${DEFAULT-VALUE})")
    int controllers;

    @Option(names = "--observers", defaultValue = "0", description = "non-voting replicas (brokers), 0..9 (default ${DEFAULT-VALUE})")
    int observers;

    @Option(names = "--seed", defaultValue = "42", description = "seed of every random choice (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--duration", defaultValue = "1m", description = "simulated time of writes and faults, e.g. 30s, 10m (default ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--faults", defaultValue = "none", description = "none or random (default ${DEFAULT-VALUE})")
    String faults;

    @Option(names = "--write-every", defaultValue = "100ms", description = "client write period; 0 for an idle cluster (default ${DEFAULT-VALUE})")
    String writeEvery;

    @Option(names = "--no-invariants", description = "skip the per-event invariant checks (faster)")
    boolean noInvariants;

    @Option(names = "--trace", paramLabel = "FILE", description = "write the trace as JSON lines to FILE")
    Path traceFile;

    @Option(names = "--json", description = "print one JSON object instead of the summary")
    boolean json;

    @Override
    public Integer call() {
        long durationMs = parseDuration("--duration", duration);
        long writeMs = parseDuration("--write-every", writeEvery);
        if (!faults.equals("none") && !faults.equals("random")) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--faults': '" + faults + "' (expected none or random)");
        }
        ClusterConfig config;
        try {
            config = ClusterConfig.defaults(seed, controllers, observers);
        } catch (IllegalArgumentException e) {
            String option = e.getMessage().startsWith("controllers") ? "--controllers" : "--observers";
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + e.getMessage());
        }
        RunSpec run = RunSpec.of(config, durationMs, faults.equals("random"))
                .withInvariants(!noInvariants).withWritePeriod(writeMs);
        long start = System.nanoTime();
        RunResult result;
        try (TraceFile trace = traceFile == null ? null : new TraceFile(traceFile)) {
            result = Runner.run(run, c -> {
                if (trace != null) {
                    c.simulation().trace().addListener(trace::write);
                }
            });
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--trace': cannot write " + traceFile + ": " + e.getMessage());
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        if (json) {
            System.out.println(toJson(result, wallMs));
        } else {
            printSummary(result, wallMs);
        }
        return result.safe() ? 0 : 1;
    }

    private long parseDuration(String option, String text) {
        try {
            return Durations.parseMillis(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + e.getMessage());
        }
    }

    static String toJson(RunResult r, long wallMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seed", r.seed());
        out.put("controllers", r.controllers());
        out.put("observers", r.observers());
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
        out.put("traceSha256", r.traceSha256());
        try {
            return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printSummary(RunResult r, long wallMs) {
        System.out.printf("seed %d: %d controllers, %d observers%n", r.seed(), r.controllers(), r.observers());
        System.out.printf("simulated %s in %d ms wall: %,d events (%,d events/s)%n", Durations.format(r.simulatedMs()), wallMs,
                r.events(), wallMs == 0 ? 0 : r.events() * 1000 / wallMs);
        System.out.printf("leader changes %d, final epoch %d, leader %s%n", r.leaderChanges(), r.finalEpoch(),
                r.finalLeader() < 0 ? "none" : "n" + r.finalLeader());
        System.out.printf("high watermarks %s (committed %d)%n", r.highWatermarks(), r.committed());
        System.out.println(r.livenessMs() >= 0 ? "recovered: leader elected and every node caught up " + r.livenessMs()
                + " ms after the faults stopped" : "NOT recovered within the liveness bound");
        if (r.safe()) {
            System.out.println("invariants: all held");
        } else {
            r.violations().forEach(v -> System.out.println("VIOLATION: " + v));
        }
        System.out.println("trace sha256 " + r.traceSha256());
    }

    /** Writes trace records as JSON lines; buffered, closed with the run. */
    private static final class TraceFile implements AutoCloseable {
        private final BufferedWriter out;

        TraceFile(Path path) throws IOException {
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        }

        void write(io.yakraft.sim.TraceEvent e) {
            try {
                out.write(e.toJsonLine());
                out.write('\n');
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
