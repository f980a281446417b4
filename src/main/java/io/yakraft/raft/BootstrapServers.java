package io.yakraft.raft;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * controller.quorum.bootstrap.servers as Kafka 4.3's RequestManager uses them: a replica that
 * knows no leader (Unattached, voter or observer) sends its Fetch to a bootstrap server that is
 * ready, starting from a random one (findReadyBootstrapServer); an answer Kafka handles (every
 * error a Fetch answer carries, NOT_LEADER_OR_FOLLOWER included) makes the server ready again at
 * once, one it cannot handle backs it off for retry.backoff.ms. The choice is a
 * deterministic mix of the node id and the request's correlation id rather than a draw from the
 * node's random stream, so that the election timeouts drawn from that stream stay as they were.
 */
final class BootstrapServers {
    private final int[] servers;
    /** Servers backing off, until when. */
    private final Map<Integer, Long> backoffUntil = new TreeMap<>();

    /** The configured servers except the replica itself (a fetch to oneself teaches nothing). */
    BootstrapServers(int[] configured, int localId) {
        this.servers = Arrays.stream(configured).filter(s -> s != localId).sorted().toArray();
    }

    /** A ready server, starting the search at a pseudo-random index from {@code salt}; -1 when none is ready. */
    int pickReady(long now, long salt) {
        if (servers.length == 0) {
            return -1;
        }
        int start = (int) Math.floorMod(mix(salt), (long) servers.length);
        for (int i = 0; i < servers.length; i++) {
            int s = servers[(start + i) % servers.length];
            if (backoffUntil.getOrDefault(s, Long.MIN_VALUE) <= now) {
                return s;
            }
        }
        return -1;
    }

    /** Kafka's backoffBeforeAvailableBootstrapServer: when the first backing-off server is ready again. */
    long nextReadyAt() {
        long at = Long.MAX_VALUE;
        for (int s : servers) {
            at = Math.min(at, backoffUntil.getOrDefault(s, Long.MIN_VALUE));
        }
        return at;
    }

    /** Kafka's onResponseResult: an answer it could not handle backs the server off, a handled one resets it. */
    void answered(int server, boolean ok, long now, long retryBackoffMs) {
        if (ok) {
            backoffUntil.remove(server);
        } else {
            backoffUntil.put(server, now + retryBackoffMs);
        }
    }

    /** SplitMix64's finalizer: spreads consecutive correlation ids over the servers. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
