package io.yakraft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yakraft.check.FeedWorkload;
import io.yakraft.check.FuzzCampaign;
import io.yakraft.check.FuzzTally;
import io.yakraft.check.RunCheck;
import io.yakraft.check.TopicWorkload;
import io.yakraft.cluster.ProtocolVariant;
import io.yakraft.cluster.ProtocolVariants;
import io.yakraft.scenario.FuzzScenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code fuzz}: one simulation per seed on every core (one simulation per thread, each
 * deterministic), every invariant after every event and liveness after calm; failures are shrunk
 * and written as scenario files that replay them.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Run a fuzz campaign: one simulation per seed with random faults, client writes, a metadata workload"
                + " and a feed, every invariant checked after every event, then calm and liveness (a leader, every live"
                + " replica caught up, every ISR whole again, every command answered). Each failing seed is shrunk and written"
                + " to DIR/seed-N.json, which 'run' replays and the window opens at its violation.",
                "Exit 0 when no seed failed, 1 when one did, 2 for bad arguments."},
        footer = {"", "Every --variant but kraft drops one safety rule (see --variant above); sim, run and scenario"
                + " files (\"variant\") take the same names."})
public final class FuzzCommand implements Callable<Integer> {
    /** The variant names, for picocli's completion candidates in the help. */
    static final class VariantNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ProtocolVariants.names().iterator();
        }
    }

    @Option(names = "--seeds", defaultValue = "1000", description = "how many seeds (default ${DEFAULT-VALUE})")
    long seeds;

    @Option(names = "--first-seed", defaultValue = "1", description = "the first seed (default ${DEFAULT-VALUE})")
    long firstSeed;

    @Option(names = "--minutes", defaultValue = "5", description = "simulated minutes of faults, writes, workload and feed per"
            + " seed, before a calm of " + FuzzCampaign.DEFAULT_CALM_MS / 1000 + " s and the liveness check (default ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--controllers", defaultValue = "3..5", paramLabel = "N|MIN..MAX",
            description = "controllers per seed, drawn from the range by the seed (default ${DEFAULT-VALUE})")
    String controllers;

    @Option(names = "--brokers", defaultValue = "0..4", paramLabel = "N|MIN..MAX",
            description = "brokers per seed, drawn from the range by the seed (default ${DEFAULT-VALUE})")
    String brokers;

    @Option(names = "--workload", paramLabel = "SPEC|none", defaultValue = "topics=6,partitions=3,rf=2,producers=2,every=500",
            description = "metadata workload when a seed has brokers; rf is capped by the seed's brokers (default ${DEFAULT-VALUE})")
    String workload;

    @Option(names = "--feed", paramLabel = "SPEC|none", defaultValue = "records=600,rate=20,partitions=3,rf=3,acks=all",
            description = "data feed when a seed has brokers; rf is capped by the seed's brokers, and half the seeds with"
                    + " rf >= 2 run min.insync.replicas 2 (default ${DEFAULT-VALUE})")
    String feed;

    @Option(names = "--variant", defaultValue = ProtocolVariants.DEFAULT, completionCandidates = VariantNames.class,
            description = "protocol: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String variant;

    @Option(names = "--threads", description = "simulations at once (default: every core)")
    Integer threads;

    @Option(names = "--out", defaultValue = "fuzz-failures", paramLabel = "DIR",
            description = "where failing seeds' scenario files go (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--stop-at-first", description = "stop at the first failing seed (seeds-to-first-failure of a variant)")
    boolean stopAtFirst;

    @Option(names = "--json", description = "print one JSON object instead of the summary")
    boolean json;

    @Spec
    CommandSpec spec;

    /**
     * The check that rides along every simulation besides the invariants: the linearizability
     * checker, which records each run's operation history and judges it.
     */
    static RunCheck rideAlong() {
        return new io.yakraft.check.lin.LinearizabilityRunCheck();
    }

    @Override
    public Integer call() throws Exception {
        FuzzCampaign.Options options = options();
        int poolSize = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (poolSize < 1 || seeds < 1) {
            throw bad(seeds < 1 ? "--seeds" : "--threads", "must be at least 1");
        }
        long start = System.nanoTime();
        FuzzTally tally = new FuzzTally();
        Progress progress = new Progress(System.err, seeds, System.console() != null);
        AtomicLong nextIndex = new AtomicLong();
        AtomicLong firstFailure = new AtomicLong(Long.MAX_VALUE);
        List<String> written = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < poolSize; w++) {
                workers.add(pool.submit(() -> {
                    for (long i = nextIndex.getAndIncrement(); i < seeds; i = nextIndex.getAndIncrement()) {
                        long seed = firstSeed + i;
                        if (stopAtFirst && seed > firstFailure.get()) {
                            return null;
                        }
                        FuzzCampaign.Outcome o = FuzzCampaign.runSeed(options, seed);
                        FuzzCampaign.Failure f = o.failed() ? FuzzCampaign.shrink(o, options.check()) : null;
                        if (f != null) {
                            firstFailure.accumulateAndGet(seed, Math::min);
                        }
                        synchronized (tally) {
                            tally.add(o, f);
                            progress.update(tally.seeds(), tally.failed());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        progress.done();
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        List<FuzzCampaign.Failure> failures = tally.failures();
        if (stopAtFirst) {
            failures = failures.stream().filter(f -> f.seed() == firstFailure.get()).toList();
        }
        for (FuzzCampaign.Failure f : failures) {
            Files.createDirectories(out);
            Path file = out.resolve("seed-" + f.seed() + ".json");
            Files.writeString(file, FuzzScenarios.json(f));
            written.add(file.toString());
        }
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(toJson(tally, failures, written, wallMs, options, poolSize,
                    firstFailure.get())));
        } else {
            printSummary(tally, failures, written, wallMs, poolSize, firstFailure.get());
        }
        return tally.failed() == 0 ? 0 : 1;
    }

    private FuzzCampaign.Options options() {
        int[] c = range("--controllers", controllers);
        int[] b = range("--brokers", brokers);
        if (!ProtocolVariants.exists(variant)) {
            throw bad("--variant", "unknown protocol variant '" + variant + "' (expected one of: "
                    + String.join(", ", ProtocolVariants.names()) + ")");
        }
        if (minutes <= 0 || minutes * 60_000 < FuzzCampaign.FAULTS_FROM_MS + 1_000) {
            throw bad("--minutes", "must be at least 0.05 (3 simulated seconds), got " + minutes);
        }
        TopicWorkload.Spec w;
        FeedWorkload.Spec f;
        try {
            w = workload.equals("none") ? null : TopicWorkload.Spec.parse(workload);
        } catch (IllegalArgumentException e) {
            throw bad("--workload", e.getMessage());
        }
        try {
            f = feed.equals("none") ? null : FeedWorkload.Spec.parse(feed);
        } catch (IllegalArgumentException e) {
            throw bad("--feed", e.getMessage());
        }
        try {
            return new FuzzCampaign.Options(c[0], c[1], b[0], b[1], Math.round(minutes * 60_000), w, f, variant,
                    FuzzCampaign.DEFAULT_CALM_MS, rideAlong());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage().startsWith("brokers") ? "--brokers" : "--controllers", e.getMessage());
        }
    }

    private int[] range(String option, String text) {
        try {
            String[] parts = text.split("\\.\\.", 2);
            int lo = Integer.parseInt(parts[0].trim());
            int hi = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : lo;
            return new int[] {lo, hi};
        } catch (NumberFormatException e) {
            throw bad(option, "'" + text + "' (expected N or MIN..MAX, e.g. 3..9)");
        }
    }

    private ParameterException bad(String option, String why) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + why);
    }

    private Map<String, Object> toJson(FuzzTally t, List<FuzzCampaign.Failure> failures, List<String> written, long wallMs,
                                       FuzzCampaign.Options o, int poolSize, long firstFailure) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seeds", t.seeds());
        m.put("firstSeed", firstSeed);
        m.put("minutesEach", minutes);
        m.put("calmMsEach", o.calmMs());
        m.put("variant", variant);
        m.put("threads", poolSize);
        m.put("wallMs", wallMs);
        m.put("events", t.events());
        List<Map<String, Object>> fs = new ArrayList<>();
        for (int i = 0; i < failures.size(); i++) {
            FuzzCampaign.Failure f = failures.get(i);
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("seed", f.seed());
            x.put("rule", f.violation().rule());
            x.put("simulatedMs", f.violation().time());
            x.put("event", f.violation().eventNumber());
            x.put("detail", f.violation().detail());
            x.put("scenario", written.get(i));
            x.put("faults", f.shrunk().plan().maxFaults());
            x.put("originalSimulatedMs", f.original().time());
            fs.add(x);
        }
        m.put("failures", fs);
        m.put("firstFailureSeed", firstFailure == Long.MAX_VALUE ? null : firstFailure);
        m.put("histories", t.histories());
        m.put("operations", t.operations());
        m.put("nonLinearizable", t.nonLinearizable());
        m.put("byRule", new java.util.TreeMap<>(t.byRule()));
        return m;
    }

    private void printSummary(FuzzTally t, List<FuzzCampaign.Failure> failures, List<String> written, long wallMs,
                              int poolSize, long firstFailure) {
        ProtocolVariant v = ProtocolVariants.named(variant);
        System.out.printf("fuzz: %,d seed(s) from %d, %s simulated minute(s) of faults each, protocol %s, %d thread(s)%n",
                t.seeds(), firstSeed, minutes, variant, poolSize);
        if (!v.isDefault()) {
            System.out.println("  variant breaks: " + v.breaks());
        }
        System.out.printf("%,d events in %.1f s wall%n", t.events(), wallMs / 1000.0);
        if (t.failed() == 0) {
            System.out.println("no seed failed");
        } else {
            System.out.printf("%d seed(s) failed; by rule %s; first failing seed %d%n", t.failed(), t.byRule(), firstFailure);
            for (int i = 0; i < failures.size(); i++) {
                FuzzCampaign.Failure f = failures.get(i);
                System.out.printf("  seed %d: %s%n      replay: java -jar target/yakraft.jar run %s%n", f.seed(), f.violation(),
                        written.get(i));
            }
        }
        System.out.printf("linearizability: %d histories, %d operations, %d not linearizable%n", t.histories(), t.operations(),
                t.nonLinearizable());
    }

    /** The terminal's progress bar: redrawn in place on a terminal, a line per tenth otherwise. */
    static final class Progress {
        private final PrintStream err;
        private final long total;
        private final boolean tty;
        private final long start = System.nanoTime();
        private long lastTenth = -1;

        Progress(PrintStream err, long total, boolean tty) {
            this.err = err;
            this.total = total;
            this.tty = tty;
        }

        void update(long done, int failed) {
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            long eta = done == 0 ? 0 : elapsed * (total - done) / done / 1000;
            if (tty) {
                int width = 30;
                int filled = (int) (width * done / total);
                err.printf("\r[%s%s] %d/%d seeds, %d failed, %ds left ", "#".repeat(filled), ".".repeat(width - filled), done,
                        total, failed, eta);
            } else if (done * 10 / total != lastTenth) {
                lastTenth = done * 10 / total;
                err.printf("fuzz: %d/%d seeds, %d failed, %ds elapsed%n", done, total, failed, elapsed / 1000);
            }
        }

        void done() {
            if (tty) {
                err.println();
            }
        }
    }
}
