package io.yakraft.sim;

/**
 * Behaviour of one directed link. Latency is drawn uniformly from [minLatencyMs, maxLatencyMs]
 * per message, so messages on one link can overtake each other when the range is wide.
 */
public record LinkConfig(long minLatencyMs, long maxLatencyMs, double lossProbability, double duplicateProbability) {

    /** A LAN-like default: 1–5 ms, no loss, no duplication. */
    public static final LinkConfig DEFAULT = new LinkConfig(1, 5, 0.0, 0.0);

    public LinkConfig {
        if (minLatencyMs < 0 || maxLatencyMs < minLatencyMs) {
            throw new IllegalArgumentException("latency range must satisfy 0 <= min <= max, got "
                    + minLatencyMs + ".." + maxLatencyMs);
        }
        if (lossProbability < 0 || lossProbability > 1 || duplicateProbability < 0 || duplicateProbability > 1) {
            throw new IllegalArgumentException("probabilities must lie in [0, 1]");
        }
    }

    public LinkConfig withLatency(long min, long max) {
        return new LinkConfig(min, max, lossProbability, duplicateProbability);
    }

    public LinkConfig withLoss(double p) {
        return new LinkConfig(minLatencyMs, maxLatencyMs, p, duplicateProbability);
    }

    public LinkConfig withDuplication(double p) {
        return new LinkConfig(minLatencyMs, maxLatencyMs, lossProbability, p);
    }
}
