package io.yakraft.check;

/** A broken safety rule: which rule, where in the run, and what was seen. */
public record Violation(String rule, long seed, long eventNumber, long time, int node, String detail) {
    @Override
    public String toString() {
        return rule + " broken at event " + eventNumber + " (t=" + time + " ms, seed " + seed + ", node n" + node
                + "): " + detail;
    }
}
