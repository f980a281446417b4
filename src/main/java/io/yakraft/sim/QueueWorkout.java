package io.yakraft.sim;

import java.util.SplittableRandom;

/**
 * The raw cost of the kernel's event queue, for the bench command: pushes and pops events with
 * random times in the pattern a simulation makes (a pop, then one or two pushes a little later).
 */
public final class QueueWorkout {
    private QueueWorkout() {
    }

    /** Runs {@code operations} pop+push pairs over a queue of {@code depth}; returns a checksum. */
    public static long run(int depth, long operations, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        EventQueue q = new EventQueue();
        long seq = 0;
        for (int i = 0; i < depth; i++) {
            q.add(new Event(r.nextLong(1000), seq++, Event.Type.WAKE, 0, 0, null, null));
        }
        long checksum = 0;
        for (long i = 0; i < operations; i++) {
            Event e = q.poll();
            checksum += e.time;
            q.add(new Event(e.time + 1 + r.nextLong(50), seq++, Event.Type.WAKE, 0, 0, null, null));
        }
        return checksum;
    }
}
