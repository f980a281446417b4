package io.yakraft.cli;

import io.yakraft.kafka.KafkaLib;
import io.yakraft.kafka.KafkaObservation;
import io.yakraft.kafka.KafkaProbe;
import io.yakraft.kafka.LocalCluster;
import io.yakraft.kafka.run.RealScenarioRun;
import io.yakraft.kafka.run.RealStep;
import io.yakraft.scenario.Scenario;
import io.yakraft.scenario.Step;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code run FILE --kafka local}: plays a scenario on a local cluster of real Kafka processes started for the run,
 * sized as the scenario says, and stopped (and its directory removed, unless kept) when the run ends.
 * A fresh cluster, not the one {@code kafka up} keeps running: a lesson assumes a new cluster (no topics yet, the
 * first leader in the first epochs, exactly its brokers), which a long-lived cluster is not after any earlier run.
 * Kept in its own class so the simulator's {@code run} never loads a Kafka class.
 */
final class RunOnKafka {
    private RunOnKafka() {
    }

    static int run(Scenario scenario, Path dir, double timeFactor, boolean keep, PrintStream out) throws IOException, InterruptedException {
        List<String> unplayable = RealScenarioRun.unplayable(scenario);
        if (!unplayable.isEmpty()) {
            System.err.println("run --kafka local: " + scenario.name() + " has actions a real cluster cannot play:");
            unplayable.forEach(u -> System.err.println("  " + u));
            return 2;
        }
        int controllers = scenario.cluster().controllers();
        int brokers = scenario.cluster().observers();
        Path clusterDir = dir != null ? dir : KafkaCommand.defaultDir().resolveSibling("runs")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Map<String, String> notEvaluated = RealScenarioRun.notEvaluated(scenario);
        out.printf("scenario: %s on REAL KAFKA (%d controller process(es), %d broker process(es), in %s)%n", scenario.name(), controllers,
                brokers, clusterDir);
        out.printf("real time: 'after' delays play 1:1 (Kafka's own timers run on the wall clock); a waitFor's timeout × %.1f,"
                + " an expect holds if it holds within %.1f s; a check whose deadline passes fails%n", timeFactor,
                RealScenarioRun.EXPECT_GRACE.toMillis() * timeFactor / 1000.0);
        notEvaluated.forEach((check, why) -> out.println("not evaluated here: " + check + " — " + why));
        long t0 = System.nanoTime();
        LocalCluster cluster = LocalCluster.create(clusterDir, controllers, brokers, KafkaLib.locate());
        Thread cleanup = new Thread(cluster::killAll, "yakraft-kafka-cleanup");
        boolean[] keepOnFailure = {false};
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            cluster.startControllersFirst(Duration.ofSeconds(120));
            RealScenarioRun.Result result;
            try (KafkaProbe probe = KafkaProbe.local(cluster)) {
                KafkaObservation o = awaitReady(cluster, probe, controllers, brokers, out);
                if (!KafkaProbe.readyWith(controllers, brokers).test(o)) {
                    System.err.println("run --kafka local: the cluster was not ready in time (see each node's server.log in " + clusterDir + "); quorum: "
                            + o.quorum().value().map(Object::toString).orElse(o.quorum().error()));
                    keepOnFailure[0] = true;
                    return 1;
                }
                out.printf("cluster ready in %.1f s: leader %d, epoch %d%n", (System.nanoTime() - t0) / 1e9,
                        o.quorum().value().orElseThrow().leaderId(), o.quorum().value().orElseThrow().leaderEpoch());
                result = new RealScenarioRun(scenario, cluster, probe, timeFactor, r -> print(r, out)).play();
            }
            summary(result, out);
            return result.passed() ? 0 : 1;
        } finally {
            cluster.stopAll();
            Runtime.getRuntime().removeShutdownHook(cleanup);
            if (keep) {
                out.println("kept the cluster's directory " + clusterDir + " (its processes are stopped; `kafka up --dir` starts it again)");
            } else if (keepOnFailure[0]) {
                out.println("kept " + clusterDir + " for its logs (the cluster never became ready)");
            } else if (dir == null) {
                deleteTree(clusterDir);
            }
            out.printf("stopped every node; %.1f s in all%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * {@code run FILE --kafka HOST:PORT}: plays the scenario's Admin actions and checks on a running cluster that this app
     * did not start (nothing is started or stopped; topics it creates stay). Refused up front when a step needs a node's
     * process or disk.
     */
    static int runAttached(Scenario scenario, String bootstrap, double timeFactor, PrintStream out) throws InterruptedException {
        List<String> unplayable = RealScenarioRun.unplayableAttached(scenario);
        if (!unplayable.isEmpty()) {
            System.err.println("run --kafka " + bootstrap + ": " + scenario.name() + " has actions an attached cluster cannot play:");
            unplayable.forEach(u -> System.err.println("  " + u));
            return 2;
        }
        out.printf("scenario: %s on the REAL KAFKA cluster at %s (attached: nothing is started or stopped)%n", scenario.name(), bootstrap);
        RealScenarioRun.notEvaluated(scenario).forEach((check, why) -> out.println("not evaluated here: " + check + " — " + why));
        try (KafkaProbe probe = KafkaProbe.attach(bootstrap, new java.util.Properties())) {
            KafkaObservation o = probe.observe();
            if (o.quorum().value().isEmpty()) {
                System.err.println("run --kafka " + bootstrap + ": the quorum does not answer: " + o.quorum().error());
                return 1;
            }
            out.printf("cluster: leader %d, epoch %d, voters %s, brokers %s%n", o.quorum().value().get().leaderId(),
                    o.quorum().value().get().leaderEpoch(), o.quorum().value().get().voters().stream().map(KafkaObservation.Replica::id).toList(),
                    o.brokers().value().map(bs -> bs.stream().map(KafkaObservation.Broker::id).toList().toString()).orElse(o.brokers().error()));
            RealScenarioRun.Result result = RealScenarioRun.attached(scenario, probe, timeFactor, r -> print(r, out)).play();
            summary(result, out);
            return result.passed() ? 0 : 1;
        }
    }

    /**
     * Waits for a leader and unfenced brokers. A broker that has not registered after 90 s is restarted once:
     * on a loaded machine, a leader change in the quorum's first seconds left a Kafka 4.3.1 broker retrying its
     * registration forever ("Unable to register the broker because the RPC got timed out before it could be sent",
     * every 4 s for minutes, while the other brokers registered with the new leader); a restarted broker registers.
     */
    private static KafkaObservation awaitReady(LocalCluster cluster, KafkaProbe probe, int controllers, int brokers, PrintStream out)
            throws InterruptedException, IOException {
        KafkaObservation o = probe.awaitObservation(KafkaProbe.readyWith(controllers, brokers), Duration.ofSeconds(90));
        if (KafkaProbe.readyWith(controllers, brokers).test(o) || o.brokers().value().isEmpty()) {
            return o;
        }
        List<Integer> unfenced = o.brokers().value().get().stream().filter(b -> !b.fenced()).map(KafkaObservation.Broker::id).toList();
        for (var b : cluster.state().brokers()) {
            if (!unfenced.contains(b.id())) {
                out.println("broker " + b.name() + " is not registered and unfenced after 90 s; restarting it once (see RunOnKafka.awaitReady)");
                cluster.restart(b.id());
            }
        }
        return probe.awaitObservation(KafkaProbe.readyWith(controllers, brokers), Duration.ofSeconds(210));
    }

    private static void print(RealStep r, PrintStream out) {
        String mark = switch (r.verdict()) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case NOT_EVALUATED -> "N/A ";
            case DONE -> "    ";
        };
        out.printf("  step %2d %7.1f s  %s  %s — %s%n", r.step(), r.atMs() / 1000.0, mark, r.description(), r.message());
    }

    private static void summary(RealScenarioRun.Result result, PrintStream out) {
        List<RealStep> checks = result.checks();
        long passed = checks.stream().filter(s -> s.verdict() == RealStep.Verdict.PASS).count();
        long na = result.steps().stream().filter(s -> s.verdict() == RealStep.Verdict.NOT_EVALUATED).count();
        for (Step s : result.scenario().steps()) {
            if (s.question() == null) {
                continue;
            }
            String id = s.question().id();
            var proof = result.scenario().steps().stream().filter(x -> id.equals(x.proves()) && x.index() > s.index()).findFirst();
            String verdict = proof.map(p -> result.steps().stream().filter(r -> r.step() == p.index() + 1 && r.check())
                    .map(r -> r.verdict().name() + " by step " + r.step()).reduce((x, y) -> y).orElse("not played"))
                    .orElse("no check proves it");
            out.printf("  question %s: %s — %s%n", id, s.question().choices().get(s.question().answer()), verdict);
        }
        out.printf("%s on real Kafka: %d of %d checks passed, %d not evaluated (%s); %.1f s real time, time factor %.1f%n",
                result.passed() ? "PASSED" : "FAILED", passed, checks.size(), na,
                result.notEvaluated().isEmpty() ? "none" : String.join(", ", result.notEvaluated().keySet()), result.realMs() / 1000.0,
                result.timeFactor());
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }
}
