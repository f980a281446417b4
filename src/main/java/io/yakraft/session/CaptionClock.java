package io.yakraft.session;

import io.yakraft.scenario.Narration;
import io.yakraft.scenario.Pacing;
import io.yakraft.scenario.ReadingTime;
import io.yakraft.scenario.Step;

/**
 * Holds a lesson until its audience has read what is on screen: each caption, question or
 * revealed answer must have been readable for its {@link ReadingTime} in wall time before the
 * next step may start. Fed with wall milliseconds by whoever paces the session (the pacer's
 * ticks, or a pacing report's virtual ones); it reads no clock itself, and holding only delays
 * the simulation in wall time, never changes it.
 */
public final class CaptionClock implements Pacing {
    private int seen = -1;
    private double readMs;
    private long needMs;

    /** {@code wallMillis} of wall time passed with {@code current} on screen. */
    public void elapse(Narration current, double wallMillis) {
        sync(current);
        readMs += wallMillis;
    }

    /** Notes what is on screen now: a new narration starts its reading time from zero. */
    public void sync(Narration current) {
        if (current.serial() != seen) {
            seen = current.serial();
            readMs = 0;
            needMs = current.serial() == 0 ? 0 : ReadingTime.millis(current.text());
        }
    }

    /** True once {@code current} has been readable for its reading time. */
    public boolean read(Narration current) {
        sync(current);
        return readMs >= needMs;
    }

    /** Wall milliseconds {@code current} has been readable. */
    public double readableMs(Narration current) {
        sync(current);
        return readMs;
    }

    @Override
    public boolean mayStart(Step next, Narration current) {
        return read(current);
    }
}
