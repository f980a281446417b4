package io.yakraft.scenario;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Plays a scenario's steps on a cluster. Actions are timed inputs of the simulation, and waits
 * are checked on a fixed 10 ms grid of simulated time, so the trace is the same whether the
 * window advances in wall-clock slices or a headless run goes straight to the end.
 */
public final class ScenarioPlayer {
    /** Waits look at the cluster every this many simulated milliseconds. */
    static final long GRID_MS = 10;

    private final Scenario scenario;
    private final Cluster cluster;
    private final List<StepReport> reports = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();
    private int next;
    private long previousAt;
    private long waitingSince = -1;
    private boolean heldByCaption;
    private String caption = "";
    private DoubleConsumer speed = s -> { };

    public ScenarioPlayer(Scenario scenario, Cluster cluster) {
        this.scenario = scenario;
        this.cluster = cluster;
    }

    /** Where {@code setSpeed} goes (the window's driver); ignored headless. */
    public void onSpeed(DoubleConsumer sink) {
        speed = sink;
    }

    public Scenario scenario() {
        return scenario;
    }

    public boolean finished() {
        return next >= scenario.steps().size();
    }

    /** True while a caption with {@code "pause": true} waits for the presenter. */
    public boolean heldByCaption() {
        return heldByCaption;
    }

    /** The presenter continues after a pausing caption. */
    public void proceed() {
        heldByCaption = false;
    }

    /** The latest caption's text ("" before any). */
    public String caption() {
        return caption;
    }

    /** Index of the step to play next (the number of steps played). */
    public int nextStep() {
        return next;
    }

    public List<StepReport> reports() {
        return List.copyOf(reports);
    }

    /** The controller's answers to the scenario's commands, in order. */
    public List<String> answers() {
        return List.copyOf(answers);
    }

    /**
     * Runs the simulation up to {@code until}, playing every step that falls due on the way
     * (the window's way: time goes on after the last step). Stops early at a pausing caption.
     */
    public void advance(long until) {
        play(until, true);
        if (cluster.now() < until && (finished() || !heldByCaption)) {
            cluster.runUntil(until);
        }
    }

    /** Plays up to simulated time {@code t} without holding at captions (a rewind rebuilds this way). */
    public void fastForward(long t) {
        play(t, false);
        if (cluster.now() < t) {
            cluster.runUntil(t);
        }
        heldByCaption = false;
    }

    /** Plays exactly the next step (waiting for it if it is not due yet), even past a pausing caption. */
    public void advanceOneStep() {
        heldByCaption = false;
        int target = next + 1;
        while (!finished() && next < target) {
            play(cluster.now() + GRID_MS, false, target);
            if (next < target) {
                cluster.runUntil(cluster.now() + GRID_MS);
            }
        }
    }

    private void play(long until, boolean honourPauses) {
        play(until, honourPauses, Integer.MAX_VALUE);
    }

    private void play(long until, boolean honourPauses, int stopBefore) {
        while (!finished() && next < stopBefore && !(heldByCaption && honourPauses)) {
            Step s = scenario.steps().get(next);
            long due = s.atMs() >= 0 ? s.atMs() : s.afterMs() >= 0 ? previousAt + s.afterMs() : previousAt;
            due = Math.max(due, cluster.now());
            if (due > until) {
                break;
            }
            cluster.runUntil(due);
            if (s.waitFor() != null && !waited(s, until)) {
                break; // still waiting at `until`
            }
            play(s);
        }
    }

    /** Plays every step, captions do not pause, and stops at the last one; returns the reports. */
    public List<StepReport> playToEnd() {
        play(Long.MAX_VALUE / 4, false);
        return reports();
    }

    /** Checks the step's wait on the grid up to {@code until}; true once it is over (held or timed out). */
    private boolean waited(Step s, long until) {
        if (waitingSince < 0) {
            waitingSince = cluster.now();
        }
        long deadline = waitingSince + s.timeoutMs();
        while (true) {
            Checks.Outcome o = Checks.evaluate(s.waitFor(), cluster, answers);
            if (o.passed()) {
                report(s, "waited for " + s.waitFor().describe(), true, true, o.message());
                waitingSince = -1;
                return true;
            }
            if (cluster.now() >= deadline) {
                report(s, "waited for " + s.waitFor().describe(), true, false, "timed out after "
                        + s.timeoutMs() + " ms: " + o.message());
                waitingSince = -1;
                return true;
            }
            long t = Math.min(deadline, (cluster.now() / GRID_MS + 1) * GRID_MS);
            if (t > until) {
                return false;
            }
            cluster.runUntil(t);
        }
    }

    private void play(Step s) {
        next++;
        previousAt = cluster.now();
        if (s.action() == null) {
            return;
        }
        if (s.action().equals("expect")) {
            Check check = Check.of(s.args());
            Checks.Outcome o = Checks.evaluate(check, cluster, answers);
            report(s, s.describe(), true, o.passed(), o.message());
            return;
        }
        Outcome[] outcome = new Outcome[1];
        Actions.answered(s.typed(), s.describe(), cluster, answers::add, o -> outcome[0] = o);
        cluster.runUntil(cluster.now());
        if (s.typed() instanceof Action.Caption c) {
            caption = c.text();
            heldByCaption = c.pause();
        } else if (s.typed() instanceof Action.SetSpeed sp) {
            speed.accept(sp.speed());
        }
        report(s, s.describe(), false, true, outcome[0] == null ? null : outcome[0].describe());
    }

    private void report(Step s, String description, boolean expectation, boolean passed, String message) {
        reports.add(new StepReport(s.index() + 1, s.line(), cluster.now(), description, expectation, passed, message));
    }
}
