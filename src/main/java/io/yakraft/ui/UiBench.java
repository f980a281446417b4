package io.yakraft.ui;

import io.yakraft.session.Session;
import io.yakraft.session.LiveSession;
import io.yakraft.session.Pacer;
import io.yakraft.check.Workload;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.MetadataConfig;
import io.yakraft.sim.LinkConfig;
import io.yakraft.sim.TraceKind;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench ui}: the real window, headless (software rendering), on 9 controllers and 6
 * brokers whose logs hold {@code logEntries} entries, at 1× with a client write every 4 ms.
 * Reports the frame period and the window's own work per frame (p50/p99), the messages sent
 * per simulated second, and the cold start from JVM start to the first drawn frame. A
 * benchmark: it measures, it does not judge.
 */
public final class UiBench {
    public record Result(long coldStartMs, double periodP50, double periodP99, double workP50, double workP99,
                         long messagesPerSimSecond, long logEntries, int frames, double fxCpuPerFrameMs,
                         double renderCpuPerFrameMs) {
    }

    /** A client write every 4 ms keeps every follower fetching back to back. */
    static final long WRITE_PERIOD_MS = 4;

    private UiBench() {
    }

    /**
     * CPU time (ns) of the JavaFX thread (event handling, layout, CSS, the frame's own work) and of
     * the render thread so far: unlike wall-clock frame times, it hardly moves with the machine's load.
     */
    private static long[] windowThreadsCpu() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long fx = 0;
        long render = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            long cpu = mx.getThreadCpuTime(t.getId());
            if (cpu < 0) {
                continue;
            }
            if (name.equals("JavaFX Application Thread") || name.equals("Event Thread")) {
                fx += cpu; // Monocle's application thread is its "Event Thread"
            } else if (name.startsWith("QuantumRenderer")) {
                render += cpu;
            }
        }
        return new long[] {fx, render};
    }

    public static Result run(int seconds, long logEntries) throws InterruptedException {
        ClusterConfig config = Session.defaultConfig(42, 9, 6)
                .withNetwork(LinkConfig.DEFAULT.withLatency(5, 20)) // ~1,000 messages per simulated second among 15 nodes
                .withMetadata(MetadataConfig.kafkaDefaults().withSnapshotEvery(0)); // keep every entry in the logs
        LiveSession driver = new LiveSession(config, 1, true);
        try (HeadlessWindow window = new HeadlessWindow(driver, 1366, 800)) {
            window.awaitFrames(1);
            long coldStart = window.controller().firstFrameWallMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            AtomicLong sends = new AtomicLong();
            window.runTo(3_000, c -> c.addTraceListener(e -> {
                if (e.kind() == TraceKind.SEND) {
                    sends.incrementAndGet();
                }
            }));
            // fill the logs: batches of client writes until the leader's log holds logEntries entries
            driver.setUp(c -> {
                while (c.leaderId() >= 0 && c.logRange(c.leaderId()).endOffset() < logEntries) {
                    List<String> batch = new ArrayList<>(1_000);
                    for (int i = 0; i < 1_000; i++) {
                        batch.add("w");
                    }
                    c.propose(batch);
                    c.runFor(50);
                }
                c.runFor(2_000);
                Workload.schedule(c, c.now(), Long.MAX_VALUE, WRITE_PERIOD_MS);
            });
            window.settle();
            long simStart = driver.latest().snapshot().now();
            long sendsStart = sends.get();
            driver.setPaused(false);
            int framesBefore = window.controller().frameStats().frames();
            int workBefore = window.controller().workStats().frames();
            long[] cpuBefore = windowThreadsCpu();
            try (Pacer pacer = new Pacer(driver)) {
                Thread.sleep(seconds * 1_000L);
            }
            long[] cpuAfter = windowThreadsCpu();
            long simEnd = driver.latest().snapshot().now();
            long messages = (sends.get() - sendsStart) * 1_000 / Math.max(1, simEnd - simStart);
            long entries = driver.latest().snapshot().logs().values().stream().mapToLong(l -> l.endOffset()).max().orElse(0);
            FrameStats period = window.controller().frameStats();
            FrameStats work = window.controller().workStats();
            // only the measured seconds: the frames drawn while the logs were filled are left out
            int frames = Math.max(1, period.frames() - framesBefore);
            return new Result(coldStart, period.percentileMillis(0.5, framesBefore), period.percentileMillis(0.99, framesBefore),
                    work.percentileMillis(0.5, workBefore), work.percentileMillis(0.99, workBefore), messages, entries,
                    period.frames() - framesBefore, (cpuAfter[0] - cpuBefore[0]) / 1e6 / frames,
                    (cpuAfter[1] - cpuBefore[1]) / 1e6 / frames);
        }
    }
}
