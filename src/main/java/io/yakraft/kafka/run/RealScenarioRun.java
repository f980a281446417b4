package io.yakraft.kafka.run;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.NodeRef;
import io.yakraft.kafka.KafkaObservation;
import io.yakraft.kafka.KafkaProbe;
import io.yakraft.kafka.LocalCluster;
import io.yakraft.kafka.LocalNode;
import io.yakraft.kafka.PacedFeed;
import io.yakraft.scenario.Check;
import io.yakraft.scenario.Scenario;
import io.yakraft.scenario.Step;
import io.yakraft.scenario.StepReport;
import io.yakraft.session.Session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays a scenario's steps on a running local real cluster, in real time. Kafka's own timers (fetch timeout 2 s,
 * broker session 9 s: the same defaults the simulator uses) run on the wall clock, so an {@code after}/{@code at}
 * delay is played one to one. Deadlines are where a real cluster is slower than the simulation (JVMs starting,
 * metadata reaching the Admin API, a machine shared with other work): a {@code waitFor}'s timeout is multiplied by
 * {@code timeFactor}, and an {@code expect} holds if it holds within {@code timeFactor} × {@link #EXPECT_GRACE}
 * (it is asked again every {@link #POLL}); a check whose deadline passes fails. Checks a real cluster cannot answer
 * are reported NOT_EVALUATED with the reason, and scenarios with actions it cannot play are refused before any
 * process starts ({@link #unplayable}).
 */
public final class RealScenarioRun {
    public static final Duration EXPECT_GRACE = Duration.ofSeconds(3);
    static final Duration POLL = Duration.ofMillis(300);
    /** How long a restarted node's JVM may take to listen on its port (the simulator's restart is instant). */
    static final Duration RESTART_LISTEN_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern SIM_NODE = Pattern.compile("^(?:kill|restart) [nb](\\d+)");

    private final Scenario scenario;
    private final LocalCluster cluster;
    private final KafkaProbe probe;
    private final double timeFactor;
    private final Consumer<RealStep> listener;
    private final NodeAliases aliases;
    private final List<String> answers = new ArrayList<>();
    private final List<PacedFeed> feeds = new ArrayList<>();
    private final List<RealStep> reports = new ArrayList<>();
    /** The simulation's choice for each step whose action names a node by role (step index → node id). */
    private final Map<Integer, Integer> simChoices;
    private long epochOffset;
    private long startNanos;

    /** The outcome: every step's report, and the checks that could not be evaluated with why. */
    public record Result(Scenario scenario, List<RealStep> steps, Map<String, String> notEvaluated, double timeFactor, long realMs) {
        public List<RealStep> checks() {
            return steps.stream().filter(s -> s.verdict() == RealStep.Verdict.PASS || s.verdict() == RealStep.Verdict.FAIL).toList();
        }

        public boolean passed() {
            return checks().stream().allMatch(s -> s.verdict() == RealStep.Verdict.PASS);
        }
    }

    public RealScenarioRun(Scenario scenario, LocalCluster cluster, KafkaProbe probe, double timeFactor, Consumer<RealStep> listener) {
        if (!(timeFactor >= 1)) {
            throw new IllegalArgumentException("the time factor must be 1 or more, got " + timeFactor);
        }
        this.scenario = scenario;
        this.cluster = cluster;
        this.probe = probe;
        this.timeFactor = timeFactor;
        this.listener = listener;
        this.aliases = new NodeAliases(cluster.state().nodes().stream().map(LocalNode::id).toList());
        this.simChoices = simulationChoices(scenario);
    }

    /** Each step's action that a real cluster cannot play, with why; empty when the whole scenario can be played. */
    public static List<String> unplayable(Scenario scenario) {
        List<String> out = new ArrayList<>();
        for (Step s : scenario.steps()) {
            if (s.typed() != null) {
                String why = whyUnplayable(s.typed());
                if (why != null) {
                    out.add("step " + (s.index() + 1) + " (line " + s.line() + ") " + s.describe() + ": " + why);
                }
            }
        }
        return out;
    }

    /** Every check the scenario uses that a real cluster cannot evaluate, with why (in the order of first use). */
    public static Map<String, String> notEvaluated(Scenario scenario) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Step s : scenario.steps()) {
            Check c = check(s);
            if (c != null) {
                RealCheckSupport.unsupported(c.name()).ifPresent(why -> out.putIfAbsent(c.name(), why));
            }
        }
        return out;
    }

    private static Check check(Step s) {
        if (s.waitFor() != null) {
            return s.waitFor();
        }
        if ("expect".equals(s.action())) {
            com.fasterxml.jackson.databind.node.ObjectNode rest = s.args().deepCopy();
            String name = rest.remove("check").asText();
            return new Check(name, rest);
        }
        return null;
    }

    private static String whyUnplayable(Action a) {
        if (a instanceof Action.Caption || a instanceof Action.Kill || a instanceof Action.Write || a instanceof Action.CreateTopic
                || a instanceof Action.CreatePartitions || a instanceof Action.DeleteTopic || a instanceof Action.Feed
                || a instanceof Action.SetSpeed) {
            return null;
        }
        if (a instanceof Action.Restart r) {
            return r.emptyDisk() ? "a restart with an empty disk would need the node's log directory reformatted (not built)" : null;
        }
        if (a instanceof Action.Isolate || a instanceof Action.Partition || a instanceof Action.Cut || a instanceof Action.Heal
                || a instanceof Action.Network || a instanceof Action.DropInFlight || a instanceof Action.DropMessage) {
            return "the nodes talk over loopback directly; cutting, delaying or dropping their traffic needs loopback proxies, which are not built";
        }
        if (a instanceof Action.ForceTimeout || a instanceof Action.SplitVote) {
            return "Kafka's election timers run inside its processes; nothing outside can make one expire";
        }
        if (a instanceof Action.Resign) {
            return "no Admin call makes the active controller resign (stopping its process does, with a restart)";
        }
        if (a instanceof Action.Pause || a instanceof Action.Resume) {
            return "pausing a node (SIGSTOP/SIGCONT) is not built";
        }
        if (a instanceof Action.Compact) {
            return "Kafka snapshots on its own schedule (metadata.log.max.record.bytes.between.snapshots); no API asks for one";
        }
        if (a instanceof Action.AlterTopicConfig) {
            return "altering topic configs on a real cluster (Admin.incrementalAlterConfigs) is not built";
        }
        if (a instanceof Action.RegisterBroker || a instanceof Action.UnregisterBroker || a instanceof Action.ReregisterBroker
                || a instanceof Action.RegisterProducer) {
            return "the local cluster's brokers are fixed when it starts (adding or unregistering one is not built)";
        }
        throw new IllegalStateException("no real-cluster rule for action " + a.getClass().getSimpleName());
    }

    /**
     * Plays the scenario in the simulation (a pure function of its seed, milliseconds of work) to learn which node
     * each role ("leader", "leader of payments-0") picked there, so the lesson's later literal names follow the role.
     */
    private static Map<Integer, Integer> simulationChoices(Scenario scenario) {
        Map<Integer, Integer> out = new HashMap<>();
        Set<Integer> roleSteps = new HashSet<>();
        for (Step s : scenario.steps()) {
            NodeRef ref = s.typed() instanceof Action.Kill k ? k.node() : s.typed() instanceof Action.Restart r ? r.node() : null;
            if (ref != null && !(ref instanceof NodeRef.Id)) {
                roleSteps.add(s.index() + 1);
            }
        }
        if (roleSteps.isEmpty()) {
            return out;
        }
        for (StepReport r : Session.headless(scenario, e -> { }).playToEnd().reports()) {
            Matcher m = SIM_NODE.matcher(r.message());
            if (roleSteps.contains(r.step()) && m.find()) {
                out.put(r.step() - 1, Integer.parseInt(m.group(1)));
            }
        }
        return out;
    }

    public Result play() throws InterruptedException {
        startNanos = System.nanoTime();
        KafkaObservation first = probe.observe();
        epochOffset = first.quorum().value().filter(q -> q.leaderId() >= 0).map(q -> Math.max(0, q.leaderEpoch() - 1)).orElse(0L);
        long stepStart = 0;
        try {
            for (Step s : scenario.steps()) {
                long due = s.atMs() > 0 ? s.atMs() : stepStart + s.afterMs();
                sleepUntil(due);
                if (s.waitFor() != null) {
                    long timeout = (long) (Math.max(s.timeoutMs(), 1000) * timeFactor);
                    report(s, "waited for " + s.waitFor().describe(), s.waitFor(), Duration.ofMillis(timeout));
                }
                if (s.action() != null) {
                    if ("expect".equals(s.action())) {
                        report(s, s.describe(), check(s), Duration.ofMillis((long) (EXPECT_GRACE.toMillis() * timeFactor)));
                    } else if (s.question() != null) {
                        add(s, RealStep.Verdict.DONE, s.describe(), "answer: " + s.question().choices().get(s.question().answer()));
                    } else {
                        try {
                            add(s, RealStep.Verdict.DONE, s.describe(), perform(s));
                        } catch (IllegalStateException e) {
                            // a role that names no node now ("leader" while none leads): the step did not happen, the run fails
                            add(s, RealStep.Verdict.FAIL, s.describe(), "could not play it: " + e.getMessage());
                        }
                    }
                }
                stepStart = elapsedMs();
            }
        } finally {
            feeds.forEach(PacedFeed::close);
        }
        return new Result(scenario, List.copyOf(reports), notEvaluated(scenario), timeFactor, elapsedMs());
    }

    private void report(Step s, String description, Check check, Duration deadline) throws InterruptedException {
        var unsupported = RealCheckSupport.unsupported(check.name());
        if (unsupported.isPresent()) {
            add(s, RealStep.Verdict.NOT_EVALUATED, description, "not evaluated on a real cluster: " + unsupported.get());
            return;
        }
        long end = System.nanoTime() + deadline.toNanos();
        RealChecks.Outcome out;
        while (true) {
            out = evaluate(check);
            if (out.passed() || System.nanoTime() >= end) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        String message = out.passed() ? out.message() : out.message() + " — still false after " + deadline.toMillis() / 1000.0 + " s real time";
        add(s, out.passed() ? RealStep.Verdict.PASS : RealStep.Verdict.FAIL, description, message);
    }

    private RealChecks.Outcome evaluate(Check check) {
        KafkaObservation o = check.name().equals("noLeaderAmong") ? quickQuorum() : probe.observe();
        try {
            return RealChecks.evaluate(check, new RealChecks.Context(o, running(), cluster.state().controllers().stream().map(LocalNode::id).toList(),
                    cluster.state().brokers().stream().map(LocalNode::id).toList(), aliases, answers, feeds, epochOffset));
        } catch (IllegalArgumentException e) {
            return new RealChecks.Outcome(false, e.getMessage());
        }
    }

    /**
     * "No leader among…" right after a kill is a claim about the next second or two, before the followers' fetch
     * timeout: asked with the usual 4 s Admin timeout, the answer could come from the next leader. So this asks with
     * a short timeout and counts "no controller answers as leader" as no leader.
     */
    private KafkaObservation quickQuorum() {
        return new KafkaObservation(System.currentTimeMillis(), probe.quorum(Duration.ofMillis(1500)),
                KafkaObservation.Part.failed("not asked"), KafkaObservation.Part.failed("not asked"));
    }

    private Set<Integer> running() {
        Set<Integer> out = new HashSet<>();
        cluster.state().nodes().forEach(n -> {
            if (cluster.process(n).isPresent()) {
                out.add(n.id());
            }
        });
        return out;
    }

    private String perform(Step s) throws InterruptedException {
        Action a = s.typed();
        if (a == null) {
            return "";
        }
        if (a instanceof Action.Caption c) {
            return "caption: " + c.text();
        }
        if (a instanceof Action.SetSpeed) {
            return "the window's playback speed; nothing to do on a real cluster";
        }
        if (a instanceof Action.Kill k) {
            int sim = target(s, k.node());
            int real = aliases.real(sim);
            long pid = cluster.state().node(real).pid();
            boolean was = cluster.kill(real);
            return was ? "kill -9 " + aliases.describe(sim) + " (pid " + pid + ")" + role(k.node()) : aliases.describe(sim) + " was not running";
        }
        if (a instanceof Action.Restart r) {
            int sim = target(s, r.node());
            int real = aliases.real(sim);
            try {
                LocalNode n = cluster.restart(real);
                boolean listens = awaitListening(n);
                return "restarted " + aliases.describe(sim) + " as pid " + n.pid() + (listens ? ", listening on 127.0.0.1:" + n.port()
                        : ", NOT listening on 127.0.0.1:" + n.port() + " after " + RESTART_LISTEN_TIMEOUT.toSeconds() + " s (see its server.log)");
            } catch (IOException e) {
                return "could not restart " + aliases.describe(sim) + ": " + e.getMessage();
            }
        }
        if (a instanceof Action.Write w) {
            String answer = probe.writeConfigRecords(w.count());
            answers.add(answer);
            return answer + " (Kafka has no raw metadata write; each write sets a cluster default config: one ConfigRecord)";
        }
        if (a instanceof Action.CreateTopic t) {
            String answer = probe.createTopicAnswer(t.name(), t.partitions(), (short) t.replicationFactor());
            answers.add(answer);
            return answer;
        }
        if (a instanceof Action.CreatePartitions p) {
            String answer = probe.createPartitionsAnswer(p.topic(), p.total());
            answers.add(answer);
            return answer;
        }
        if (a instanceof Action.DeleteTopic d) {
            String answer = probe.deleteTopicAnswer(d.name());
            answers.add(answer);
            return answer;
        }
        if (a instanceof Action.Feed f) {
            PacedFeed feed = PacedFeed.start(cluster.bootstrapServers(), new Properties(), f.topic(), f.records().records(), f.acks().label(),
                    false, f.rate(), Duration.ofMillis(1500));
            feeds.add(feed);
            return "feed " + feeds.size() + ": a real KafkaProducer sends " + f.records().describe() + " into '" + f.topic() + "' with acks="
                    + f.acks().label() + ", idempotence off, request.timeout.ms=1500" + (f.rate() > 0 ? ", " + f.rate() + " records/s" : "")
                    + (f.via() == null ? "" : " (via " + f.via().text() + " is the simulator's producer placement; a real producer bootstraps from every broker)");
        }
        throw new IllegalStateException("step " + (s.index() + 1) + ": " + whyUnplayable(a));
    }

    private static String role(NodeRef ref) {
        return ref instanceof NodeRef.Id ? "" : " — the " + ref.text();
    }

    /** The scenario's name for the node an action targets; a role resolves on the real cluster and binds the simulation's pick. */
    private int target(Step s, NodeRef ref) {
        if (ref instanceof NodeRef.Id id) {
            aliases.use(id.id());
            return id.id();
        }
        int real = resolveRole(ref);
        Integer simPick = simChoices.get(s.index());
        if (simPick != null && aliases.bind(simPick, real)) {
            return simPick;
        }
        return aliases.sim(real);
    }

    private int resolveRole(NodeRef ref) {
        KafkaObservation o = probe.observe();
        Set<Integer> running = running();
        if (ref instanceof NodeRef.Leader) {
            return o.quorum().value().filter(q -> q.leaderId() >= 0).map(KafkaObservation.Quorum::leaderId)
                    .orElseThrow(() -> new IllegalStateException("no quorum leader is known: " + o.quorum().error()));
        }
        if (ref instanceof NodeRef.LeaderOf lo) {
            return o.topics().value().flatMap(ts -> ts.stream().filter(t -> t.name().equals(lo.topic())).findFirst())
                    .flatMap(t -> t.partitions().stream().filter(p -> p.partition() == lo.partition() && p.leader() >= 0).findFirst())
                    .map(KafkaObservation.Partition::leader)
                    .orElseThrow(() -> new IllegalStateException(lo.topic() + "-" + lo.partition() + " has no known leader"));
        }
        if (ref instanceof NodeRef.AFollower) {
            int leader = o.quorum().value().map(KafkaObservation.Quorum::leaderId).orElse(-1);
            return cluster.state().controllers().stream().map(LocalNode::id).filter(id -> id != leader && running.contains(id))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no running follower"));
        }
        if (ref instanceof NodeRef.ABroker) {
            return cluster.state().brokers().stream().map(LocalNode::id).filter(running::contains).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no running broker"));
        }
        throw new IllegalStateException("unknown node reference " + ref);
    }

    /** Waits until the node's JVM accepts connections on its port: the point where the simulator's restart is. */
    private static boolean awaitListening(LocalNode n) throws InterruptedException {
        long end = System.nanoTime() + RESTART_LISTEN_TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", n.port()), 500);
                return true;
            } catch (IOException e) {
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
        return false;
    }

    private void sleepUntil(long dueMs) throws InterruptedException {
        long wait = dueMs - elapsedMs();
        if (wait > 0) {
            TimeUnit.MILLISECONDS.sleep(wait);
        }
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void add(Step s, RealStep.Verdict verdict, String description, String message) {
        RealStep r = new RealStep(s.index() + 1, s.line(), elapsedMs(), description, verdict, message);
        reports.add(r);
        listener.accept(r);
    }
}
