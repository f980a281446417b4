package io.yakraft.cli;

import io.yakraft.kafka.KafkaObservation;
import io.yakraft.kafka.KafkaProbe;
import io.yakraft.kafka.LocalCluster;
import io.yakraft.kafka.LocalNode;
import io.yakraft.kafka.VoterChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code kafka add-broker}, {@code add-controller}, {@code add-voter}, {@code remove-voter}: a local real cluster
 * grows by new processes (formatted by StorageTool, started like the others) and its voter set changes through
 * KIP-853's AddRaftVoter and RemoveRaftVoter. Each waits until the cluster shows the change, and says so.
 */
final class KafkaNodesCommand {
    private KafkaNodesCommand() {
    }

    abstract static class Waiting extends KafkaCommand.DirOption implements Callable<Integer> {
        @Option(names = "--timeout", defaultValue = "120", description = "seconds to wait until the cluster shows the change, default ${DEFAULT-VALUE}")
        int timeoutSeconds;

        /** Waits for {@code what}; prints how long it took, or what the cluster showed instead. */
        boolean await(KafkaProbe probe, Predicate<KafkaObservation> what, String description, long startedNanos) throws InterruptedException {
            KafkaObservation o = probe.awaitObservation(what, Duration.ofSeconds(timeoutSeconds));
            double secs = (System.nanoTime() - startedNanos) / 1e9;
            if (what.test(o)) {
                System.out.printf("%s after %.1f s%n", description, secs);
                return true;
            }
            System.err.printf("not yet after %.1f s: %s; quorum: %s; brokers: %s%n", secs, description,
                    o.quorum().value().map(KafkaNodesCommand::quorumLine).orElse(o.quorum().error()),
                    o.brokers().value().map(Object::toString).orElse(o.brokers().error()));
            return false;
        }
    }

    /** A new node process: started in the cluster, then waited for until the cluster shows it. */
    abstract static class NewNode extends Waiting {
        /** Formats and starts the node; an IllegalArgumentException is the cluster refusing it (a taken id). */
        abstract LocalNode start(LocalCluster cluster) throws IOException;

        /** Says where {@code n} runs and waits until the cluster shows it; the exit code. */
        abstract int waitFor(LocalCluster cluster, LocalNode n, long startedNanos) throws IOException, InterruptedException;

        @Override
        public Integer call() throws IOException, InterruptedException {
            LocalCluster cluster = LocalCluster.open(dir());
            long started = System.nanoTime();
            LocalNode n;
            try {
                n = start(cluster);
            } catch (IllegalArgumentException e) {
                System.err.println("kafka " + getClass().getAnnotation(Command.class).name() + ": " + e.getMessage());
                return 2;
            }
            return waitFor(cluster, n, started);
        }
    }

    static String quorumLine(KafkaObservation.Quorum q) {
        return "leader " + q.leaderId() + ", epoch " + q.leaderEpoch() + ", voters " + ids(q.voters()) + ", observers " + ids(q.observers());
    }

