package io.yakraft.session;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pacer's own test, the one place a test waits on the wall clock: the pacer is the only
 * thing that turns wall time into simulated time. Bounds are generous; a wait that runs out fails.
 */
class PacerTest {
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static long now(LiveSession live) {
        return live.latest().snapshot().now();
    }

    @Test
    void itLetsSimulatedTimePassWhileRunningAndNotWhilePausedOrClosed() throws Exception {
        LiveSession live = new LiveSession(Session.defaultConfig(42, 3, 0), 10, false);
        try (Pacer pacer = new Pacer(live)) {
            long deadline = System.nanoTime() + LIMIT_NANOS;
            while (now(live) < 500) {
                assertTrue(System.nanoTime() < deadline, "the pacer moved simulated time within 60 s of wall time");
                Thread.sleep(5);
            }
            live.setPaused(true);
            long frame = live.latest().frameNumber();
            while (live.latest().frameNumber() < frame + 3) { // ticks go on while paused
                assertTrue(System.nanoTime() < deadline, "the pacer keeps publishing frames");
                Thread.sleep(5);
            }
            long paused = now(live);
            frame = live.latest().frameNumber();
            while (live.latest().frameNumber() < frame + 5) {
                assertTrue(System.nanoTime() < deadline, "the pacer keeps publishing frames");
                Thread.sleep(5);
            }
            assertEquals(paused, now(live), "paused: frames go on, simulated time does not");
        }
        long frame = live.latest().frameNumber();
        Thread.sleep(100);
        assertEquals(frame, live.latest().frameNumber(), "closed: the pacer's thread stopped");
    }
}
