package io.yakraft.scenario;

/**
 * Whether a scenario may go on to its next step. A paced player (the window's) asks before each
 * step that moves the lesson on; a "no" holds the simulation exactly where it is, and a later
 * call asks again. Holding never changes what the simulation does, only when in wall time it
 * gets there: the trace is the same with or without pacing.
 */
@FunctionalInterface
public interface Pacing {
    /** Never holds: headless runs, rewinds and tests that move time themselves. */
    Pacing NONE = (next, current) -> true;

    /** May {@code next} start while {@code current} is on screen? */
    boolean mayStart(Step next, Narration current);
}
