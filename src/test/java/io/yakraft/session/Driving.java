package io.yakraft.session;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Drives a {@link LiveSession} from a test, in place of the pacer: simulated time passes only
 * while the simulation owes someone an answer, in small slices, so what the test sees depends on
 * the order of requests and never on how fast the machine is. Every wait is bounded: in
 * simulated time while the simulation works, and in wall time only while nobody asks it anything.
 */
public final class Driving {
    /** Simulated time per slice while an answer is owed. */
    public static final long SLICE_MS = 10;
    /** A wait fails when the simulation is owed nothing and nothing arrives within this long. */
    private static final long IDLE_LIMIT_MS = 60_000;

    private Driving() {
    }

    /** Drives until {@code answer} completes; fails after {@code maxSimMillis} of simulated time. */
    public static <T> T await(LiveSession live, CompletableFuture<T> answer, long maxSimMillis) throws InterruptedException {
        answer.whenComplete((a, e) -> live.wake());
        long start = live.latest().snapshot().now();
        while (!answer.isDone()) {
            if (live.hasPendingCommands()) {
                live.runPending();
            } else if (live.owesAnswers()) {
                if (live.latest().snapshot().now() - start > maxSimMillis) {
                    throw new AssertionError("no answer within " + maxSimMillis + " ms of simulated time");
                }
                live.advanceBy(SLICE_MS);
            } else {
                awaitWorkOrAnswer(live, answer);
            }
        }
        return answer.join();
    }

    /**
     * Blocks while nobody asks the simulation anything, until work or the answer comes. A wake-up
     * with neither (a spurious one, or an answer owed and settled in between) waits on; only
     * {@link #IDLE_LIMIT_MS} of silence fails.
     */
    private static void awaitWorkOrAnswer(LiveSession live, CompletableFuture<?> answer) throws InterruptedException {
        long deadline = System.nanoTime() + IDLE_LIMIT_MS * 1_000_000;
        while (!live.awaitWork(IDLE_LIMIT_MS) && !answer.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing asked the simulation for an answer for "
                        + IDLE_LIMIT_MS / 1000 + " s and none came");
            }
        }
    }

    /** Drives until {@code condition} holds on the session; fails after {@code maxSimMillis} of simulated time. */
    public static void until(LiveSession live, Predicate<Session> condition, long maxSimMillis) throws InterruptedException {
        await(live, live.when(condition), maxSimMillis);
    }
}
