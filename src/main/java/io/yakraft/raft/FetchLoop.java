package io.yakraft.raft;

/**
 * The fetch loop of a follower or an observer: when the next Fetch goes out, and the one
 * request in flight (by correlation id) with its request timeout. A fresh loop comes with each
 * role state, so an answer to a request sent in an earlier state never matches.
 */
final class FetchLoop {
    private static final long NONE = -1;

    private long nextFetchAt;
    private long inFlight = NONE;
    private long inFlightExpiresAt = Long.MAX_VALUE;

    FetchLoop(long firstFetchAt) {
        this.nextFetchAt = firstFetchAt;
    }

    long nextFetchAt() {
        return nextFetchAt;
    }

    void fetchAt(long at) {
        nextFetchAt = at;
    }

    void fetchNoLaterThan(long at) {
        nextFetchAt = Math.min(nextFetchAt, at);
    }

    /** A request went out; its answer must carry {@code correlation}. */
    void sent(long correlation, long expiresAt) {
        inFlight = correlation;
        inFlightExpiresAt = expiresAt;
    }

    boolean awaits(long correlation) {
        return correlation == inFlight;
    }

    /** The request in flight was answered or given up. */
    void settled() {
        inFlight = NONE;
        inFlightExpiresAt = Long.MAX_VALUE;
    }

    boolean requestExpired(long now) {
        return inFlightExpiresAt <= now;
    }

    long nextDeadline() {
        return Math.min(nextFetchAt, inFlightExpiresAt);
    }
}
