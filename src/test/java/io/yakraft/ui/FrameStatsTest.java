package io.yakraft.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Frame statistics leave a benchmark's warm-up frames out when asked to. */
class FrameStatsTest {
    @Test
    void percentilesSinceAFrameIgnoreTheFramesBefore() {
        FrameStats s = new FrameStats();
        for (int i = 0; i < 10; i++) {
            s.sample(500_000_000L); // slow warm-up frames of 500 ms
        }
        int since = s.frames();
        for (int i = 0; i < 100; i++) {
            s.sample(10_000_000L); // then steady 10 ms frames
        }
        assertEquals(500.0, s.percentileMillis(0.99), "over every frame, the warm-up dominates p99");
        assertEquals(10.0, s.percentileMillis(0.99, since), "over the measured frames only");
        assertEquals(10.0, s.percentileMillis(0.5, since));
    }

    @Test
    void theRingKeepsOnlyTheLast600Frames() {
        FrameStats s = new FrameStats();
        for (int i = 0; i < 700; i++) {
            s.sample((i < 100 ? 90 : 20) * 1_000_000L);
        }
        assertEquals(20.0, s.percentileMillis(0.99, 0), "the first 100 frames fell out of the ring");
    }
}
