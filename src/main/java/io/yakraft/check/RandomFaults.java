package io.yakraft.check;

import io.yakraft.cluster.BrokerState;
import io.yakraft.cluster.Cluster;
import io.yakraft.sim.LinkConfig;
import io.yakraft.sim.NodeStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded fault campaign: between {@code from} and {@code until} it schedules random faults
 * from the whole vocabulary (crash, graceful stop, restart, pause, resume, isolate, majority/minority split,
 * bridge, majorities ring, one-way cuts, loss, duplication, jittery latency, resign, forced
 * timeouts, log compaction into a snapshot, disk loss on observers), then heals everything at {@code until}.
 * With voter changes on ({@link #scheduleWithVoterChanges}) it also loses voters' disks and removes
 * voters, and an operator ({@link VoterOperator}) replaces and re-adds them as KIP-853 says.
 *
 * <p>Faults are decided when they fire (from the cluster's state then), so the plan is a pure
 * function of the seed and the run. Without voter changes, disk loss is kept to observers.
 */
public final class RandomFaults {
    private final Cluster cluster;
    private final SplittableRandom random;
    private final long meanGapMs;
    private final long until;
    private final boolean voterDiskLoss;
    /** At most this many faults are injected (a shrunk fuzz failure keeps a prefix of its faults). */
    private final int maxFaults;
    private int injected;

    /** The fault kinds drawn from: the 15 classic ones, plus one voter change (KIP-853) when enabled. */
    private final int kinds;

    private RandomFaults(Cluster cluster, long meanGapMs, long until, boolean voterDiskLoss, int maxFaults) {
        this(cluster, meanGapMs, until, voterDiskLoss, maxFaults, false);
    }

    private RandomFaults(Cluster cluster, long meanGapMs, long until, boolean voterDiskLoss, int maxFaults,
                         boolean voterChanges) {
        this.kinds = voterChanges ? 16 : 15;
        this.cluster = cluster;
        this.maxFaults = maxFaults;
        this.random = cluster.randomFor("faults");
        this.meanGapMs = meanGapMs;
        this.until = until;
        this.voterDiskLoss = voterDiskLoss;
    }

    /** Schedules faults from {@code from} to {@code until}, on average one every {@code meanGapMs}. */
    public static void schedule(Cluster cluster, long from, long until, long meanGapMs) {
        schedule(cluster, from, until, meanGapMs, Integer.MAX_VALUE);
    }

    /**
     * As {@link #schedule(Cluster, long, long, long)}, stopping after {@code maxFaults} faults: the faults
     * injected are the same first ones the unlimited campaign injects (each is decided when it fires).
     */
    public static RandomFaults schedule(Cluster cluster, long from, long until, long meanGapMs, int maxFaults) {
        RandomFaults f = new RandomFaults(cluster, meanGapMs, until, false, maxFaults);
        f.scheduleNext(from);
        cluster.at(until, "faults over: heal network, restart dead nodes, resume paused ones", RandomFaults::healEverything);
        return f;
    }

    /**
     * As {@link #schedule(Cluster, long, long, long)}, with KIP-853's faults among the others: a
     * voter's disk is lost (it comes back on a new disk, not a voter), or a voter is removed; the
     * operator replaces and re-adds voters from {@code from} on, through the calm after {@code until}.
     */
    public static RandomFaults scheduleWithVoterChanges(Cluster cluster, long from, long until, long meanGapMs) {
        return scheduleWithVoterChanges(cluster, from, until, meanGapMs, Integer.MAX_VALUE);
    }

    /** As {@link #scheduleWithVoterChanges(Cluster, long, long, long)}, stopping after {@code maxFaults} faults. */
    public static RandomFaults scheduleWithVoterChanges(Cluster cluster, long from, long until, long meanGapMs, int maxFaults) {
        RandomFaults f = new RandomFaults(cluster, meanGapMs, until, false, maxFaults, true);
        f.scheduleNext(from);
        cluster.at(until, "faults over: heal network, restart dead nodes, resume paused ones", RandomFaults::healEverything);
        VoterOperator.schedule(cluster, from, until);
        return f;
    }

    /** How many faults have been injected so far. */
    public int injected() {
        return injected;
    }

    /** Restores a calm world: every link healed and default, every node up and running. */
    public static void healEverything(Cluster c) {
        c.healAll();
        c.setLinkDefaults(LinkConfig.DEFAULT);
        for (int id : c.allIds()) {
            BrokerState state = c.brokerState(id);
            if (c.status(id) == NodeStatus.DOWN) {
                c.restart(id, false);
            } else if (state == BrokerState.PENDING_CONTROLLED_SHUTDOWN || state == BrokerState.SHUTTING_DOWN) {
                // a stop still under way would take the broker down after the calm began: end it now
                // (as a crash, so its feeds move on) and start the broker again
                c.crash(id);
                c.restart(id, false);
            } else if (c.status(id) == NodeStatus.PAUSED) {
                c.resume(id);
            }
        }
    }

    private void scheduleNext(long after) {
        long at = after + 1 + random.nextLong(2 * meanGapMs);
        if (at >= until || injected >= maxFaults) {
            return;
        }
        cluster.at(at, "random fault", c -> {
            injected++;
            inject(c);
            scheduleNext(c.now());
        });
    }

    private void inject(Cluster c) {
        List<Integer> ids = c.allIds();
        int[] voters = c.voterIds();
        int node = ids.get(random.nextInt(ids.size()));
        int voter = voters[random.nextInt(voters.length)];
        switch (random.nextInt(kinds)) {
            case 0 -> c.crash(node);
            case 1 -> c.stop(node); // graceful: a broker's controlled shutdown, a leader's resignation
            case 2, 3 -> restartSomeone(c, ids);
            case 4 -> {
                if (c.status(node) == NodeStatus.PAUSED) {
                    c.resume(node);
                } else {
                    c.pause(node);
                }
            }
            case 5 -> c.isolate(node);
            case 6 -> {
                List<Integer> minority = new ArrayList<>();
                for (int v : voters) {
                    if (minority.size() < (voters.length - 1) / 2 && random.nextBoolean()) {
                        minority.add(v);
                    }
                }
                if (minority.isEmpty()) {
                    minority.add(voter);
                }
                c.splitMajorityMinority(minority);
            }
            case 7 -> c.bridge(voter);
            case 8 -> c.majoritiesRing();
            case 9 -> {
                int to = ids.get(random.nextInt(ids.size()));
                if (to != node) {
                    c.cut(node, to);
                }
            }
            case 10 -> c.setLinkDefaults(new LinkConfig(1, 1 + random.nextLong(60),
                    random.nextInt(3) == 0 ? random.nextDouble() * 0.2 : 0.0,
                    random.nextInt(3) == 0 ? random.nextDouble() * 0.1 : 0.0));
            case 11 -> {
                int leader = c.leaderId();
                if (leader >= 0) {
                    c.resign(leader);
                }
            }
            case 12 -> c.forceTimeout(voter);
            case 13 -> c.compact(node);
            case 15 -> {
                if (random.nextBoolean()) {
                    VoterOperator.loseVoterDisk(c, voter);
                } else {
                    VoterOperator.removeVoter(c, voter);
                }
            }
            default -> {
                c.healAll();
                if (c.observerIds().length > 0 && random.nextBoolean()) {
                    int obs = c.observerIds()[random.nextInt(c.observerIds().length)];
                    if (c.status(obs) == NodeStatus.DOWN) {
                        c.restart(obs, true);
                    }
                } else if (voterDiskLoss && c.status(voter) == NodeStatus.DOWN) {
                    c.restart(voter, true);
                }
            }
        }
    }

    private void restartSomeone(Cluster c, List<Integer> ids) {
        List<Integer> down = new ArrayList<>();
        for (int id : ids) {
            if (c.status(id) == NodeStatus.DOWN) {
                down.add(id);
            }
        }
        if (!down.isEmpty()) {
            c.restart(down.get(random.nextInt(down.size())), false);
        }
    }
}
