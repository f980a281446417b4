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

    /** The samples from frame number {@code since} on (as far as the ring still holds them), sorted. */
    private long[] sorted(int since) {
        int n = count - Math.max(since, count - gaps.length);
        long[] s = new long[Math.max(0, n)];
        for (int i = 0; i < s.length; i++) {
            s[i] = gaps[(count - s.length + i) % gaps.length];
        }
        Arrays.sort(s);
        return s;
    }

    public double percentileMillis(double p) {
        return percentileMillis(p, 0);
    }

    /** The percentile over the frames from number {@code since} on: a benchmark leaves its warm-up out. */
    public double percentileMillis(double p, int since) {
        long[] s = sorted(since);
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
