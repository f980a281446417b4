package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.ProtocolVariants;
import io.yakraft.sim.Seeds;

import java.util.SplittableRandom;

/**
 * A fuzz campaign's seeds, one simulation each: the seed decides the cluster's shape (controllers
 * and brokers within the ranges, min.insync.replicas), then random faults, client writes, a
 * metadata workload and a feed run for the campaign's fault window, every invariant after every
 * event, then calm and {@link FuzzLiveness}. A failing seed is shrunk (a shorter fault window, fewer
 * faults) while the same rule still breaks. Each call is a pure function of its arguments and
 * confined to the calling thread, so a caller may run seeds on as many threads as it likes.
 */
public final class FuzzCampaign {
    /** Calm after the faults: longer than Kafka's delivery.timeout.ms (120 s), so every record has its answer. */
    public static final long DEFAULT_CALM_MS = 125_000;
    /** Faults start once the first leader has had time to be elected. */
    public static final long FAULTS_FROM_MS = 2_000;
    public static final long FAULT_GAP_MS = 700;
    public static final long WRITE_EVERY_MS = 100;
    /** Faults come in one-minute rounds, each ending healed: a five-minute window has five recoveries, not one. */
    public static final long HEAL_EVERY_MS = 60_000;
    /** How many reruns a failure's shrinking may spend. */
    static final int SHRINK_BUDGET = 12;

    /** The campaign's settings; {@code workload}/{@code feed} null for none (replication factors are capped by the brokers). */
    public record Options(int controllersMin, int controllersMax, int brokersMin, int brokersMax, long faultsMs,
                          TopicWorkload.Spec workload, FeedWorkload.Spec feed, String variant, long calmMs, RunCheck check) {
        public Options {
            if (controllersMin < 1 || controllersMax > 9 || controllersMin > controllersMax) {
                throw new IllegalArgumentException("controllers must be a range within 1..9, got " + controllersMin + ".."
                        + controllersMax);
            }
            if (brokersMin < 0 || brokersMax > 9 || brokersMin > brokersMax) {
                throw new IllegalArgumentException("brokers must be a range within 0..9, got " + brokersMin + ".." + brokersMax);
            }
            if (faultsMs < FAULTS_FROM_MS) {
                throw new IllegalArgumentException("the fault window must be at least " + FAULTS_FROM_MS + " ms");
            }
            ProtocolVariants.named(variant);
        }

        /** 3..5 controllers, 0..4 brokers, the default workload and feed, Kafka's protocol. */
        public static Options defaults(long faultsMs) {
            return new Options(3, 5, 0, 4, faultsMs, TopicWorkload.Spec.parse("topics=6,partitions=3,rf=2,producers=2,every=500"),
                    FeedWorkload.Spec.parse("records=600,rate=20,partitions=3,rf=3,acks=all"), ProtocolVariants.DEFAULT,
                    DEFAULT_CALM_MS, RunCheck.NONE);
        }

        public Options withVariant(String v) {
            return new Options(controllersMin, controllersMax, brokersMin, brokersMax, faultsMs, workload, feed, v, calmMs, check);
        }

        public Options withCheck(RunCheck c) {
            return new Options(controllersMin, controllersMax, brokersMin, brokersMax, faultsMs, workload, feed, variant, calmMs, c);
        }
    }

    /** One seed's simulation: its cluster and plan. */
    public record Shape(ClusterConfig cluster, FuzzPlan plan) {
    }

    /**
     * One simulation's result: the first violation (null when none), the events run, how many faults
     * were injected, and the ride-along check's verdict.
     */
    public record Outcome(long seed, Shape shape, Violation violation, long events, int faultsInjected,
                          RunCheck.Verdict verdict) {
        public boolean failed() {
            return violation != null;
        }
    }

    /** A failing seed: what first broke, and the shrunk simulation that still breaks the same rule. */
    public record Failure(long seed, Violation original, Shape shrunk, Violation violation, int shrinkRuns) {
    }

    private FuzzCampaign() {
    }

    /** What seed {@code seed} simulates under these options. */
    public static Shape shape(Options o, long seed) {
        SplittableRandom r = Seeds.stream(seed, "fuzz-shape");
        int controllers = o.controllersMin() + r.nextInt(o.controllersMax() - o.controllersMin() + 1);
        int brokers = o.brokersMin() + r.nextInt(o.brokersMax() - o.brokersMin() + 1);
        TopicWorkload.Spec w = null;
        FeedWorkload.Spec f = null;
        int minIsr = 1;
        if (brokers > 0 && o.workload() != null) {
            TopicWorkload.Spec s = o.workload();
            w = new TopicWorkload.Spec(s.topics(), s.partitions(), Math.min(s.rf(), brokers), s.producers(), s.everyMs());
        }
        boolean secondReplicaRequired = r.nextBoolean();
        if (brokers > 0 && o.feed() != null) {
            FeedWorkload.Spec s = o.feed();
            f = new FeedWorkload.Spec(s.records(), s.rate(), s.partitions(), Math.min(s.rf(), brokers), s.acks(), s.idempotent(),
                    s.topicMinIsr(), s.unclean());
            // half the seeds run min.insync.replicas 2, as production does with rf 3
            minIsr = f.rf() >= 2 && secondReplicaRequired ? 2 : 1;
            // topic configs (drawn after the rest, so the other draws stay as they were): half of those seeds set
            // the 2 as the topic's config instead of the broker's, and one seed in six allows unclean election
            int configs = r.nextInt(12);
            if (minIsr == 2 && configs % 2 == 0 && f.topicMinIsr() == 0) {
                minIsr = 1;
                f = f.withTopicConfigs(2, f.unclean());
            }
            if (configs < 2 && f.rf() >= 2) {
                f = f.withTopicConfigs(f.topicMinIsr(), true);
            }
        }
        ClusterConfig config = ClusterConfig.defaults(seed, controllers, brokers).withTrace(false)
                .withData(io.yakraft.data.DataConfig.defaults().withMinInsyncReplicas(minIsr)).withVariant(o.variant());
        // Kafka's protocol also meets KIP-853's faults (a voter's disk lost, a voter removed, the operator
        // repairing); a broken variant keeps the fault mix its pinned first failing seed was found with
        boolean voterChanges = io.yakraft.cluster.ProtocolVariants.DEFAULT.equals(o.variant());
        FuzzPlan plan = new FuzzPlan(FAULTS_FROM_MS, o.faultsMs(), FAULT_GAP_MS, Integer.MAX_VALUE, WRITE_EVERY_MS, w, f,
                o.calmMs(), HEAL_EVERY_MS, voterChanges);
        return new Shape(config, plan);
    }

