package io.yakraft.ui;

import javafx.concurrent.Task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Long work the window runs off the JavaFX thread (reading and preprocessing a file), each task
 * on a daemon thread of its own. It remembers what it started so that a test can wait for the
 * work itself to end instead of watching the screen for a while.
 */
final class BackgroundWork {
    private final List<Task<?>> started = new CopyOnWriteArrayList<>();

    void start(String name, Task<?> task) {
        started.add(task);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    /** Blocks until every task started so far has ended (succeeded, failed or cancelled); false on timeout. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Task<?> t : started) {
            try {
                t.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                // ended: its failure is the dialog's to show
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            }
        }
        return true;
    }
}
