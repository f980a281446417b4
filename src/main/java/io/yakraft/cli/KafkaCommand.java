package io.yakraft.cli;

import io.yakraft.kafka.KafkaLib;
import io.yakraft.kafka.KafkaObservation;
import io.yakraft.kafka.KafkaProbe;
import io.yakraft.kafka.LocalCluster;
import io.yakraft.kafka.LocalNode;
import io.yakraft.kafka.ObservationJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code kafka}: a local KRaft cluster of real Kafka 4.3.1 processes on loopback. The cluster directory
 * (default ~/.yakraft/kafka, one place whatever the working directory, so status and down find it) holds
 * cluster.json and each node's config, logs and data; nothing here deletes it.
 */
@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = "Start, inspect and stop a local KRaft cluster of real Kafka processes (one JVM per node).",
        subcommands = {KafkaCommand.Up.class, KafkaCommand.Status.class, KafkaCommand.Down.class,
            KafkaCommand.Kill.class, KafkaCommand.Stop.class, KafkaCommand.Restart.class, KafkaCommand.Pause.class,
            KafkaCommand.Resume.class, KafkaNodesCommand.AddBroker.class, KafkaNodesCommand.AddController.class,
            KafkaNodesCommand.AddVoter.class, KafkaNodesCommand.RemoveVoter.class, KafkaLogCommand.class})
public final class KafkaCommand {

    /** The default cluster directory. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".yakraft", "kafka");
    }

    abstract static class DirOption {
        // shared by every subcommand, also KafkaLogCommand in its own file
        @Option(names = "--dir", description = "the cluster directory (default ~/.yakraft/kafka)")
        Path dir;

        Path dir() {
            return dir != null ? dir : defaultDir();
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Format (first time) and start the cluster, wait until the quorum has a leader and the brokers are unfenced, exit leaving it running.")
    static final class Up extends DirOption implements Callable<Integer> {
        @Option(names = "--controllers", defaultValue = "3", description = "controller processes (voters), default ${DEFAULT-VALUE}")
        int controllers;
        @Option(names = "--brokers", defaultValue = "3", description = "broker processes, default ${DEFAULT-VALUE}")
        int brokers;
        @Option(names = "--timeout", defaultValue = "180", description = "seconds to wait for readiness, default ${DEFAULT-VALUE}")
        int timeoutSeconds;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            long started = System.nanoTime();
            Path dir = dir();
            LocalCluster cluster;
            int voters = controllers;
            if (Files.exists(dir.resolve("cluster.json"))) {
                cluster = LocalCluster.open(dir);
                var given = spec.commandLine().getParseResult();
                // a reopened cluster may have grown (add-broker, add-controller) or lost voters: its own sizes count
                // unless the person asked for other ones
                if (!given.hasMatchedOption("--controllers") && !given.hasMatchedOption("--brokers")) {
                    controllers = cluster.state().controllers().size();
                    brokers = cluster.state().brokers().size();
                    voters = -1;
                }
                if (cluster.state().controllers().size() != controllers || cluster.state().brokers().size() != brokers) {
                    System.err.println("kafka up: " + dir + " holds a cluster of " + cluster.state().controllers().size()
                            + " controller(s) and " + cluster.state().brokers().size() + " broker(s), not " + controllers + " and " + brokers
                            + "; use another --dir for a new cluster");
                    return 2;
                }
                System.out.println("restarting the cluster " + cluster.state().clusterId() + " in " + cluster.dir());
            } else {
                KafkaLib lib = KafkaLib.locate();
                System.out.println("formatting " + controllers + " controller(s) and " + brokers + " broker(s) in " + dir
                        + " with kafka.tools.StorageTool (dynamic quorum: --initial-controllers)");
                cluster = LocalCluster.create(dir, controllers, brokers, lib);
                System.out.println("cluster id " + cluster.state().clusterId() + ", Kafka jars from " + lib.dir());
            }
            cluster.startControllersFirst(Duration.ofSeconds(timeoutSeconds));
            for (LocalNode n : cluster.state().nodes()) {
                System.out.printf("  %-5s %-10s pid %-7d 127.0.0.1:%-5d %s%n", n.name(), n.role().processRoles(), n.pid(),
                        n.port(), cluster.nodeDir(n));
            }
            System.out.println("waiting for a quorum leader and " + brokers + " unfenced broker(s) (up to " + timeoutSeconds + " s)…");
            try (KafkaProbe probe = KafkaProbe.local(cluster)) {
                var ready = KafkaProbe.readyWith(voters, brokers);
                KafkaObservation o = probe.awaitObservation(ready, Duration.ofSeconds(timeoutSeconds));
                double secs = (System.nanoTime() - started) / 1e9;
                if (!ready.test(o)) {
                    System.err.printf("kafka up: not ready after %.1f s; quorum: %s; brokers: %s%n", secs,
                            o.quorum().value().map(Object::toString).orElse(o.quorum().error()),
                            o.brokers().value().map(Object::toString).orElse(o.brokers().error()));
                    System.err.println("the processes keep running; see each node's server.log; `kafka down` stops them");
                    return 1;
                }
                KafkaObservation.Quorum q = o.quorum().value().orElseThrow();
                System.out.printf("ready in %.1f s: leader %d, epoch %d, high watermark %d; brokers %s unfenced%n", secs,
                        q.leaderId(), q.leaderEpoch(), q.highWatermark(),
                        o.brokers().value().orElseThrow().stream().map(b -> String.valueOf(b.id())).collect(Collectors.joining(",")));
                System.out.println("bootstrap servers: " + cluster.bootstrapServers());
                System.out.println("controllers:       " + cluster.controllerBootstrap());
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Print the processes, the quorum, the brokers and the topics.")
    static final class Status extends DirOption implements Callable<Integer> {
        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() throws IOException {
            LocalCluster cluster = LocalCluster.open(dir());
            KafkaObservation o;
            try (KafkaProbe probe = KafkaProbe.local(cluster)) {
                o = probe.observe();
            }
            if (json) {
                System.out.println(ObservationJson.render(o, cluster));
            } else {
                for (LocalNode n : cluster.state().nodes()) {
                    System.out.printf("  %-5s %-10s pid %-7d 127.0.0.1:%-5d %s%n", n.name(), n.role().processRoles(), n.pid(), n.port(),
                            cluster.isPaused(n) ? "PAUSED (SIGSTOP)" : cluster.process(n).isPresent() ? "running" : "not running");
                }
                o.quorum().value().ifPresentOrElse(q -> {
                    System.out.printf("quorum: leader %d, epoch %d, high watermark %d%n", q.leaderId(), q.leaderEpoch(), q.highWatermark());
                    q.voters().forEach(r -> System.out.printf("  voter %d log end %d lag %d%n", r.id(), r.logEndOffset(), r.lag()));
                    q.observers().forEach(r -> System.out.printf("  observer %d log end %d lag %d%n", r.id(), r.logEndOffset(), r.lag()));
                }, () -> System.out.println("quorum: " + o.quorum().error()));
                o.brokers().value().ifPresentOrElse(bs -> bs.forEach(b -> System.out.printf("broker %d %s:%d %s%n", b.id(), b.host(),
                        b.port(), b.fenced() ? "FENCED" : "unfenced")), () -> System.out.println("brokers: " + o.brokers().error()));
            }
            return o.quorum().value().isPresent() ? 0 : 1;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Stop every node (brokers first, SIGTERM, Kafka's controlled shutdown); the directory stays.")
    static final class Down extends DirOption implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            LocalCluster cluster = LocalCluster.open(dir());
            long running = cluster.state().nodes().stream().filter(n -> cluster.process(n).isPresent()).count();
            cluster.stopAll();
            System.out.println("stopped " + running + " running node(s) of " + cluster.state().nodes().size()
                    + "; the data stays in " + cluster.dir() + " (`kafka up` starts it again)");
            return 0;
        }
    }

    abstract static class NodeCommand extends DirOption implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NODE", description = "a node id (1, 101), its name (c1, b101) or 'leader' (the active controller)")
        String node;

        /** Does this command's one thing to the node and says what happened. */
        abstract String act(LocalCluster cluster, int id) throws IOException;

