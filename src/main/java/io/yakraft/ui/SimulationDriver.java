package io.yakraft.ui;

import io.yakraft.check.InvariantChecker;
import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.raft.LogEntry;
import io.yakraft.raft.RaftLog;
import io.yakraft.cluster.Action;
import io.yakraft.cluster.Outcome;
import io.yakraft.api.LiveCluster.CommittedLog;
import io.yakraft.scenario.LiveAction;
import io.yakraft.scenario.Scenario;
import io.yakraft.scenario.SessionRecording;
import io.yakraft.scenario.ScenarioPlayer;
import io.yakraft.sim.TraceEvent;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Owns the running {@link Cluster} on one background thread. It advances simulated time by
 * wall time × speed, turns user actions into timed inputs at the current simulated time (so a
 * session stays replayable), and publishes an immutable {@link Frame} about 60 times a second.
 * The window only reads frames; it never touches the cluster.
 */
public final class SimulationDriver implements AutoCloseable, io.yakraft.api.LiveCluster {
    public static final double MIN_SPEED = 0.01;
    public static final double MAX_SPEED = 1000;
    private static final long TICK_NANOS = 16_000_000;

    private final ConcurrentLinkedQueue<Consumer<Cluster>> control = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    /** The newest trace records, bounded, for the event log. */
    private final ArrayDeque<TraceEvent> recent = new ArrayDeque<>();
    public static final int RECENT_EVENTS = 2_000;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile double speed;
    private volatile boolean paused;
    /** Every trace record of this cluster, for export (capped so a very long session cannot exhaust memory). */
    private final java.util.ArrayList<TraceEvent> fullTrace = new java.util.ArrayList<>();
    public static final int MAX_EXPORTED_EVENTS = 2_000_000;
    private Cluster cluster;
    /** How many of the newest log entries a frame carries for the Records tab. */
    public static final int RECORDS_SHOWN = 300;
    private volatile int recordsNode = MetadataViewModel.FOLLOW_LEADER;
    /** The scenario being played on the current cluster, or null; touched only on the driver thread. */
    private ScenarioPlayer player;
    private SessionRecording recording;
    /** Timeline ticks of the current history (rebuilt on rewind). */
    private final java.util.ArrayList<TimelineMarker> markers = new java.util.ArrayList<>();
    private List<TimelineMarker> publishedMarkers = List.of();
    private boolean markersChanged;
    static final int MAX_MARKERS = 5_000;
    /** The farthest simulated time this session has reached; rewinding does not shrink it. */
    private long horizon;
    private long traceRecords;
    private long frames;

