package io.yakraft.session;

import io.yakraft.check.InvariantChecker;
import io.yakraft.cluster.Action;
import io.yakraft.cluster.Outcome;
import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.LogRange;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.raft.LogEntry;
import io.yakraft.scenario.LiveAction;
import io.yakraft.scenario.Narration;
import io.yakraft.scenario.Pacing;
import io.yakraft.scenario.Scenario;
import io.yakraft.scenario.ScenarioPlayer;
import io.yakraft.scenario.ScenarioRun;
import io.yakraft.scenario.SessionRecording;
import io.yakraft.sim.LinkConfig;
import io.yakraft.sim.TraceEvent;
import io.yakraft.sim.TraceListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * One live session, deterministic and thread-free: it owns the running {@link Cluster}, the
 * recording of what a person did, rewind and step back, the scenario being played and the
 * event history the window shows. It moves only when told: by simulated time
 * ({@link #advance}) or by one event ({@link #step}). The same calls in the same order give the
 * same trace, whichever thread makes them and however fast; {@link LiveSession} makes it safe
 * to share and {@link Pacer} drives it against the wall clock.
 */
public final class Session {
    /** The newest trace records a frame carries, for the event log. */
    public static final int RECENT_EVENTS = 2_000;
    /** Every trace record is kept for export, up to this many (a very long session cannot exhaust memory). */
    public static final int MAX_EXPORTED_EVENTS = 2_000_000;
    /** How many of the newest log entries a frame carries for the Records tab. */
    public static final int RECORDS_SHOWN = 300;
    /** The Records tab follows whoever leads. */
    public static final int FOLLOW_LEADER = -1;
    static final int MAX_MARKERS = 5_000;

    private final ArrayDeque<TraceEvent> recent = new ArrayDeque<>();
    private final ArrayList<TraceEvent> fullTrace = new ArrayList<>();
    private final AppendOnlyList<TimelineMarker> markers = new AppendOnlyList<>();
    private List<TimelineMarker> publishedMarkers = List.of();
    private boolean markersChanged;
    private long traceRecords;
    private Cluster cluster;
    private SessionRecording recording;
    /** How many of the recording's actions the current cluster has had applied; the rest is the recorded future. */
    private int applied;
    /** What the last fork dropped, to restore it; null when there is nothing to undo. */
    private Fork lastFork;
    /** The scenario being played on the current cluster, or null. */
    private ScenarioPlayer player;
    /** The farthest simulated time this session has reached; rewinding does not shrink it. */
    private long horizon;
    private int recordsNode = FOLLOW_LEADER;
    private DoubleConsumer speedRequests = s -> { };
    /** False for a headless run: no event history, no timeline (the trace still goes to {@link #listener}). */
    private final boolean keepsHistory;
    private final TraceListener listener;

    public Session(ClusterConfig config) {
        this(true, e -> { });
        restart(config);
    }

    private Session(boolean keepsHistory, TraceListener listener) {
        this.keepsHistory = keepsHistory;
        this.listener = listener;
    }

    /**
     * A headless session playing {@code scenario} from its start, as {@code run} plays it: it keeps no
     * event history for a window; {@code listener} hears every trace record (e.g. {@code --trace}).
     */
    public static Session headless(Scenario scenario, TraceListener listener) {
        Session s = new Session(false, listener);
        s.play(scenario);
        return s;
    }

    /** The cluster a person sees when the app opens: classroom-visible latency (15–40 ms) so messages can be followed. */
    public static ClusterConfig defaultConfig(long seed, int controllers, int brokers) {
        return ClusterConfig.defaults(seed, controllers, brokers).withNetwork(LinkConfig.DEFAULT.withLatency(15, 40));
    }

    /** Where a scenario's {@code setSpeed} steps go (the pacer); ignored when nobody listens. */
    public void onSpeedRequest(DoubleConsumer sink) {
        speedRequests = sink;
        if (player != null) {
            player.onSpeed(sink);
        }
    }

    public ClusterConfig config() {
        return cluster.config();
    }

    public long now() {
        return cluster.now();
    }

    /** True once an invariant violation stopped the simulation: time no longer moves. */
    public boolean stopped() {
        return cluster.stopped();
    }

    // ------------------------------------------------------------------ moving

    /**
     * Lets {@code millis} of simulated time pass: the scenario's due steps play on the way (stopping
     * at a pausing caption), or, after a rewind, the recorded future replays as time passes.
     */
    public void advance(long millis) {
        advance(millis, Pacing.NONE);
    }

    /**
     * As {@link #advance(long)}, but the scenario moves on only as {@code pacing} allows: a "no"
     * holds the simulation where it is (see {@link #heldForReading}). The trace is the same.
     */
    public void advance(long millis, Pacing pacing) {
        if (millis <= 0 || stopped()) {
            return;
        }
        long until = cluster.now() + Math.min(millis, Long.MAX_VALUE - cluster.now());
        guarded(() -> {
            if (player != null) {
                player.pacing(pacing);
                try {
                    player.advance(until);
                } finally {
                    player.pacing(Pacing.NONE);
                }
            } else {
                applied = recording.replayFrom(cluster, applied, until, Long.MAX_VALUE);
            }
        });
    }

    /**
     * Runs the simulation forward; an exception from inside it (a protocol core, a listener) is not
     * an input's fault: the run stops there as an invariant violation naming seed and event, so the
     * failure can be replayed, and whoever drives the session carries on.
     */
    private void guarded(Runnable move) {
        try {
            move.run();
        } catch (RuntimeException | StackOverflowError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            cluster.recordViolation(-1, "internal error at event " + cluster.eventCount() + " (seed "
                    + cluster.config().seed() + ", t=" + cluster.now() + " ms): " + why);
        }
    }

    /** Processes exactly one event; false when none is left or the run stopped. */
    public boolean step() {
        boolean[] stepped = new boolean[1];
        guarded(() -> stepped[0] = cluster.step());
        return stepped[0];
    }

    /** Processes events one at a time until {@code events} have run (or none is left, or the run stopped). */
    public void runToEvent(long events) {
        guarded(() -> {
            while (cluster.eventCount() < events && cluster.step()) {
                // one event at a time: a fuzz failure opens exactly one event before its violation
            }
        });
    }

    /** Runs straight to simulated time {@code t} (through the scenario's steps when one plays, captions not holding). */
    public void fastForward(long t) {
        guarded(() -> {
            if (player != null) {
                player.fastForward(t);
            } else {
                applied = recording.replayFrom(cluster, applied, t, Long.MAX_VALUE);
            }
        });
    }

    /**
     * Rewinds to simulated time {@code t}: the session is rebuilt on a fresh cluster from the start,
     * replaying the recorded actions up to {@code t} exactly as they happened (or the scenario, when
     * one plays). The recorded future stays until the person acts.
     */
    public void rewindTo(long t) {
        rebuild(Math.max(0, t), Long.MAX_VALUE);
    }

    /** Steps back one event: the session rebuilt up to the event before the current one. */
    public void stepBack() {
        long events = cluster.eventCount();
        if (events > 0) {
            rebuild(cluster.now(), events - 1);
        }
    }

    private void rebuild(long t, long maxEvents) {
        horizon = Math.max(horizon, cluster.now()); // going back never forgets how far the session got
        if (player != null) {
            startScenario(player.scenario());
            guarded(() -> player.fastForward(t));
        } else {
            cluster = build(recording.cluster());
            guarded(() -> applied = recording.replayFrom(cluster, 0, t, maxEvents));
        }
    }

    // ------------------------------------------------------------------ what a person does

    /**
     * What a person does (a click, a REST call, a form): applied as a
     * timed input at the current simulated time and recorded, so the session can be saved as a
     * scenario that replays to the same trace. Acting in the past forks a new future.
     * {@code outcome} hears what happened, {@code replies} a controller command's later answer.
     */
    public void perform(Action action, Consumer<Outcome> outcome, Consumer<ControllerReply> replies) {
        if (recordedActionsAfterNow() > 0) {
            lastFork = new Fork(recording.copy(), cluster.now(), cluster.eventCount());
        }
        recording.truncate(applied);
        recording.add(cluster.now(), action);
        applied = recording.size();
        LiveAction.asInput(action, cluster, outcome, replies);
        guarded(() -> cluster.runUntil(cluster.now()));
    }

    /**
     * How many recorded actions lie after now (after a rewind or a step back): acting now drops
     * them. Zero while a scenario plays (its own steps are its future).
     */
    public int recordedActionsAfterNow() {
        return player != null ? 0 : recording.size() - applied;
    }

    /** Simulated time of the first recorded action after now, -1 when there is none. */
    public long firstRecordedActionAfterNow() {
        return recordedActionsAfterNow() > 0 ? recording.atMs(applied) : -1;
    }

    /** True when the last fork can be undone ({@link #undoFork}). */
    public boolean canUndoFork() {
        return lastFork != null && player == null;
    }

    /**
     * Undoes the last fork: the recording it dropped comes back and the session is rebuilt to the
     * moment just before the action that forked (same time, same event), so the future replays.
     */
    public boolean undoFork() {
        if (!canUndoFork()) {
            return false;
        }
        Fork f = lastFork;
        lastFork = null;
        recording = f.recording();
        rebuild(f.atMs(), f.events());
        return true;
    }

    /** The recording as it was before a fork, and where the session stood when it forked. */
    private record Fork(SessionRecording recording, long atMs, long events) {
    }

    /** Replaces the running cluster with a fresh one of {@code config}; the recording starts anew. */
    public void restart(ClusterConfig config) {
        player = null;
        horizon = 0;
        cluster = build(config);
        recording = new SessionRecording(config);
        applied = 0;
        lastFork = null;
    }

    /** Starts a scenario from its beginning on a fresh cluster of its own. */
    public void play(Scenario scenario) {
        horizon = 0;
        recording = new SessionRecording(scenario.cluster());
        applied = 0;
        lastFork = null;
        startScenario(scenario);
    }

    private void startScenario(Scenario scenario) {
        cluster = build(scenario.cluster());
        player = new ScenarioPlayer(scenario, cluster);
        player.onSpeed(speedRequests);
    }

    /** Plays every remaining step of the scenario, captions not holding, and stops at the last one; null without a scenario. */
    public ScenarioRun playToEnd() {
        if (player == null) {
            return null;
        }
        guarded(player::playToEnd);
        player.endRun(); // when the run stopped inside playToEnd, what did not play is still reported
        var reports = player.reports();
        return new ScenarioRun(player.scenario(), reports, player.answers(), cluster.now(),
                cluster.eventCount(), traceSha256());
    }

    /** True while a pausing caption waits for the presenter. */
    public boolean heldByCaption() {
        return player != null && player.heldByCaption();
    }

    /** True while the scenario holds until what is on screen has been read. */
    public boolean heldForReading() {
        return player != null && player.heldForReading();
    }

    /** What the scenario has on screen ({@link Narration#NONE} when none plays). */
    public Narration narration() {
        return player == null ? Narration.NONE : player.narration();
    }

    /** Whether the state the narration on screen speaks of holds now; null when it names none. */
    public Boolean showing() {
        return player == null ? null : player.showing();
    }

    /** The student's answer to the question asked: revealed, and the scenario goes on. */
    public void answer(int choice) {
        if (player != null) {
            player.answer(choice);
        }
    }

    /** The scenario being played, or null. */
    public Scenario scenario() {
        return player == null ? null : player.scenario();
    }

    /** How fast the moment at hand should play relative to the chosen speed (see {@link SlowMotion}). */
    public double slowMotionFactor() {
        return SlowMotion.factor(cluster, recent);
    }

    /** Simulated time of the next queued event (Long.MAX_VALUE when none). */
    public long nextEventTime() {
        return cluster.nextEventTime();
    }

    /** After a pausing caption: the scenario goes on. */
    public void proceed() {
        if (player != null) {
            player.proceed();
        }
    }

    /** Plays exactly the next scenario step; false when no scenario plays. */
    public boolean nextStep() {
        if (player == null) {
            return false;
        }
        player.advanceOneStep();
        return true;
    }

    /**
     * Runs {@code setup} on the cluster outside the recorded inputs: for setting a headless run up
     * (a workload, a trace listener), never for what a person does (that is {@link #perform}).
     */
    public void setUp(Consumer<Cluster> setup) {
        setup.accept(cluster);
    }

    /** Which node's newest log entries the frames carry ({@link #FOLLOW_LEADER}: the leader's). */
    public void showRecordsOf(int node) {
        recordsNode = node;
    }

    // ------------------------------------------------------------------ reading

    /** The session so far as a scenario file's text: replaying it gives this trace. */
    public String recordingJson() {
        // what is on the timeline now: not the actions a rewind or a step back has undone
        return recording.toScenarioJson("Recorded session (seed " + cluster.config().seed() + ")", cluster.now(), applied);
    }

    /** The cluster's state now, immutable. */
    public ClusterSnapshot snapshot() {
        return cluster.snapshot();
    }

    /** DescribeQuorum sent to node {@code id} now (see {@link Cluster#describeQuorum(int)}). */
    public io.yakraft.cluster.DescribeQuorumAnswer describeQuorum(int id) {
        return cluster.describeQuorum(id);
    }

    /** The committed metadata now: the leader's image (see {@link Cluster#committedImage()}). */
    public io.yakraft.metadata.MetadataImage committedImage() {
        return cluster.committedImage();
    }

    public String traceSha256() {
        return cluster.traceSha256();
    }

    /** Every trace record so far (up to {@link #MAX_EXPORTED_EVENTS}). */
    public List<TraceEvent> trace() {
        return List.copyOf(fullTrace);
    }

    /**
     * The leader's committed log after {@code since} (at most {@code max} entries), or null when no
     * leader is known; with the leader's image when {@code since} lies before its log start.
     */
    public CommittedLog committedSince(long since, int max) {
        int leader = cluster.leaderId();
        if (leader < 0) {
            return null;
        }
        LogRange log = cluster.logRange(leader);
        List<LogEntry> entries = cluster.committedEntries(leader, since + 1, max);
        return new CommittedLog(log.highWatermark(), log.startOffset(), entries,
                since + 1 < log.startOffset() ? cluster.image(leader) : null);
    }

    /** An immutable picture of now, for the window; {@code speed} and {@code paused} are the pacer's. */
    public Frame frame(double speed, boolean paused, long frameNumber) {
        return frame(speed, paused, frameNumber, null);
    }

    /** As {@link #frame(double, boolean, long)}, reporting {@code problem}: the last command that failed on the driving thread. */
    public Frame frame(double speed, boolean paused, long frameNumber, String problem) {
        ClusterSnapshot snapshot = cluster.snapshot();
        int node = recordsNode;
        if (node == FOLLOW_LEADER || !cluster.allIds().contains(node)) {
            node = snapshot.leaderId() >= 0 ? snapshot.leaderId() : cluster.voterIds()[0];
        }
        LogRange log = cluster.logRange(node);
        List<LogEntry> records = cluster.entries(node, log.endOffset() - RECORDS_SHOWN, log.endOffset());
        horizon = Math.max(horizon, Math.max(cluster.now(), recording.lastAtMs()));
        if (markersChanged) {
            publishedMarkers = markers.view(); // shares the array: no copy per frame
            markersChanged = false;
        }
        return new Frame(snapshot, List.copyOf(recent), traceRecords, speed, paused, frameNumber, node, records,
                player == null ? null : ScenarioStatus.of(player), publishedMarkers, horizon, cluster.config(), problem);
    }

    /** A fresh cluster of this config, wired to the event history and the timeline (all emptied). */
    private Cluster build(ClusterConfig config) {
        recent.clear();
        fullTrace.clear();
        traceRecords = 0;
        markers.clear();
        markersChanged = true;
        Cluster c = new Cluster(config);
        new InvariantChecker(c);
        if (keepsHistory) {
            c.addTraceListener(this::heard);
        }
        c.addTraceListener(listener);
        c.start();
        return c;
    }

    private void heard(TraceEvent e) {
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
    }
}
