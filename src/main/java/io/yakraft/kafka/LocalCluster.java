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
    private LocalClusterState state;

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
        String initial = NodeConfig.initialControllers(state.controllers());
        List<Process> running = new ArrayList<>();
        List<LocalNode> nodes = state.nodes();
        for (LocalNode node : nodes) {
            List<String> cmd = new ArrayList<>(javaPrefix());
            cmd.addAll(List.of("kafka.tools.StorageTool", "format", "--cluster-id", state.clusterId(),
                    "--config", NodeConfig.propertiesFile(dir, node).toString()));
            if (node.role() == NodeRole.CONTROLLER) {
                cmd.addAll(List.of("--initial-controllers", initial));
            } else {
                cmd.add("--no-initial-controllers");
            }
            Path log = nodeDir(node).resolve("format.log");
            running.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        for (int i = 0; i < running.size(); i++) {
            Process p = running.get(i);
            Path log = nodeDir(nodes.get(i)).resolve("format.log");
            try {
                if (!p.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    running.forEach(Process::destroyForcibly);
                    throw new IOException("formatting node " + nodes.get(i).id() + " took over " + FORMAT_TIMEOUT.toSeconds() + " s; see " + log);
                }
            } catch (InterruptedException e) {
                running.forEach(Process::destroyForcibly);
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while formatting", e);
            }
            if (p.exitValue() != 0) {
                throw new IOException("kafka.tools.StorageTool format failed for node " + nodes.get(i).id()
                        + " (exit " + p.exitValue() + "): " + Files.readString(log).strip());
            }
        }
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
            led = KafkaProbe.readyWith(state.controllers().size(), 0).test(
                    probe.awaitObservation(KafkaProbe.readyWith(state.controllers().size(), 0), quorumTimeout));
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
            h.destroy();
            if (!awaitExit(h, STOP_TIMEOUT)) {
                h.destroyForcibly();
                awaitExit(h, STOP_TIMEOUT);
            }
        });
        return p.isPresent();
    }

    /** Stops the node if it runs (gracefully), then starts it again on the same directory and port. */
    public LocalNode restart(int id) throws IOException {
        stop(id);
        return start(id);
    }

    /** Stops every node: brokers first (their controlled shutdown needs the controllers), then controllers. */
    public void stopAll() {
        // send every broker its SIGTERM at once, then wait; the same for the controllers
        for (List<LocalNode> group : List.of(state.brokers(), state.controllers())) {
            List<ProcessHandle> handles = group.stream().map(this::process).flatMap(Optional::stream).toList();
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
