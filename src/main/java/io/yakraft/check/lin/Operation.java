package io.yakraft.check.lin;

/**
 * One client-visible operation: {@code client} (a broker id, -1 for a caller beside the cluster,
 * -2 for a read of the committed image) invoked {@code call} at {@code invokedAt} and got
 * {@code result} at {@code completedAt} (simulated ms). A pending operation ({@link Result.Unknown})
 * stays open for ever: {@code completedAt} is then when its inconclusive answer came, or
 * {@link Long#MAX_VALUE} when none did, and does not bound it.
 */
public record Operation(int id, int client, long invokedAt, long completedAt, Call call, Result result) {
    public Operation {
        if (completedAt < invokedAt) {
            throw new IllegalArgumentException("operation " + id + " completes at " + completedAt + " before its invocation at "
                    + invokedAt);
        }
    }

    public boolean pending() {
        return result instanceof Result.Unknown;
    }

    public String key() {
        return call.key();
    }

    /** "#12 b3 RegisterBroker(b3) [1200 → 1450 ms] → registered with broker epoch 40". */
    public String describe() {
        String who = client == -1 ? "admin" : client == -2 ? "reader" : "b" + client;
        String end = pending() ? "…" : Long.toString(completedAt);
        return "#" + id + " " + who + " " + call.describe() + " [" + invokedAt + " → " + end + " ms] → " + result.describe();
    }
}