        @Override
        public Integer call() throws IOException {
            LocalCluster cluster = LocalCluster.open(dir());
            int id;
            try {
                id = resolve(cluster);
            } catch (IllegalArgumentException | IllegalStateException e) {
                System.err.println(e.getMessage()); // a node name that names nothing is the person's input, not a crash
                return 2;
            }
            System.out.println(act(cluster, id));
            return 0;
        }

        int resolve(LocalCluster cluster) {
            String n = node.trim();
            if (n.equals("leader")) {
                try (KafkaProbe probe = KafkaProbe.local(cluster)) {
                    KafkaObservation.Quorum q = probe.quorum().value()
                            .orElseThrow(() -> new IllegalStateException("no quorum leader is known right now"));
                    return q.leaderId();
                }
            }
            return nodeId(cluster, n, "a node id, c<id>, b<id> or 'leader'");
        }
    }

    /**
     * The local cluster's node named by {@code text}: its id (1, 101) or name (c1, b101);
     * IllegalArgumentException naming {@code expected} when it is neither, or names no node.
     */
    static int nodeId(LocalCluster cluster, String text, String expected) {
        String n = text.trim();
        if (n.startsWith("c") || n.startsWith("b")) {
            n = n.substring(1);
        }
        try {
            return cluster.state().node(Integer.parseInt(n)).id();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NODE: expected " + expected + ", got '" + text + "'");
        }
    }

    @Command(name = "kill", mixinStandardHelpOptions = true, description = "kill -9 one node's process.")
    static final class Kill extends NodeCommand {
        @Override
        String act(LocalCluster cluster, int id) throws IOException {
            boolean was = cluster.kill(id);
            return was ? "killed node " + id + " (pid " + cluster.state().node(id).pid() + ")" : "node " + id + " was not running";
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop one node (SIGTERM, controlled shutdown).")
    static final class Stop extends NodeCommand {
        @Override
        String act(LocalCluster cluster, int id) throws IOException {
            return cluster.stop(id) ? "stopped node " + id : "node " + id + " was not running";
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "SIGSTOP one node's process: it stops where it is, sockets open, until `kafka resume` (a long GC pause).")
    static final class Pause extends NodeCommand {
        @Override
        String act(LocalCluster cluster, int id) {
            long pid = cluster.state().node(id).pid();
            return cluster.pause(id) ? "paused node " + id + " (kill -STOP " + pid + "); `kafka resume " + id + "` continues it"
                    : "node " + id + " is not running";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "SIGCONT a paused node's process.")
    static final class Resume extends NodeCommand {
        @Override
        String act(LocalCluster cluster, int id) {
            long pid = cluster.state().node(id).pid();
            return cluster.resume(id) ? "resumed node " + id + " (kill -CONT " + pid + ")" : "node " + id + " is not running";
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Stop a node if it runs, then start it again on its directory.")
    static final class Restart extends NodeCommand {
        @Override
        String act(LocalCluster cluster, int id) throws IOException {
            return "started node " + id + " as pid " + cluster.restart(id).pid();
        }
    }
}
