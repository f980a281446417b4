package io.yakraft.sim;

/** Receives every trace record as it is made (a file writer, a ring buffer, a test). */
@FunctionalInterface
public interface TraceListener {
    void onTrace(TraceEvent event);
}
