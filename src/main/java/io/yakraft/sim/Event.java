package io.yakraft.sim;

/**
 * One scheduled happening. Ordered by (time, seq); seq is the global scheduling order, so
 * two events at the same millisecond always run in the order they were scheduled.
 */
final class Event {
    enum Type { DELIVER, WAKE, INPUT }

    final long time;
    final long seq;
    final Type type;
    final int node;
    /** For WAKE: the timer generation it belongs to; stale generations are skipped. */
    final long generation;
    final Envelope envelope;
    final Input input;

    Event(long time, long seq, Type type, int node, long generation, Envelope envelope, Input input) {
        this.time = time;
        this.seq = seq;
        this.type = type;
        this.node = node;
        this.generation = generation;
        this.envelope = envelope;
        this.input = input;
    }

    boolean before(Event o) {
        return time < o.time || (time == o.time && seq < o.seq);
    }
}