    /** Runs one simulation of {@code shape}, stopping at the first violation. */
    public static Outcome run(long seed, Shape shape, RunCheck check) {
        Cluster c = new Cluster(shape.cluster());
        InvariantChecker checker = new InvariantChecker(c);
        RunCheck.Probe probe = check.attach(c);
        c.start();
        FuzzPlan.Armed armed = shape.plan().arm(c);
        c.runUntil(shape.plan().endMs() + 1);
        Violation v = null;
        if (!checker.violations().isEmpty()) {
            v = checker.violations().get(0);
        } else if (!armed.livenessViolations().isEmpty()) {
            v = armed.livenessViolations().get(0);
        }
        RunCheck.Verdict verdict = probe.verdict();
        if (v == null && verdict.failed()) {
            v = new Violation(verdict.rule(), seed, c.eventCount(), c.now(), -1, verdict.detail());
        }
        return new Outcome(seed, shape, v, c.eventCount(), armed.faultsInjected(), verdict);
    }

    /** Runs seed {@code seed} under the options; a failure comes back shrunk ({@link #shrink}). */
    public static Outcome runSeed(Options o, long seed) {
        return run(seed, shape(o, seed), o.check());
    }

    /**
     * Shrinks a failing outcome: first the fault window is cut to end just after the violation
     * (nothing later mattered), then the number of faults is halved while the same rule still
     * breaks, then lowered one at a time, within {@link #SHRINK_BUDGET} reruns, and the window is cut
     * again if the fewer faults broke the rule sooner. A liveness failure (after the calm) has its
     * fault window halved instead.
     */
    public static Failure shrink(Outcome failed, RunCheck check) {
        String rule = failed.violation().rule();
        Outcome best = failed;
        int runs = 0;
        FuzzPlan plan = best.shape().plan();
        if (best.violation().time() < plan.faultsUntilMs()) {
            Outcome o = run(failed.seed(), new Shape(best.shape().cluster(), plan.withFaultsUntil(best.violation().time() + 1)
                    .withMaxFaults(best.faultsInjected())), check);
            runs++;
            if (same(o, rule)) {
                best = o;
            }
        } else {
            while (runs < SHRINK_BUDGET / 2 && best.shape().plan().faultsUntilMs() > FAULTS_FROM_MS + 1_000) {
                FuzzPlan p = best.shape().plan();
                Outcome o = run(failed.seed(), new Shape(best.shape().cluster(),
                        p.withFaultsUntil(FAULTS_FROM_MS + (p.faultsUntilMs() - FAULTS_FROM_MS) / 2)), check);
                runs++;
                if (!same(o, rule)) {
                    break;
                }
                best = o;
            }
        }
        int faults = Math.min(best.faultsInjected(), best.shape().plan().maxFaults());
        best = withMaxFaults(best, faults);
        for (int n = faults / 2; runs < SHRINK_BUDGET && n < faults; ) {
            Outcome o = run(failed.seed(), new Shape(best.shape().cluster(), best.shape().plan().withMaxFaults(n)), check);
            runs++;
            if (same(o, rule)) {
                best = o;
                faults = n;
                n = n / 2;
            } else {
                n = n + Math.max(1, (faults - n) / 2);
            }
        }
        // fewer faults may break the rule sooner: then the window can end sooner too
        FuzzPlan last = best.shape().plan();
        if (best.violation().time() + 1 < last.faultsUntilMs()) {
            Outcome o = run(failed.seed(), new Shape(best.shape().cluster(), last.withFaultsUntil(best.violation().time() + 1)), check);
            runs++;
            if (same(o, rule)) {
                best = o;
            }
        }
        return new Failure(failed.seed(), failed.violation(), best.shape(), best.violation(), runs);
    }

    private static Outcome withMaxFaults(Outcome o, int n) {
        return new Outcome(o.seed(), new Shape(o.shape().cluster(), o.shape().plan().withMaxFaults(n)), o.violation(), o.events(),
                o.faultsInjected(), o.verdict());
    }

    private static boolean same(Outcome o, String rule) {
        return o.failed() && o.violation().rule().equals(rule);
    }
}