    private static String ids(java.util.List<KafkaObservation.Replica> rs) {
        return rs.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(",", "[", "]"));
    }

    @Command(name = "add-broker", mixinStandardHelpOptions = true,
            description = "Register a broker: format and start another broker process, wait until it is registered and unfenced.")
    static final class AddBroker extends NewNode {
        @Option(names = "--id", defaultValue = "0", description = "the broker's node.id (default: one past the highest, from 101)")
        int id;

        @Override
        LocalNode start(LocalCluster cluster) throws IOException {
            return cluster.addBroker(id);
        }

        @Override
        int waitFor(LocalCluster cluster, LocalNode n, long started) throws IOException, InterruptedException {
            System.out.printf("started %s (broker) as pid %d on 127.0.0.1:%d, %s%n", n.name(), n.pid(), n.port(), cluster.nodeDir(n));
            try (KafkaProbe probe = KafkaProbe.local(cluster)) {
                return await(probe, KafkaProbe.brokerUnfenced(n.id()), "broker " + n.id() + " is registered and unfenced", started) ? 0 : 1;
            }
        }
    }

    @Command(name = "add-controller", mixinStandardHelpOptions = true,
            description = "Start a new controller process formatted with --no-initial-controllers: it fetches the metadata log as an"
                    + " observer; with --voter it is then added to the voter set (AddRaftVoter) once it has caught up.")
    static final class AddController extends NewNode {
        @Option(names = "--id", defaultValue = "0", description = "the controller's node.id (default: one past the highest controller id)")
        int id;
        @Option(names = "--voter", description = "also add it as a voter once it has caught up")
        boolean voter;

        @Override
        LocalNode start(LocalCluster cluster) throws IOException {
            return cluster.addController(id);
        }

        @Override
        int waitFor(LocalCluster cluster, LocalNode n, long started) throws IOException, InterruptedException {
            System.out.printf("started %s (controller) as pid %d on 127.0.0.1:%d, directory id %s, %s%n", n.name(), n.pid(), n.port(),
                    n.directoryId(), cluster.nodeDir(n));
            try (KafkaProbe probe = KafkaProbe.local(cluster)) {
                if (!await(probe, KafkaProbe.caughtUpObserver(n.id()), n.name() + " is an observer caught up with the high watermark", started)) {
                    return 1;
                }
                if (!voter) {
                    System.out.println("`kafka add-voter " + n.id() + "` makes it a voter");
                    return 0;
                }
                AddVoter add = new AddVoter();
                add.timeoutSeconds = timeoutSeconds;
                return add.changeAndWait(cluster, probe, n.id(), started);
            }
        }
    }

    /** A voter-set change named by one controller: asks it of the active controller, then waits until the voters show it. */
    abstract static class VoterSetChange extends Waiting {
        @picocli.CommandLine.Parameters(index = "0", paramLabel = "NODE", description = "a controller id (4) or name (c4)")
        String node;

        @Override
        public Integer call() throws IOException, InterruptedException {
            LocalCluster cluster = LocalCluster.open(dir());
            int id;
            try {
                id = KafkaCommand.nodeId(cluster, node, "a node id or c<id>");
            } catch (IllegalArgumentException e) {
                System.err.println("kafka " + getClass().getAnnotation(Command.class).name() + ": " + e.getMessage());
                return 2;
            }
            try (KafkaProbe probe = KafkaProbe.local(cluster)) {
                return changeAndWait(cluster, probe, id, System.nanoTime());
            }
        }

        /** The RPC's answer, "...: ok" when the leader took it. */
        abstract String change(LocalCluster cluster, KafkaProbe probe, int id);

        /** The voter set once the change is in. */
        abstract Set<Integer> after(Set<Integer> before, int id);

        int changeAndWait(LocalCluster cluster, KafkaProbe probe, int id, long started) throws InterruptedException {
            Set<Integer> want = after(voters(probe), id);
            String answer = change(cluster, probe, id);
            System.out.println(answer);
            if (!answer.endsWith(": ok")) {
                return 1;
            }
            return await(probe, KafkaProbe.votersAre(want), "the voters are " + want, started) ? 0 : 1;
        }
    }

    @Command(name = "add-voter", mixinStandardHelpOptions = true,
            description = "AddRaftVoter: the active controller adds a running controller (an observer now) to the voter set.")
    static final class AddVoter extends VoterSetChange {
        @Override
        String change(LocalCluster cluster, KafkaProbe probe, int id) {
            return VoterChanges.add(cluster, probe, id);
        }

        @Override
        Set<Integer> after(Set<Integer> before, int id) {
            Set<Integer> want = new TreeSet<>(before);
            want.add(id);
            return want;
        }
    }

    @Command(name = "remove-voter", mixinStandardHelpOptions = true,
            description = "RemoveRaftVoter: the active controller removes a voter from the voter set (its process keeps running).")
    static final class RemoveVoter extends VoterSetChange {
        @Override
        String change(LocalCluster cluster, KafkaProbe probe, int id) {
            return VoterChanges.remove(probe, id);
        }

        @Override
        Set<Integer> after(Set<Integer> before, int id) {
            Set<Integer> want = new TreeSet<>(before);
            want.remove(id);
            return want;
        }
    }

    private static Set<Integer> voters(KafkaProbe probe) {
        return probe.quorum().value().map(q -> q.voters().stream().map(KafkaObservation.Replica::id)
                .collect(Collectors.toCollection(TreeSet::new))).orElseGet(TreeSet::new);
    }
}