    public SimulationDriver(ClusterConfig config, double speed, boolean paused) {
        this.speed = clamp(speed);
        this.paused = paused;
        this.cluster = build(config);
        this.recording = new SessionRecording(config);
        publish();
        this.thread = new Thread(this::loop, "yakraft-simulation");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The cluster a person sees when the app opens: 3 controllers, 3 brokers, seed 42. */
    public static ClusterConfig defaultConfig(long seed, int controllers, int observers) {
        // Classroom-visible latency (15–40 ms) so messages can be followed on screen.
        return ClusterConfig.defaults(seed, controllers, observers)
                .withNetwork(io.yakraft.sim.LinkConfig.DEFAULT.withLatency(15, 40));
    }

    /** A fresh cluster of this config, wired to the event log, the exported trace and the timeline (all emptied). */
    private Cluster build(ClusterConfig config) {
        recent.clear();
        fullTrace.clear();
        traceRecords = 0;
        markers.clear();
        markersChanged = true;
        Cluster c = new Cluster(config);
        new InvariantChecker(c);
        c.simulation().trace().addListener(e -> {
            if (recent.size() == RECENT_EVENTS) {
                recent.removeFirst();
            }
            recent.addLast(e);
            if (fullTrace.size() < MAX_EXPORTED_EVENTS) {
                fullTrace.add(e);
            }
            TimelineMarker m = TimelineMarker.of(e);
            if (m != null && markers.size() < MAX_MARKERS) {
                markers.add(m);
                markersChanged = true;
            }
            traceRecords++;
        });
        c.start();
        return c;
    }

    @Override
    public io.yakraft.cluster.ClusterSnapshot snapshot() {
        return latest().snapshot();
    }

    public Frame latest() {
        return latest.get();
    }

    public double speed() {
        return speed;
    }

    public void setSpeed(double s) {
        speed = clamp(s);
    }

    public boolean paused() {
        return paused;
    }

    public void setPaused(boolean p) {
        paused = p;
    }

    /**
     * Runs {@code command} on the driver thread between events, outside the recorded inputs:
     * for setting a run up (a workload, a time to reach), not for what a person does.
     */
    public void control(Consumer<Cluster> command) {
        control.add(command);
    }

    /** Processes exactly one simulation event (meant for when paused). */
    public void step() {
        control.add(Cluster::step);
    }

    /**
     * What a person does: applied as a timed input at the current simulated time and recorded,
     * so the session can be saved as a scenario that replays to the same trace. {@code outcome}
     * hears what happened, {@code replies} a controller command's answer; both run on the driver thread.
     */
    @Override
    public void perform(Action action, Consumer<Outcome> outcome, Consumer<ControllerReply> replies) {
        control.add(c -> {
            recording.forkAt(c.now()); // acting in the past forks a new future
            recording.add(c.now(), action);
            LiveAction.asInput(action, c, outcome, replies);
            c.runUntil(c.now());
        });
    }

    @Override
    public void committedSince(long since, int max, Consumer<CommittedLog> answer) {
        control.add(c -> {
            int leader = c.leaderId();
            if (leader < 0) {
                answer.accept(null);
                return;
            }
            RaftLog log = c.disk(leader).log();
            long hw = c.raft(leader).highWatermark();
            long from = Math.max(since + 1, log.startOffset());
            List<LogEntry> entries = from >= hw ? List.of() : log.slice(from, Math.min(hw, from + max));
            answer.accept(new CommittedLog(hw, log.startOffset(), entries, since + 1 < log.startOffset() ? c.image(leader) : null));
        });
    }

    public void perform(Action action) {
        perform(action, o -> { }, r -> { });
    }

    /** Writes the session so far (since the cluster started) as a scenario file; {@code done} gets null or the error. */
    public void saveRecording(java.nio.file.Path file, Consumer<String> done) {
        control.add(c -> {
            try {
                java.nio.file.Files.writeString(file, recording.toScenarioJson("Recorded session (seed " + c.config().seed() + ")",
                        c.now()), java.nio.charset.StandardCharsets.UTF_8);
                done.accept(null);
            } catch (java.io.IOException e) {
                done.accept(e.getMessage());
            }
        });
    }

    /** The trace hash of the running cluster so far (for checking that a recording replays to it). */
    public void traceSha256(Consumer<String> hash) {
        control.add(c -> hash.accept(c.simulation().trace().sha256()));
    }

    /** Broker ids in the latest frame, ascending. */
    public List<Integer> latestBrokerIds() {
        List<Integer> ids = new java.util.ArrayList<>();
        Frame f = latest();
        if (f != null) {
            f.snapshot().nodes().stream().filter(n -> !n.voter()).forEach(n -> ids.add(n.id()));
        }
        return ids;
    }

    /** Topic names the leader's (else any) image of the latest frame knows. */
    public List<String> latestTopicNames() {
        Frame f = latest();
        if (f == null) {
            return List.of();
        }
        ClusterSnapshot s = f.snapshot();
        var image = s.images().get(s.leaderId() >= 0 ? s.leaderId() : s.nodes().get(0).id());
        return image == null ? List.of() : List.copyOf(image.topics().keySet());
    }

    /**
     * Rewinds to simulated time {@code t}: the session is rebuilt on a fresh cluster from the
     * start, replaying the recorded actions up to {@code t} exactly as they happened (or the
     * scenario, when one plays). The recorded future stays until the person acts. Pauses.
     */
    public void rewindTo(long t) {
        control.add(c -> rebuild(Math.max(0, t), Long.MAX_VALUE));
    }

    /** Steps back one event: the session rebuilt up to the event before the current one. Pauses. */
    public void stepBack() {
        control.add(c -> {
            long events = c.simulation().eventCount();
            if (events > 0) {
                rebuild(c.now(), events - 1);
            }
        });
    }

    private void rebuild(long t, long maxEvents) {
        paused = true;
        if (player != null) {
            startScenario(player.scenario());
            player.fastForward(t);
        } else {
            cluster = build(recording.cluster());
            recording.replay(cluster, -1, t, maxEvents);
        }
    }

    /** Replaces the running cluster with a fresh one. */
    public void restart(ClusterConfig config) {
        control.add(c -> {
            player = null;
            horizon = 0;
            cluster = build(config);
            recording = new SessionRecording(config);
        });
    }

    /** Starts a scenario from its beginning on a fresh cluster of its own, paused at the start. */
    public void play(Scenario scenario) {
        control.add(c -> {
            horizon = 0;
            recording = new SessionRecording(scenario.cluster());
            startScenario(scenario);
            paused = false;
        });
    }

    private void startScenario(Scenario scenario) {
        cluster = build(scenario.cluster());
        player = new ScenarioPlayer(scenario, cluster);
        player.onSpeed(this::setSpeed);
    }

    /** Runs straight to simulated time {@code t} (through the scenario's steps when one plays, captions not holding). */
    public void fastForward(long t) {
        control.add(c -> {
            if (player != null) {
                player.fastForward(t);
            } else {
                recording.replay(c, c.now(), t, Long.MAX_VALUE);
            }
        });
    }

    /** After a pausing caption: go on playing. */
    public void proceed() {
        control.add(c -> {
            if (player != null) {
                player.proceed();
            }
            paused = false;
        });
    }

    /** Plays exactly the next scenario step (and stays paused). */
    public void nextStep() {
        control.add(c -> {
            if (player != null) {
                paused = true;
                player.advanceOneStep();
            }
        });
    }

    /**
     * Writes the whole trace so far (up to {@link #MAX_EXPORTED_EVENTS} records) as JSON lines;
     * {@code done} gets null on success or the error message.
     */
    public void exportTrace(java.nio.file.Path file, Consumer<String> done) {
        control.add(c -> {
            try {
                Exporter.trace(List.copyOf(fullTrace), file);
                done.accept(null);
            } catch (java.io.IOException e) {
                done.accept(e.getMessage());
            }
        });
    }

    /** The configuration of the cluster now running. */
    public ClusterConfig config() {
        return currentConfig;
    }

    private volatile ClusterConfig currentConfig;

    private void loop() {
        long last = System.nanoTime();
        double carry = 0;
        while (running) {
            long t = System.nanoTime();
            double elapsedMs = (t - last) / 1e6;
            last = t;
            Consumer<Cluster> cmd;
            while ((cmd = control.poll()) != null) {
                cmd.accept(cluster);
            }
            if (!paused && !cluster.simulation().stopped()) {
                carry += elapsedMs * speed;
                long advance = (long) carry;
                carry -= advance;
                if (advance > 0) {
                    if (player != null) {
                        player.advance(cluster.now() + advance);
                        if (player.heldByCaption()) {
                            paused = true; // the presenter continues
                        }
                    } else {
                        // after a rewind, the recorded future replays as time passes (until the person acts)
                        recording.replay(cluster, cluster.now(), cluster.now() + advance, Long.MAX_VALUE);
                    }
                }
            }
            publish();
            long sleep = TICK_NANOS - (System.nanoTime() - t);
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void publish() {
        currentConfig = cluster.config();
        List<TraceEvent> events = List.copyOf(recent);
        ClusterSnapshot snapshot = cluster.snapshot();
        int node = recordsNode;
        if (node == MetadataViewModel.FOLLOW_LEADER || !cluster.allIds().contains(node)) {
            node = snapshot.leaderId() >= 0 ? snapshot.leaderId() : cluster.voterIds()[0];
        }
        RaftLog log = cluster.disk(node).log();
        List<LogEntry> records = log.slice(Math.max(log.startOffset(), log.endOffset() - RECORDS_SHOWN), log.endOffset());
        horizon = Math.max(horizon, Math.max(cluster.now(), recording.lastAtMs()));
        if (markersChanged) {
            publishedMarkers = List.copyOf(markers);
            markersChanged = false;
        }
        latest.set(new Frame(snapshot, events, traceRecords, speed, paused, frames++, node, records,
                player == null ? null : ScenarioStatus.of(player), publishedMarkers, horizon));
    }

    /** Which node's newest log entries the frames carry (MetadataViewModel.FOLLOW_LEADER: the leader's). */
    public void showRecordsOf(int node) {
        recordsNode = node;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SPEED, Math.min(MAX_SPEED, s));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
