package io.yakraft.kafka;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A local KRaft cluster of real Kafka processes on loopback: one JVM per node running {@code kafka.Kafka},
 * storage formatted by Kafka's own {@code kafka.tools.StorageTool}. Its state lives in {@code cluster.json}
 * in the cluster directory, so any later command (or the window) can find and control the processes.
 * Nothing here deletes files: the directory stays for the user to inspect or remove.
 */
public final class LocalCluster {
    /** Small heaps so six nodes fit on a laptop; C1 only, since a lab's nodes live minutes, not days. */
    static final List<String> NODE_JVM_OPTIONS = List.of("-Xmx256m", "-Xms32m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");
    public static final int FIRST_BROKER_ID = 101;
    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    /** Replaced whole on every change (and by {@link #reload}); read by the window's refresh thread. */
    private volatile LocalClusterState state;

    private LocalCluster(Path dir, LocalClusterState state) {
        this.dir = dir.toAbsolutePath().normalize();
        this.state = state;
    }

    /**
     * Plans the nodes (controllers 1…n, brokers 101…, free loopback ports), writes their configs and formats
     * their storage; starts nothing. Refuses a directory that already holds a cluster.
     */
    public static LocalCluster create(Path dir, int controllers, int brokers, KafkaLib lib) throws IOException {
        if (controllers < 1 || brokers < 0) {
            throw new IllegalArgumentException("need at least 1 controller and 0 or more brokers, got " + controllers + " and " + brokers);
        }
        if (Files.exists(dir.resolve(LocalClusterState.FILE_NAME))) {
            throw new IOException(dir.resolve(LocalClusterState.FILE_NAME) + " exists: a cluster was already made here"
                    + " (`kafka down` stops it; remove the directory or pick another --dir for a new one)");
        }
        Files.createDirectories(dir);
        List<Integer> ports = freePorts(controllers + brokers);
        List<LocalNode> nodes = new ArrayList<>();
        for (int i = 0; i < controllers; i++) {
            nodes.add(new LocalNode(i + 1, NodeRole.CONTROLLER, ports.get(i), Uuid.randomUuid().toString(), 0));
        }
        for (int i = 0; i < brokers; i++) {
            nodes.add(new LocalNode(FIRST_BROKER_ID + i, NodeRole.BROKER, ports.get(controllers + i), "", 0));
        }
        LocalClusterState state = new LocalClusterState(Uuid.randomUuid().toString(), lib.dir().toString(), nodes);
        LocalCluster cluster = new LocalCluster(dir, state);
        for (LocalNode node : nodes) {
            NodeConfig.write(cluster.dir, node, state.controllers(), brokers);
        }
        cluster.format();
        state.save(cluster.dir);
        return cluster;
    }

    public static LocalCluster open(Path dir) throws IOException {
        return new LocalCluster(dir, LocalClusterState.load(dir));
    }

    public Path dir() {
        return dir;
    }

    public LocalClusterState state() {
        return state;
    }

    /** {@code 127.0.0.1:p,…} of the brokers: what clients bootstrap from. */
    public String bootstrapServers() {
        return state.brokers().stream().map(b -> "127.0.0.1:" + b.port()).collect(Collectors.joining(","));
    }

    /** {@code 127.0.0.1:p,…} of the controllers: Admin's {@code bootstrap.controllers} (KIP-919). */
    public String controllerBootstrap() {
        return state.controllers().stream().map(c -> "127.0.0.1:" + c.port()).collect(Collectors.joining(","));
    }

    public Path nodeDir(LocalNode node) {
        return NodeConfig.nodeDir(dir, node);
    }

    /** {@code StorageTool format} on every node at once (each is a JVM start; in parallel they take as long as one). */
    private void format() throws IOException {
        List<Process> running = new ArrayList<>();
        List<LocalNode> nodes = state.nodes();
        for (LocalNode node : nodes) {
            running.add(startFormat(node, node.role() == NodeRole.CONTROLLER));
        }
        for (int i = 0; i < running.size(); i++) {
            awaitFormat(running, i, nodes.get(i));
        }
    }

