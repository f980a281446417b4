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
    /** True once {@link #endRun} has reported the steps that did not play. */
    private boolean ended;
    private long previousAt;
    private long waitingSince = -1;
    /** The next simulated time the wait in progress checks its condition. */
    private long nextCheckAt;
    private boolean heldByCaption;
    /** Held because the narration on screen has not been read yet (a paced player only). */
    private boolean heldForReading;
    private String caption = "";
    private DoubleConsumer speed = s -> { };
    private Pacing pacing = Pacing.NONE;
    private Narration narration = Narration.NONE;
    private final List<Narration> history = new ArrayList<>();
    /** The question asked and not yet answered, or null. */
    private Question asked;
    /** The question whose answer is revealed (until the next narration), and the choice picked. */
    private Question revealed;
    private int picked = -1;

    /** Plays {@code scenario} on a started cluster; a fuzz replay's plan is armed on it at once. */
    public ScenarioPlayer(Scenario scenario, Cluster cluster) {
        this.scenario = scenario;
        this.cluster = cluster;
        cluster.stopAtViolation(scenario.stopAtViolation());
        if (scenario.fuzz() != null) {
            scenario.fuzz().plan().arm(cluster);
        }
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

    /** Who decides, in wall time, when the next step may start (see {@link Pacing}). */
    public void pacing(Pacing p) {
        pacing = p;
    }

    /** True while a caption with {@code "pause": true} waits for the presenter, or a question for an answer. */
    public boolean heldByCaption() {
        return heldByCaption;
    }

    /** True while the narration on screen holds the next step until it has been read. */
    public boolean heldForReading() {
        return heldForReading;
    }

    /** The presenter continues after a pausing caption (a question asked goes on unanswered). */
    public void proceed() {
        heldByCaption = false;
        asked = null;
    }

    /** The student picked {@code choice} of the question asked: the answer is revealed and the lesson goes on. */
    public void answer(int choice) {
        if (asked == null) {
            return;
        }
        revealed = asked;
        picked = choice;
        asked = null;
        heldByCaption = false;
        narrate(narration.step(), revealed.reveal(), narration.shows());
    }

    /** The question waiting for an answer, or null. */
    public Question asked() {
        return asked;
    }

    /** The question whose answer is on screen, or null. */
    public Question revealed() {
        return revealed;
    }

    /** The choice picked for the revealed question. */
    public int picked() {
        return picked;
    }

    /** What is on screen for the audience now. */
    public Narration narration() {
        return narration;
    }

    /** Every caption and question shown so far, oldest first (a rewind target each). */
    public List<Narration> history() {
        return List.copyOf(history);
    }

    /**
     * Whether the state the narration on screen speaks of holds now; null when it names none.
     * For a pacing report: how long the audience sees what they are told about.
     */
    public Boolean showing() {
        return narration.shows() == null ? null : Checks.evaluate(narration.shows(), cluster, answers).passed();
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
        if (cluster.now() < until && (finished() || !heldByCaption && !heldForReading)) {
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
        heldForReading = false;
        asked = null;
    }

    /** Plays exactly the next step (waiting for it if it is not due yet), even past a pausing caption. */
    public void advanceOneStep() {
        heldByCaption = false;
        heldForReading = false;
        asked = null;
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
        heldForReading = false;
        // once a violation stopped the simulation time no longer moves: nothing more can be played
        while (!finished() && !cluster.stopped() && next < stopBefore && !(heldByCaption && honourPauses)) {
            Step s = scenario.steps().get(next);
            long due = s.atMs() >= 0 ? s.atMs() : s.afterMs() >= 0 ? previousAt + s.afterMs() : previousAt;
            due = Math.max(due, cluster.now());
            if (due > until) {
                break;
            }
            cluster.runUntil(due);
            // the audience reads before the lesson moves on: the simulation holds here (a wait once begun runs on)
            if (honourPauses && waitingSince < 0 && !s.passive() && !pacing.mayStart(s, narration)) {
                heldForReading = true;
                break;
            }
            if (s.waitFor() != null && !waited(s, until)) {
                break; // still waiting at `until`
            }
            play(s);
        }
    }

    /** Plays every step, captions do not pause, and stops at the last one; returns the reports. */
    public List<StepReport> playToEnd() {
        play(Long.MAX_VALUE / 4, false);
        endRun();
        return reports();
    }

    /**
     * Closes a run played to its end: every step that did not play is a failed report saying why
     * (a run never passes what it did not run), and a violation that stopped the run is one too.
     * Called again it adds nothing.
     */
    public void endRun() {
        if (ended) {
            return;
        }
        ended = true;
        String why = cluster.stopped() ? "the run stopped at " + cluster.now() + " ms on an invariant violation: "
                + String.join("; ", cluster.violations()) : "the run ended before this step";
        int from = next;
        if (next > 0 && scenario.steps().get(next - 1).action() != null && reports.stream().noneMatch(r -> r.step() == next)) {
            from = next - 1; // it started, but the run stopped before its action was carried out
        }
        for (int i = from; i < scenario.steps().size(); i++) {
            Step s = scenario.steps().get(i);
            reports.add(new StepReport(i + 1, s.line(), cluster.now(), s.describe(), true, false, "not run: " + why));
        }
        if (cluster.stopped()) {
            reports.add(new StepReport(Math.min(from + 1, scenario.steps().size()), 0, cluster.now(), "invariants hold",
                    true, false, why));
        }
    }

    /**
     * Checks the step's wait at its start and then on the grid, up to {@code until}; true once it
     * is over (held or timed out). The check runs only at those points, never where a caller's
     * slice happened to end, so a window advancing in wall-clock slices sees it pass at the same
     * simulated time as a headless run.
     */
    private boolean waited(Step s, long until) {
        if (waitingSince < 0) {
            waitingSince = cluster.now();
            nextCheckAt = cluster.now();
        }
        long deadline = waitingSince + s.timeoutMs();
        while (!cluster.stopped()) {
            if (cluster.now() >= nextCheckAt) {
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
                nextCheckAt = Math.min(deadline, (cluster.now() / GRID_MS + 1) * GRID_MS);
            }
            if (nextCheckAt > until) {
                return false;
            }
            cluster.runUntil(nextCheckAt);
        }
        return false; // the run stopped mid-wait: the step is reported as not run (see playToEnd)
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
        if (s.question() != null) {
            Question q = s.question();
            asked = q;
            revealed = null;
            picked = -1;
            heldByCaption = true;
            narrate(s.index(), q.text(), s.shows());
            report(s, s.describe(), false, true, "choices: " + String.join(" | ", q.choices()) + "; answer: "
                    + q.choices().get(q.answer()));
            return;
        }
        Outcome[] outcome = new Outcome[1];
        Actions.answered(s.typed(), s.describe(), cluster, answers::add, o -> outcome[0] = o);
        cluster.runUntil(cluster.now());
        if (s.typed() instanceof Action.Caption c) {
            revealed = null;
            narrate(s.index(), c.text(), s.shows());
            heldByCaption = c.pause();
        } else if (s.typed() instanceof Action.SetSpeed sp) {
            speed.accept(sp.speed());
        }
        // an action that threw while it was carried out is a failed step (the run goes on)
        boolean failed = outcome[0] instanceof Outcome.Refused r && r.code() == io.yakraft.cluster.ErrorCode.ACTION_FAILED;
        report(s, s.describe(), failed, !failed, outcome[0] == null ? null : outcome[0].describe());
    }

    private void narrate(int step, String text, Check shows) {
        caption = text;
        narration = new Narration(narration.serial() + 1, cluster.now(), step, text, shows);
        history.add(narration);
    }

    private void report(Step s, String description, boolean expectation, boolean passed, String message) {
        reports.add(new StepReport(s.index() + 1, s.line(), cluster.now(), description, expectation, passed, message));
    }
}
