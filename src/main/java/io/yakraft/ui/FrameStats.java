package io.yakraft.ui;

import io.yakraft.session.Frame;
import java.util.Arrays;

/** Frame times (gaps between frames, or work per frame) of the last 600 frames, for the FPS overlay and the UI benchmark. */
public final class FrameStats {
    private final long[] gaps = new long[600];
    private int count;
    private long last = -1;

    /** Adds one sample directly (a duration rather than the gap between two ticks). */
    public void sample(long nanos) {
        gaps[count % gaps.length] = nanos;
        count++;
    }

    public void tick(long nanos) {
        if (last >= 0) {
            gaps[count % gaps.length] = nanos - last;
            count++;
        }
        last = nanos;
    }

    private long[] sorted() {
        long[] s = Arrays.copyOf(gaps, Math.min(count, gaps.length));
        Arrays.sort(s);
        return s;
    }

    public double percentileMillis(double p) {
        long[] s = sorted();
        return s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.floor(p * s.length))] / 1e6;
    }

    public double p99Millis() {
        return percentileMillis(0.99);
    }

    public double fps() {
        double median = percentileMillis(0.5);
        return median == 0 ? 0 : 1000 / median;
    }

    public int frames() {
        return count;
    }
}
