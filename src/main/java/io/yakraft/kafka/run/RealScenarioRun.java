package io.yakraft.kafka.run;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.NodeRef;
import io.yakraft.kafka.KafkaObservation;
import io.yakraft.kafka.KafkaProbe;
import io.yakraft.kafka.LocalCluster;
import io.yakraft.kafka.LocalNode;
import io.yakraft.kafka.PacedFeed;
import io.yakraft.kafka.VoterChanges;
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
        this.attachedControllers = List.of();
        this.attachedBrokers = List.of();
    }

    /**
     * A run on an attached cluster (not started here): its nodes are the voters and the registered brokers of a first
     * observation, and only actions through the Admin API are played ({@link #unplayableAttached}). A node counts as
     * running while the cluster shows it alive (fetching from the leader within {@link #SEEN_ALIVE_MS}, or unfenced).
     */
    public static RealScenarioRun attached(Scenario scenario, KafkaProbe probe, double timeFactor, Consumer<RealStep> listener) {
        KafkaObservation o = probe.observe();
        List<Integer> controllers = o.quorum().value().map(q -> q.voters().stream().map(KafkaObservation.Replica::id).sorted().toList())
                .orElse(List.of());
        List<Integer> brokers = o.brokers().value().map(bs -> bs.stream().map(KafkaObservation.Broker::id).sorted().toList()).orElse(List.of());
        return new RealScenarioRun(scenario, probe, timeFactor, listener, controllers, brokers);
    }

    private RealScenarioRun(Scenario scenario, KafkaProbe probe, double timeFactor, Consumer<RealStep> listener,
                            List<Integer> controllers, List<Integer> brokers) {
        if (!(timeFactor >= 1)) {
            throw new IllegalArgumentException("the time factor must be 1 or more, got " + timeFactor);
        }
        this.scenario = scenario;
        this.cluster = null;
        this.probe = probe;
        this.timeFactor = timeFactor;
        this.listener = listener;
        List<Integer> all = new ArrayList<>(controllers);
        all.addAll(brokers);
        this.aliases = new NodeAliases(all);
        this.simChoices = simulationChoices(scenario);
        this.attachedControllers = List.copyOf(controllers);
        this.attachedBrokers = List.copyOf(brokers);
    }

    /** A voter or broker that fetched from the leader this recently counts as running on an attached cluster. */
    static final long SEEN_ALIVE_MS = 5_000;
    private final List<Integer> attachedControllers;
    private final List<Integer> attachedBrokers;

    private List<Integer> controllerIds() {
        return cluster != null ? cluster.state().controllers().stream().map(LocalNode::id).toList() : attachedControllers;
    }

    private List<Integer> brokerIds() {
        return cluster != null ? cluster.state().brokers().stream().map(LocalNode::id).toList() : attachedBrokers;
    }

    /**
     * On an attached cluster, each step's action that needs the nodes' processes or disks (ours only on a local cluster),
     * with why; plus what no real cluster can play ({@link #unplayable}).
     */
    public static List<String> unplayableAttached(Scenario scenario) {
        List<String> out = new ArrayList<>();
        for (Step s : scenario.steps()) {
            Action a = s.typed();
            if (a == null) {
                continue;
            }
            String why = whyUnplayable(a);
            if (why == null && (a instanceof Action.Kill || a instanceof Action.Stop || a instanceof Action.Restart || a instanceof Action.Pause
                    || a instanceof Action.Resume || a instanceof Action.AddController || a instanceof Action.RegisterBroker
                    || a instanceof Action.AddVoter)) {
                why = "an attached cluster's processes, disks and controller directory ids are not this app's (use --kafka local)";
            }
            if (why != null) {
                out.add("step " + (s.index() + 1) + " (line " + s.line() + ") " + s.describe() + ": " + why);
            }
        }
        return out;
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
        if (a instanceof Action.Caption || a instanceof Action.Kill || a instanceof Action.Stop || a instanceof Action.Restart
                || a instanceof Action.Write || a instanceof Action.CreateTopic || a instanceof Action.CreatePartitions
                || a instanceof Action.DeleteTopic || a instanceof Action.Feed || a instanceof Action.SetSpeed
                || a instanceof Action.Pause || a instanceof Action.Resume || a instanceof Action.AddController
                || a instanceof Action.AddVoter || a instanceof Action.RemoveVoter || a instanceof Action.RegisterBroker) {
            return null;
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
        if (a instanceof Action.Compact) {
            return "Kafka snapshots on its own schedule (metadata.log.max.record.bytes.between.snapshots); no API asks for one";
        }
        if (a instanceof Action.AlterTopicConfig) {
            return "altering topic configs on a real cluster (Admin.incrementalAlterConfigs) is not built";
        }
        if (a instanceof Action.UnregisterBroker) {
            return "Admin.unregisterBroker is refused while the broker runs, and a stopped broker's registration is what the lesson watches (not built)";
        }
        if (a instanceof Action.ReregisterBroker) {
            return "a new incarnation with another listener or rack would need the broker's config rewritten between runs (not built; restart it instead)";
        }
        if (a instanceof Action.RegisterProducer) {
            return "a producer id block is asked by a broker inside Kafka; no client API asks for one (not built)";
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
            NodeRef ref = s.typed() instanceof Action.Kill k ? k.node() : s.typed() instanceof Action.Restart r ? r.node()
                    : s.typed() instanceof Action.Stop st ? st.node() : s.typed() instanceof Action.Pause p ? p.node() : null;
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
            return RealChecks.evaluate(check, new RealChecks.Context(o, running(o), controllerIds(), brokerIds(), aliases, answers, feeds, epochOffset));
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
        return running(cluster == null ? probe.observe() : null);
    }

    /** The nodes whose process runs (local), or that the cluster shows alive in {@code o} (attached: fetching lately, or unfenced). */
    private Set<Integer> running(KafkaObservation o) {
        Set<Integer> out = new HashSet<>();
        if (cluster != null) {
            cluster.state().nodes().forEach(n -> {
                if (cluster.process(n).isPresent()) {
                    out.add(n.id());
                }
            });
            return out;
        }
        o.quorum().value().ifPresent(q -> {
            if (q.leaderId() >= 0) {
                out.add(q.leaderId());
            }
            java.util.stream.Stream.concat(q.voters().stream(), q.observers().stream())
                    .filter(r -> r.lastFetchMs() >= 0 && o.observedAtMs() - r.lastFetchMs() <= SEEN_ALIVE_MS).forEach(r -> out.add(r.id()));
        });
        o.brokers().value().ifPresent(bs -> bs.stream().filter(b -> !b.fenced()).forEach(b -> out.add(b.id())));
        return out;
    }

    private String perform(Step s) throws InterruptedException {
        Action a = s.typed();
        if (a == null) {
            return "";
        }
        if (cluster == null && !(a instanceof Action.Caption || a instanceof Action.SetSpeed || a instanceof Action.Write
                || a instanceof Action.CreateTopic || a instanceof Action.CreatePartitions || a instanceof Action.DeleteTopic
                || a instanceof Action.Feed || a instanceof Action.RemoveVoter)) {
            throw new IllegalStateException("an attached cluster's processes are not this app's: " + a.getClass().getSimpleName());
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
                LocalNode n = r.emptyDisk() ? cluster.restartOnEmptyDisk(real) : cluster.restart(real);
                return (r.emptyDisk() ? "restarted " + aliases.describe(sim) + " on an empty disk (reformatted with --no-initial-controllers"
                        + (n.directoryId().isEmpty() ? "" : ", new directory id " + n.directoryId()) + ")" : "restarted " + aliases.describe(sim))
                        + " as pid " + n.pid() + listening(n);
            } catch (IOException e) {
                return "could not restart " + aliases.describe(sim) + ": " + e.getMessage();
            }
        }
        if (a instanceof Action.Stop st) {
            int sim = target(s, st.node());
            return cluster.stop(aliases.real(sim)) ? "stopped " + aliases.describe(sim) + " (SIGTERM: Kafka's controlled shutdown)" + role(st.node())
                    : aliases.describe(sim) + " was not running";
        }
        if (a instanceof Action.Pause p) {
            int sim = target(s, p.node());
            long pid = cluster.state().node(aliases.real(sim)).pid();
            return cluster.pause(aliases.real(sim)) ? "kill -STOP " + aliases.describe(sim) + " (pid " + pid + ")" + role(p.node())
                    : aliases.describe(sim) + " was not running";
        }
        if (a instanceof Action.Resume p) {
            int sim = target(s, p.node());
            long pid = cluster.state().node(aliases.real(sim)).pid();
            return cluster.resume(aliases.real(sim)) ? "kill -CONT " + aliases.describe(sim) + " (pid " + pid + ")" + role(p.node())
                    : aliases.describe(sim) + " was not running";
        }
        if (a instanceof Action.AddController ac) {
            aliases.use(ac.id());
            try {
                LocalNode n = cluster.addController(ac.id());
                return "started controller " + aliases.describe(ac.id()) + " as pid " + n.pid() + " on storage formatted with --no-initial-controllers"
                        + " (directory id " + n.directoryId() + ")" + listening(n);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot start controller " + ac.id() + ": " + e.getMessage(), e);
            }
        }
        if (a instanceof Action.AddVoter av) {
            int sim = target(s, av.node());
            int real = aliases.real(sim);
            // the simulator's observer catches up in milliseconds; a real JVM first starts: wait for it as the leader would
            KafkaObservation o = probe.awaitObservation(KafkaProbe.caughtUpObserver(real),
                    Duration.ofMillis((long) (RESTART_LISTEN_TIMEOUT.toMillis() * timeFactor)));
            String answer = VoterChanges.add(cluster, probe, real);
            answers.add(answer);
            return answer + (KafkaProbe.caughtUpObserver(real).test(o) ? "" : " (it had not caught up as an observer)");
        }
        if (a instanceof Action.RemoveVoter rv) {
            int sim = target(s, rv.node());
            String answer = VoterChanges.remove(probe, aliases.real(sim));
            answers.add(answer);
            return answer;
        }
        if (a instanceof Action.RegisterBroker rb) {
            aliases.use(rb.id());
            try {
                LocalNode n = cluster.addBroker(rb.id());
                return "started broker " + aliases.describe(rb.id()) + " as pid " + n.pid() + " on 127.0.0.1:" + n.port()
                        + " (the scenario's " + rb.host() + ":" + rb.port() + (rb.rack() == null ? "" : ", rack " + rb.rack())
                        + " is the simulator's listener; a local broker takes a free loopback port)" + listening(n);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot start broker " + rb.id() + ": " + e.getMessage(), e);
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
            PacedFeed feed = PacedFeed.start(cluster != null ? cluster.bootstrapServers() : probe.bootstrapServers(),
                    cluster != null ? new Properties() : probe.clientProperties(), f.topic(), f.records().records(), f.acks().label(),
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
            return controllerIds().stream().filter(id -> id != leader && running.contains(id))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no running follower"));
        }
        if (ref instanceof NodeRef.ABroker) {
            return brokerIds().stream().filter(running::contains).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no running broker"));
        }
        throw new IllegalStateException("unknown node reference " + ref);
    }

    private static String listening(LocalNode n) throws InterruptedException {
        return awaitListening(n) ? ", listening on 127.0.0.1:" + n.port()
                : ", NOT listening on 127.0.0.1:" + n.port() + " after " + RESTART_LISTEN_TIMEOUT.toSeconds() + " s (see its server.log)";
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