    /**
     * {@code StorageTool format} of one node: a controller of the first voter set with {@code --initial-controllers}
     * (which also writes its directory id), anything else with {@code --no-initial-controllers} (KIP-853: a
     * controller formatted so starts as an observer and becomes a voter only through AddRaftVoter).
     */
    private Process startFormat(LocalNode node, boolean initialVoter) throws IOException {
        List<String> cmd = new ArrayList<>(javaPrefix());
        cmd.addAll(List.of("kafka.tools.StorageTool", "format", "--cluster-id", state.clusterId(),
                "--config", NodeConfig.propertiesFile(dir, node).toString()));
        if (initialVoter) {
            cmd.addAll(List.of("--initial-controllers", NodeConfig.initialControllers(state.controllers())));
        } else {
            cmd.add("--no-initial-controllers");
        }
        Path log = nodeDir(node).resolve("format.log");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitFormat(List<Process> running, int i, LocalNode node) throws IOException {
        Process p = running.get(i);
        Path log = nodeDir(node).resolve("format.log");
        try {
            if (!p.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                running.forEach(Process::destroyForcibly);
                throw new IOException("formatting node " + node.id() + " took over " + FORMAT_TIMEOUT.toSeconds() + " s; see " + log);
            }
        } catch (InterruptedException e) {
            running.forEach(Process::destroyForcibly);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("kafka.tools.StorageTool format failed for node " + node.id()
                    + " (exit " + p.exitValue() + "): " + Files.readString(log).strip());
        }
    }

    /**
     * Register a broker: plans broker {@code id} (0: the next free broker id) on a free port, writes its config,
     * formats its storage and starts its process. The caller waits for its registration (describeCluster).
     */
    public LocalNode addBroker(int id) throws IOException {
        int chosen = id > 0 ? id : NewNodes.nextId(state, NodeRole.BROKER);
        LocalNode node = new LocalNode(NewNodes.checkFree(state, chosen, NodeRole.BROKER), NodeRole.BROKER, freePorts(1).get(0), "", 0);
        return addAndStart(node, state.brokers().size() + 1);
    }

    /**
     * Starts a new controller {@code id} (0: the next free controller id) on storage formatted with
     * {@code --no-initial-controllers}: it fetches the metadata log as an observer until AddRaftVoter makes it a
     * voter ({@code controller.quorum.auto.join.enable} stays false, so that step is the person's). Its directory
     * id, which AddRaftVoter needs, is the one StorageTool wrote into its meta.properties.
     */
    public LocalNode addController(int id) throws IOException {
        int chosen = id > 0 ? id : NewNodes.nextId(state, NodeRole.CONTROLLER);
        LocalNode node = new LocalNode(NewNodes.checkFree(state, chosen, NodeRole.CONTROLLER), NodeRole.CONTROLLER, freePorts(1).get(0), "", 0);
        return addAndStart(node, state.brokers().size());
    }

    private LocalNode addAndStart(LocalNode planned, int brokerCount) throws IOException {
        List<LocalNode> bootstrap = state.controllers();
        NodeConfig.write(dir, planned, bootstrap, brokerCount);
        List<Process> one = List.of(startFormat(planned, false));
        awaitFormat(one, 0, planned);
        LocalNode node = planned.role() == NodeRole.CONTROLLER
                ? new LocalNode(planned.id(), planned.role(), planned.port(), NodeConfig.directoryId(dir, planned), 0) : planned;
        state = state.plus(node);
        state.save(dir);
        return start(node.id());
    }

    /** Reads cluster.json again when another command (a CLI beside the window) changed it. */
    public void reload() throws IOException {
        state = LocalClusterState.load(dir);
    }

    private List<String> javaPrefix() {
        List<String> cmd = new ArrayList<>();
        cmd.add(KafkaLib.javaCommand());
        cmd.addAll(NODE_JVM_OPTIONS);
        cmd.addAll(List.of("-cp", new KafkaLib(Path.of(state.kafkaLib())).classPath()));
        return cmd;
    }

    /** Starts every node that is not running. */
    public void startAll() throws IOException {
        for (LocalNode node : state.nodes()) {
            if (process(node).isEmpty()) {
                start(node.id());
            }
        }
    }

    /**
     * Starts the controllers, waits (up to {@code quorumTimeout}) until they have elected a leader, then starts the
     * brokers. On a loaded machine, brokers started together with the controllers saw the quorum's first leader
     * resign within seconds (six JVMs starting on two cores: its voters' fetches came too late) and two of three
     * Kafka 4.3.1 brokers then retried their registration forever; brokers that start against a settled quorum
     * register at once, and the controllers start without competing with them for the CPU.
     * Returns whether the quorum had a leader in time (the brokers start either way).
     */
    public boolean startControllersFirst(Duration quorumTimeout) throws IOException, InterruptedException {
        for (LocalNode node : state.controllers()) {
            if (process(node).isEmpty()) {
                start(node.id());
            }
        }
        boolean led;
        try (KafkaProbe probe = KafkaProbe.controllersOnly(this)) {
            led = KafkaProbe.readyWith(-1, 0).test(
                    probe.awaitObservation(KafkaProbe.readyWith(-1, 0), quorumTimeout));
        }
        for (LocalNode node : state.brokers()) {
            if (process(node).isEmpty()) {
                start(node.id());
            }
        }
        return led;
    }

    /** Starts one node's process ({@code kafka.Kafka server.properties}); its output goes to stdout.log in its directory. */
    public LocalNode start(int id) throws IOException {
        LocalNode node = state.node(id);
        if (process(node).isPresent()) {
            throw new IllegalStateException("node " + id + " is already running as pid " + node.pid());
        }
        Path nodeDir = nodeDir(node);
        List<String> cmd = new ArrayList<>(javaPrefix());
        cmd.add(1, "-Dlog4j2.configurationFile=" + nodeDir.resolve("log4j2.properties"));
        cmd.add(1, "-Dkafka.logs.dir=" + nodeDir);
        cmd.addAll(List.of("kafka.Kafka", NodeConfig.propertiesFile(dir, node).toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir.resolve("stdout.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        LocalNode started = node.withPid(p.pid());
        state = state.with(started);
        state.save(dir);
        return started;
    }

    /** The node's live process, if the recorded pid is alive and still runs this node's config (pids get reused). */
    public Optional<ProcessHandle> process(LocalNode node) {
        if (node.pid() <= 0) {
            return Optional.empty();
        }
        String config = NodeConfig.propertiesFile(dir, node).toString();
        return ProcessHandle.of(node.pid()).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(config)).orElse(true));
    }

    public boolean isRunning(int id) {
        return process(state.node(id)).isPresent();
    }

    /** kill -9: the process dies at once, without Kafka's controlled shutdown. Waits until it is gone. */
    public boolean kill(int id) {
        Optional<ProcessHandle> p = process(state.node(id));
        p.ifPresent(h -> {
            h.destroyForcibly();
            awaitExit(h, STOP_TIMEOUT);
        });
        return p.isPresent();
    }

    /** SIGTERM: Kafka's controlled shutdown; forced after a minute. Waits until the process is gone. */
    public boolean stop(int id) {
        Optional<ProcessHandle> p = process(state.node(id));
        p.ifPresent(h -> {
            // a paused JVM would hold the SIGTERM until it is continued
            Signals.send(h.pid(), "CONT");
            h.destroy();
            if (!awaitExit(h, STOP_TIMEOUT)) {
                h.destroyForcibly();
                awaitExit(h, STOP_TIMEOUT);
            }
        });
        return p.isPresent();
    }

    /**
     * SIGSTOP: the node's JVM stops where it is, sockets open, and answers nothing until resumed (a long GC pause
     * or a frozen VM, as the simulator's pause). Its peers see only silence: fetch and session timeouts run out.
     */
    public boolean pause(int id) {
        Optional<ProcessHandle> p = process(state.node(id));
        p.ifPresent(h -> Signals.send(h.pid(), "STOP"));
        return p.isPresent();
    }

    /** SIGCONT: the paused JVM continues, with its timers late by the pause. */
    public boolean resume(int id) {
        Optional<ProcessHandle> p = process(state.node(id));
        p.ifPresent(h -> Signals.send(h.pid(), "CONT"));
        return p.isPresent();
    }

    /** Whether the node's process runs but is stopped by a signal (state T in /proc or ps). */
    public boolean isPaused(LocalNode node) {
        return process(node).map(h -> Signals.stopped(h.pid())).orElse(false);
    }

    /** Stops the node if it runs (gracefully), then starts it again on the same directory and port. */
    public LocalNode restart(int id) throws IOException {
        stop(id);
        return start(id);
    }

    /**
     * The node's disk is lost: kill -9, its data directory removed, formatted again with {@code --no-initial-controllers}
     * (a controller gets a new directory id, so the voter set's entry for its old disk no longer matches it; KIP-853),
     * then started. A controller comes back as an observer until it is added as a voter again.
     */
    public LocalNode restartOnEmptyDisk(int id) throws IOException {
        kill(id);
        LocalNode node = state.node(id);
        Path data = NodeConfig.dataDir(dir, node);
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        awaitFormat(List.of(startFormat(node, false)), 0, node);
        if (node.role() == NodeRole.CONTROLLER) {
            state = state.with(new LocalNode(node.id(), node.role(), node.port(), NodeConfig.directoryId(dir, node), node.pid()));
            state.save(dir);
        }
        return start(id);
    }

    /** Stops every node: brokers first (their controlled shutdown needs the controllers), then controllers. */
    public void stopAll() {
        // send every broker its SIGTERM at once, then wait; the same for the controllers
        for (List<LocalNode> group : List.of(state.brokers(), state.controllers())) {
            List<ProcessHandle> handles = group.stream().map(this::process).flatMap(Optional::stream).toList();
            handles.forEach(h -> Signals.send(h.pid(), "CONT"));
            handles.forEach(ProcessHandle::destroy);
            for (ProcessHandle h : handles) {
                if (!awaitExit(h, STOP_TIMEOUT)) {
                    h.destroyForcibly();
                    awaitExit(h, STOP_TIMEOUT);
                }
            }
        }
    }

    /** kill -9 on every node, for cleanup after a failure. */
    public void killAll() {
        state.nodes().forEach(n -> kill(n.id()));
    }

    private static boolean awaitExit(ProcessHandle h, Duration timeout) {
        try {
            h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        }
    }

    /** Ports the OS hands out now on 127.0.0.1, all held open together so none repeats. */
    static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports on 127.0.0.1", e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the port is released either way when the socket is collected
                }
            }
        }
    }
}
