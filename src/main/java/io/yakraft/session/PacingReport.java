package io.yakraft.session;

import io.yakraft.scenario.Narration;
import io.yakraft.scenario.ReadingTime;
import io.yakraft.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * How a lesson reads in the window: the scenario played through a {@link LiveSession} exactly as
 * the pacer plays it (wall-clock ticks × speed, slow motion as the lesson sets it, the caption
 * clock holding steps until read), but on virtual wall time, with a presenter who continues
 * after a pausing caption and answers each question as soon as it has been read. For each
 * narration: how long it was readable and, when it names a state ({@code shows}), how long that
 * state was visible while it was up.
 */
public record PacingReport(String scenario, double speed, boolean slowMotion, List<Caption> captions, double wallMs,
                           long simulatedMs, String traceSha256) {
    /** A state a caption speaks of must be on screen at least this long (wall ms). */
    public static final long MIN_VISIBLE_MS = 2_000;
    /** The pacer's tick. */
    static final double TICK_MS = 16;
    /** A lesson that takes longer than this in wall time is reported as it stands. */
    static final double LIMIT_MS = 3_600_000;

    /**
     * One narration: the step that put it up, when (simulated), its text and words, the reading
     * time it needs and the wall time it was readable; {@code last}: still up when the lesson
     * ended; {@code shows}: the state it names (null: none), {@code visibleMs} how long that held.
     */
    public record Caption(int step, long atMs, String text, int words, long readingMs, double readableMs, boolean last,
                          String shows, double visibleMs) {
        public boolean readableLongEnough() {
            return last || readableMs >= readingMs;
        }

        public boolean stateVisibleLongEnough() {
            return shows == null || visibleMs >= MIN_VISIBLE_MS;
        }

        public boolean passed() {
            return readableLongEnough() && stateVisibleLongEnough();
        }
    }

    public boolean passed() {
        return captions.stream().allMatch(Caption::passed);
    }

    /** Plays {@code scenario} at {@code speed} (the window's lesson speed) on virtual wall time. */
    public static PacingReport measure(Scenario scenario, double speed) {
        return measure(scenario, speed, scenario.slowMotion());
    }

    public static PacingReport measure(Scenario scenario, double speed, boolean slowMotion) {
        return measure(scenario, speed, slowMotion, true);
    }

    /**
     * {@code holdForReading} false: captions do not hold the lesson (how lessons played before
     * they did), for comparison.
     */
    public static PacingReport measure(Scenario scenario, double speed, boolean slowMotion, boolean holdForReading) {
        LiveSession live = new LiveSession(scenario.cluster(), speed, false);
        live.holdForReading(holdForReading);
        live.play(scenario);
        live.setSlowMotion(slowMotion);
        Session session = live.session();
        List<Caption> out = new ArrayList<>();
        double wall = 0;
        Narration shown = Narration.NONE;
        double shownSince = 0;
        double visible = 0;
        while (wall < LIMIT_MS && !session.stopped()) {
            live.tick(TICK_MS);
            wall += TICK_MS;
            Narration n = session.narration();
            if (n.serial() != shown.serial()) {
                if (shown.serial() > 0) {
                    out.add(caption(shown, wall - shownSince, false, visible));
                }
                ScenarioStatus now = live.latest().scenario();
                for (Narration skipped : now.history()) {
                    if (skipped.serial() > shown.serial() && skipped.serial() < n.serial()) {
                        out.add(caption(skipped, 0, false, 0)); // replaced within one tick: never seen
                    }
                }
                shown = n;
                shownSince = wall;
                visible = 0;
            }
            if (Boolean.TRUE.equals(session.showing())) {
                visible += TICK_MS;
            }
            boolean read = wall - shownSince >= ReadingTime.millis(n.text());
            ScenarioStatus st = live.latest().scenario();
            if (read && session.heldByCaption()) {
                if (st.asked() != null) {
                    live.answer(st.asked().answer());
                } else {
                    live.proceed();
                }
            }
            if (st.finished() && read && !session.heldByCaption()) {
                break;
            }
        }
        if (shown.serial() > 0) {
            out.add(caption(shown, wall - shownSince, true, visible));
        }
        return new PacingReport(scenario.name(), speed, slowMotion, out, wall, session.now(), session.traceSha256());
    }

    private static Caption caption(Narration n, double readable, boolean last, double visible) {
        return new Caption(n.step() + 1, n.atMs(), n.text(), ReadingTime.words(n.text()), ReadingTime.millis(n.text()), readable,
                last, n.shows() == null ? null : n.shows().describe(), visible);
    }
}
