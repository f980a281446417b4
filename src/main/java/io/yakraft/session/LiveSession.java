package io.yakraft.session;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.ErrorCode;
import io.yakraft.cluster.Outcome;
import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.scenario.Scenario;
import io.yakraft.sim.TraceEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A {@link Session} shared between the window or the REST API and whoever drives it. Other
 * threads never touch the session: they queue commands, which run in order on the driving
 * thread at the simulated time the session has then reached, and they read the latest immutable
 * {@link Frame}. The driver is a {@link Pacer} in the app (wall clock × speed) and the test or
 * the command itself elsewhere ({@link #advanceBy}); this class has no thread and no clock.
 */
public final class LiveSession {
    public static final double MIN_SPEED = 0.01;
    public static final double MAX_SPEED = 1000;
    /** Lessons play at this speed: Kafka's 1–2 s election timeouts take a few seconds to watch. */
    public static final double LESSON_SPEED = 0.3;

    private final Session session;
    private final ConcurrentLinkedQueue<Consumer<Session>> commands = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private volatile double speed;
    private volatile boolean paused;
    /** Slow down at key events, speed up across idle waits (wall-clock pacing only). */
    private volatile boolean slowMotion;
    /** The pace factor the last tick used (1 without slow motion), for the window to show. */
    private volatile double pace = 1;
    /** Holds a lesson until what is on screen has been read, in wall time. */
    private final CaptionClock captions = new CaptionClock();
    /** Off only to measure how a lesson read before captions held it (a pacing report's baseline). */
    private boolean holdForReading = true;
    /** Simulated milliseconds owed to the session but not yet whole. */
    private double carry;
    /** The outcome of an action the person called off to keep the recorded future. */
    private static final Outcome KEPT_THE_FUTURE = new Outcome.Refused(ErrorCode.FORK_DECLINED, "act in the past",
            "not done: the recorded future was kept");
    private long frames;
    /** Conditions someone waits for, checked on the driving thread after every move. */
    private final List<Waiter> waiters = new ArrayList<>();
    /** Answers handed out that the simulation has yet to give (controller replies, conditions). */
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Object signal = new Object();
    /** The last command that failed on the driving thread, for the window's status line; null when none did. */
    private volatile String problem;

    /** Published with each frame: the recorded actions after now, the first one's time, whether a fork can be undone. */
    private volatile int futureActions;
    private volatile long futureFromMs = -1;
    private volatile boolean canUndoFork;
    private volatile ForkGuard forkGuard;

    /**
     * Asked, on the thread that acts, before an action would drop recorded actions after now (a
     * fork after a rewind or a step back); false keeps the future and drops the action instead.
     */
    @FunctionalInterface
    public interface ForkGuard {
        boolean allowFork(int droppedActions, long firstDroppedAtMs, long nowMs);
    }

    private record Waiter(Predicate<Session> condition, CompletableFuture<Void> done) {
    }

    public LiveSession(ClusterConfig config, double speed, boolean paused) {
        this.session = new Session(config);
        this.speed = clamp(speed);
        this.paused = paused;
        session.onSpeedRequest(this::setSpeed);
        publish();
    }

    // ------------------------------------------------------------------ driving (one thread at a time)

    /**
     * Runs the queued commands, then, unless paused, lets {@code wallMillis} × speed (× the slow
     * motion factor when on) of simulated time pass, and publishes a frame. A pausing caption or
     * a question pauses (the presenter continues); a lesson holds while its caption is read.
     */
    public void tick(double wallMillis) {
        try {
            move(wallMillis);
        } catch (RuntimeException | StackOverflowError e) {
            // the pacer thread never dies: the failure goes into the frame and the next tick runs
            problem = "a tick failed at " + session.now() + " ms: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        publish();
    }

    private void move(double wallMillis) {
        captions.elapse(session.narration(), wallMillis); // the tick's wall time passed with what was on screen
        runCommands();
        captions.sync(session.narration());
        if (!paused && !session.stopped()) {
            double factor = slowMotion ? session.slowMotionFactor() : 1;
            pace = factor;
            carry += wallMillis * speed * factor;
            long advance = (long) carry;
            carry -= advance;
            if (factor > 1) {
                // speeding across an idle wait stops at the next event, so a key moment is never jumped into
                long gap = Math.max(0, session.nextEventTime() - session.now());
                if (advance > gap) {
                    advance = gap;
                    carry = 0;
                }
            }
            if (advance > 0) {
                session.advance(advance, holdForReading ? captions : io.yakraft.scenario.Pacing.NONE);
                if (session.heldByCaption()) {
                    paused = true;
                }
                if (session.heldForReading()) {
                    carry = 0; // the simulation waits for the reader: no simulated time is owed meanwhile
                }
            }
            captions.sync(session.narration());
        }
    }

    /** Runs the queued commands, then {@code simMillis} of simulated time whether paused or not, and publishes. */
    public void advanceBy(long simMillis) {
        runCommands();
        session.advance(simMillis);
        if (session.heldByCaption()) {
            paused = true; // as the pacer would: the presenter continues
        }
        publish();
    }

    /** Runs the queued commands and publishes, without moving time. */
    public void runPending() {
        runCommands();
        publish();
    }

    /** True when commands wait for the driving thread. */
    public boolean hasPendingCommands() {
        return !commands.isEmpty();
    }

    /**
     * Runs the queued commands in order. One that throws is reported in the next frame
     * ({@link Frame#problem}) and the rest still run: a command's failure is its own, never the
     * driving thread's (which would leave the window frozen and every later request unanswered).
     */
    private void runCommands() {
        Consumer<Session> c;
        while ((c = commands.poll()) != null) {
            try {
                c.accept(session);
            } catch (RuntimeException | StackOverflowError e) {
                problem = "a command failed at " + session.now() + " ms and was dropped: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        checkWaiters();
    }

    private void checkWaiters() {
        for (var it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            boolean holds;
            try {
                holds = w.condition().test(session);
            } catch (RuntimeException e) {
                it.remove();
                answered();
                w.done().completeExceptionally(e); // a condition that cannot be evaluated fails its waiter, not the driver
                continue;
            }
            if (holds) {
                it.remove();
                answered();
                w.done().complete(null);
            }
        }
    }

    private void publish() {
        checkWaiters();
        futureActions = session.recordedActionsAfterNow();
        futureFromMs = session.firstRecordedActionAfterNow();
        canUndoFork = session.canUndoFork();
        latest.set(session.frame(speed, paused, frames++, problem));
    }

    private void answered() {
        outstanding.decrementAndGet();
        wake();
    }

    // ------------------------------------------------------------------ for drivers that move time only when asked

    /**
     * True while the simulation owes someone something: a queued command, a controller's reply or a
     * condition being waited for. A driver that is not a pacer lets simulated time pass only then.
     */
    public boolean owesAnswers() {
        return !commands.isEmpty() || outstanding.get() > 0;
    }

    /**
     * Blocks the driving thread until {@link #owesAnswers} or {@link #wake} is called, at most
     * {@code timeoutMillis}; returns whether the simulation owes answers now. A synchronisation with
     * the threads that ask, never a way to let time pass (this class reads no clock).
     */
    public boolean awaitWork(long timeoutMillis) throws InterruptedException {
        synchronized (signal) {
            if (!owesAnswers()) {
                signal.wait(timeoutMillis);
            }
            return owesAnswers();
        }
    }

    /** Wakes a driver blocked in {@link #awaitWork} (for example: the answer it waited for went out). */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    // ------------------------------------------------------------------ from any thread

    /** Queues {@code command} to run on the driving thread between events (for setting a run up). */
    public void submit(Consumer<Session> command) {
        commands.add(command);
        wake();
    }

    /** Reads the session on the driving thread, in order with the commands before it (so a read follows a write). */
    public <T> CompletableFuture<T> query(Function<Session, T> read) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        submit(s -> {
            try {
                answer.complete(read.apply(s));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e); // the reader hears its failure; it never waits for an answer that cannot come
            }
        });
        return answer;
    }

    /** Completes once {@code condition} holds on the session (checked after every command and move). */
    public CompletableFuture<Void> when(Predicate<Session> condition) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        outstanding.incrementAndGet();
        submit(s -> waiters.add(new Waiter(condition, done)));
        return done;
    }

    public Frame latest() {
        return latest.get();
    }

    public ClusterSnapshot snapshot() {
        return latest().snapshot();
    }

    /** The configuration of the cluster in the latest frame. */
    public ClusterConfig config() {
        return latest().config();
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

    /** See {@link Session#perform}: the callbacks run on the driving thread. */
    public void perform(Action action, Consumer<Outcome> outcome, Consumer<ControllerReply> replies) {
        if (!forkAllowed()) {
            outcome.accept(KEPT_THE_FUTURE);
            return;
        }
        submit(s -> s.perform(action, outcome, replies));
    }
    /** Who to ask before an action drops the recorded future (the window); null: nobody, it is dropped. */
    public void setForkGuard(ForkGuard guard) {
        forkGuard = guard;
    }

    /** As of the latest frame: how many recorded actions lie after now (see {@link Session#recordedActionsAfterNow}). */
    public int recordedActionsAfterNow() {
        return futureActions;
    }

    /** As of the latest frame: true when the last fork can be undone. */
    public boolean canUndoFork() {
        return canUndoFork;
    }

    /** Pauses and undoes the last fork: the dropped future comes back (see {@link Session#undoFork}). */
    public void undoFork() {
        paused = true;
        canUndoFork = false;
        submit(Session::undoFork);
    }

    /** Asks the guard once per fork; after a yes, the future counts as gone until the next frame says otherwise. */
    private boolean forkAllowed() {
        ForkGuard guard = forkGuard;
        int dropped = futureActions;
        if (guard == null || dropped == 0) {
            return true;
        }
        if (!guard.allowFork(dropped, futureFromMs, latest().snapshot().now())) {
            return false;
        }
        futureActions = 0;
        return true;
    }

    public void perform(Action action) {
        perform(action, o -> { }, r -> { });
    }

    /**
     * Performs {@code action} for someone who waits for its answers: the outcome completes when it
     * ran, the reply when the controller answered a command it sent. Until then the simulation
     * {@link #owesAnswers}; an outcome that sent nothing to the controller owes no reply.
     */
    public Pending request(Action action) {
        outstanding.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean owed = new java.util.concurrent.atomic.AtomicBoolean(true);
        Runnable settle = () -> {
            if (owed.compareAndSet(true, false)) {
                answered();
            }
        };
        Pending p = new Pending(new CompletableFuture<>(), new CompletableFuture<>());
        if (!forkAllowed()) {
            p.outcome().complete(KEPT_THE_FUTURE);
            settle.run();
            return p;
        }
        perform(action, o -> {
            p.outcome().complete(o);
            if (!(o instanceof Outcome.CommandSent || o instanceof Outcome.ProducerIdsRequested)) {
                settle.run();
            }
        }, r -> {
            p.reply().complete(r);
            settle.run();
        });
        return p;
    }

    /** What an action gives back, as it becomes known. */
    public record Pending(CompletableFuture<Outcome> outcome, CompletableFuture<ControllerReply> reply) {
    }

    public boolean slowMotion() {
        return slowMotion;
    }

    /** Slow motion at key events on or off (wall-clock pacing only: the trace is the same). */
    public void setSlowMotion(boolean on) {
        slowMotion = on;
    }

    /** The pace factor of the last tick: below 1 in slow motion, above 1 across an idle wait. */
    public double pace() {
        return pace;
    }

    /** The student's pick for the question asked: the answer is revealed and the lesson plays on. */
    public void answer(int choice) {
        submit(s -> {
            s.answer(choice);
            if (!s.heldByCaption()) {
                paused = false;
            }
        });
    }

    void holdForReading(boolean on) {
        holdForReading = on;
    }

    /** The session itself, for a driver on this session's driving thread (a pacing report). */
    Session session() {
        return session;
    }

    /** Pauses and processes exactly one event. */
    public void step() {
        paused = true;
        submit(Session::step);
    }

    /** Pauses and steps back one event. */
    public void stepBack() {
        paused = true;
        submit(Session::stepBack);
    }

    /** Pauses and rewinds to simulated time {@code t}. */
    public void rewindTo(long t) {
        paused = true;
        submit(s -> s.rewindTo(t));
    }

    public void fastForward(long t) {
        submit(s -> s.fastForward(t));
    }

    public void restart(ClusterConfig config) {
        submit(s -> s.restart(config));
    }

    /** Plays {@code scenario} from its start on a fresh cluster, running. */
    public void play(Scenario scenario) {
        slowMotion = scenario.slowMotion();
        submit(s -> {
            s.play(scenario);
            paused = false;
        });
    }

    /**
     * Opens a scenario paused just before event {@code event}: a fuzz failure opens one event before
     * its violation, so the next step shows the event that breaks the rule.
     */
    public void playPausedBefore(Scenario scenario, long event) {
        slowMotion = scenario.slowMotion();
        paused = true;
        submit(s -> {
            s.play(scenario);
            s.runToEvent(event - 1);
            paused = true;
        });
    }

    /** After a pausing caption: go on playing. */
    public void proceed() {
        submit(s -> {
            s.proceed();
            paused = false;
        });
    }

    /** Pauses and plays exactly the next scenario step. */
    public void nextStep() {
        submit(s -> {
            if (s.nextStep()) {
                paused = true;
            }
        });
    }

    /** Queues {@link Session#setUp}: a workload or listener for a headless run, outside the recording. */
    public void setUp(Consumer<io.yakraft.cluster.Cluster> setup) {
        submit(s -> s.setUp(setup));
    }

    public void showRecordsOf(int node) {
        submit(s -> s.showRecordsOf(node));
    }

    public void traceSha256(Consumer<String> hash) {
        submit(s -> hash.accept(s.traceSha256()));
    }

    public void committedSince(long since, int max, Consumer<CommittedLog> answer) {
        submit(s -> answer.accept(s.committedSince(since, max)));
    }

    /** Writes the session so far as a scenario file; {@code done} gets null or the error. */
    public void saveRecording(Path file, Consumer<String> done) {
        submit(s -> {
            String json = s.recordingJson();
            try {
                Files.writeString(file, json, StandardCharsets.UTF_8);
                done.accept(null);
            } catch (IOException e) {
                done.accept(e.getMessage());
            }
        });
    }

    /** Writes every trace record so far as JSON lines (as {@code sim --trace}); {@code done} gets null or the error. */
    public void exportTrace(Path file, Consumer<String> done) {
        submit(s -> {
            List<TraceEvent> events = s.trace();
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (TraceEvent e : events) {
                    w.write(e.toJsonLine());
                    w.write('\n');
                }
                done.accept(null);
            } catch (IOException e) {
                done.accept(e.getMessage());
            }
        });
    }

    /** Broker ids in the latest frame, ascending. */
    public List<Integer> latestBrokerIds() {
        List<Integer> ids = new ArrayList<>();
        snapshot().nodes().stream().filter(n -> !n.voter()).forEach(n -> ids.add(n.id()));
        return ids;
    }

    /** Topic names the leader's (else any) image of the latest frame knows. */
    public List<String> latestTopicNames() {
        ClusterSnapshot s = snapshot();
        var image = s.images().get(s.leaderId() >= 0 ? s.leaderId() : s.nodes().get(0).id());
        return image == null ? List.of() : List.copyOf(image.topics().keySet());
    }

    private static double clamp(double s) {
        return Math.max(MIN_SPEED, Math.min(MAX_SPEED, s));
    }
}
