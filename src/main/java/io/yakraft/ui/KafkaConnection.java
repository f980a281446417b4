package io.yakraft.ui;

import io.yakraft.kafka.KafkaObservation;
import io.yakraft.kafka.KafkaProbe;
import io.yakraft.kafka.LocalCluster;
import io.yakraft.kafka.LocalNode;
import io.yakraft.kafka.KafkaLib;
import io.yakraft.kafka.metalog.MetadataLogReader;
import javafx.application.Platform;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The window's link to a real cluster: a background thread observes it about once a second (Admin calls
 * block for up to seconds, so never on the FX thread) and hands each result to the FX thread; a second
 * thread runs the controls (create topic, kill, restart) so a slow control never delays the view.
 */
final class KafkaConnection implements AutoCloseable {
    /** One refresh: the observation and, for a local cluster, its nodes, which of their processes run and which are paused (SIGSTOP). */
    record Update(KafkaObservation observation, List<LocalNode> nodes, Set<Integer> running, Set<Integer> paused, MetadataLog log) {
        Update(KafkaObservation observation, List<LocalNode> nodes, Set<Integer> running) {
            this(observation, nodes, running, Set.of(), MetadataLog.NONE);
        }
    }

    /**
     * The last records of the metadata log as one controller holds it on disk, decoded with Kafka's serde (a local
     * cluster only); {@code source} names the controller and directory, or why there are no records.
     */
    record MetadataLog(String source, String directory, List<MetadataLogReader.Entry> entries) {
        static final MetadataLog NONE = new MetadataLog("no controller here (an attached cluster's log is not on this machine)", "",
                List.of());
    }

    /** How many of the log's last records are decoded on each refresh (NoOpRecords included; the view may hide them). */
    private static final int RECORDS_READ = 5_000;

    /** How many of the log's last records the view holds (as the simulation's Records view). */
    static final int RECORDS_SHOWN = 300;

    private static final long REFRESH_MS = 1000;

    private final KafkaProbe probe;
    private final LocalCluster local;
    private final ScheduledExecutorService observer = Executors.newSingleThreadScheduledExecutor(daemon("kafka-observer"));
    private final ScheduledExecutorService controls = Executors.newSingleThreadScheduledExecutor(daemon("kafka-controls"));

    KafkaConnection(KafkaProbe probe, LocalCluster local) {
        this.probe = probe;
        this.local = local;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    String description() {
        return probe.description();
    }

    /** The brokers' bootstrap servers of a local cluster, or of the attached one; "" for a local cluster without brokers. */
    String bootstrapServers() {
        return local != null ? local.bootstrapServers() : probe.bootstrapServers();
    }

    /** The local cluster the app started or opened, or null when attached to any cluster. */
    LocalCluster local() {
        return local;
    }

    /** Starts refreshing; {@code onFx} runs on the FX thread with each update. Fixed delay: one observation in flight. */
    void start(Consumer<Update> onFx) {
        observer.scheduleWithFixedDelay(() -> {
            KafkaObservation o = probe.observe();
            if (local != null) {
                try {
                    local.reload(); // a `kafka add-broker` beside the window changed cluster.json
                } catch (java.io.IOException e) {
                    // keep the state read before; the next refresh tries again
                }
            }
            List<LocalNode> nodes = local == null ? List.of() : local.state().nodes();
            Set<Integer> running = local == null ? Set.of()
                    : nodes.stream().filter(n -> local.process(n).isPresent()).map(LocalNode::id).collect(Collectors.toSet());
            Set<Integer> paused = local == null ? Set.of()
                    : nodes.stream().filter(n -> running.contains(n.id()) && local.isPaused(n)).map(LocalNode::id).collect(Collectors.toSet());
            Update u = new Update(o, nodes, running, paused, local == null ? remoteLog() : metadataLog(o, running));
            Platform.runLater(() -> onFx.accept(u));
        }, 0, REFRESH_MS, TimeUnit.MILLISECONDS);
    }

    private MetadataLogReader reader;
    private io.yakraft.kafka.metalog.RemoteMetadataLog remote;

    /** An attached cluster's log, fetched from its active controller (its directories are not on this machine). */
    private MetadataLog remoteLog() {
        if (remote == null) {
            remote = new io.yakraft.kafka.metalog.RemoteMetadataLog(RECORDS_READ);
        }
        var v = remote.poll(probe);
        String source = v.source().isEmpty() ? "an attached cluster" : v.source();
        return new MetadataLog(source + (v.note().isEmpty() ? "" : " · " + v.note()), v.note(), v.entries());
    }

    /** The leader's log if it runs here, else the first running controller's, else controller 1's (its files stay). */
    private MetadataLog metadataLog(KafkaObservation o, Set<Integer> running) {
        int leader = o.quorum().value().map(KafkaObservation.Quorum::leaderId).orElse(-1);
        LocalNode from = local.state().controllers().stream().filter(c -> c.id() == leader).findFirst()
                .or(() -> local.state().controllers().stream().filter(c -> running.contains(c.id())).findFirst())
                .orElse(local.state().controllers().get(0));
        var dir = MetadataLogReader.logDir(local, from);
        try {
            if (reader == null) {
                reader = MetadataLogReader.open(new KafkaLib(java.nio.file.Path.of(local.state().kafkaLib())));
            }
            return new MetadataLog(from.name() + (from.id() == leader ? " (leader)" : ""), dir.toString(), reader.read(dir, RECORDS_READ));
        } catch (RuntimeException e) {
            return new MetadataLog(from.name() + ": cannot read it (" + e.getMessage() + ")", dir.toString(), List.of());
        }
    }

    /** A control on the controls thread; its message (or failure) goes to {@code report} on the FX thread. */
    void control(String what, ControlAction action, Consumer<String> report) {
        controls.execute(() -> {
            String message;
            try {
                message = action.run();
            } catch (Exception e) {
                message = what + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            String m = message;
            Platform.runLater(() -> report.accept(m));
        });
    }

    interface ControlAction {
        String run() throws Exception;
    }

    KafkaProbe probe() {
        return probe;
    }

    @Override
    public void close() {
        observer.shutdownNow();
        if (reader != null) {
            reader.close();
        }
        if (remote != null) {
            remote.close();
        }
        controls.shutdownNow();
        // Admin.close waits for its network thread; not on the FX thread
        Thread closer = new Thread(probe::close, "kafka-close");
        closer.setDaemon(true);
        closer.start();
    }
}
