package io.yakraft.sim;

/**
 * The typed half of a trace record, for code: what a view or a check classifies by. The record's
 * words ({@link TraceEvent#reason()}) are for people and may be reworded freely; the detail is
 * not part of the canonical JSON line, so it never changes a trace hash.
 *
 * <p>The kernel makes {@link MessageEvent} and {@link FaultEvent}; the layers above it add their
 * own (role changes and vote decisions live in {@code io.yakraft.cluster}, which knows raft).
 * Records with nothing a program needs to tell apart carry {@link #NONE}.
 */
public interface TraceDetail {
    /** No typed detail: the record's {@link TraceKind} says all that code needs. */
    TraceDetail NONE = Nothing.NONE;

    /** The one value behind {@link #NONE}. */
    enum Nothing implements TraceDetail { NONE }
}
