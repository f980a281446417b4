package io.yakraft.session;

import java.util.concurrent.TimeUnit;

/**
 * The one thread below the user interface: it drives a {@link LiveSession} against the wall
 * clock, about 60 ticks a second, each letting the elapsed wall time × speed pass in simulated
 * time. Pacing changes only when inputs arrive, never what the simulation does with them.
 */
public final class Pacer implements AutoCloseable {
    private static final long TICK_NANOS = 16_000_000;

    private final LiveSession live;
    private final Thread thread;
    private volatile boolean running = true;

    public Pacer(LiveSession live) {
        this.live = live;
        this.thread = new Thread(this::loop, "yakraft-pacer");
        thread.setDaemon(true);
        thread.start();
    }

    public LiveSession live() {
        return live;
    }

    private void loop() {
        long last = System.nanoTime();
        while (running) {
            long t = System.nanoTime();
            live.tick((t - last) / 1e6);
            last = t;
            long sleep = TICK_NANOS - (System.nanoTime() - t);
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops the thread and waits for its last tick to end, so nothing moves the session afterwards. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
