package io.yakraft.cli;

import io.yakraft.check.InvariantChecker;
import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.scenario.ScenarioReader;
import io.yakraft.cluster.Action;
import io.yakraft.cluster.NodeRef;
import io.yakraft.scenario.SessionRecording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench rewind}: how long the window's rewind takes in a long session. A rewind rebuilds
 * the history from the start (deterministic replay of the recorded actions, trace and
 * invariant checks on, as in the window); this measures rebuilding to the middle and to the end.
 */
@Command(name = "rewind", mixinStandardHelpOptions = true,
        description = "Measure rewinding in a long recorded session (3 controllers, 3 brokers, an action every minute).")
public final class BenchRewindCommand implements Callable<Integer> {
    @Option(names = "--minutes", defaultValue = "60", description = "length of the session in simulated minutes (default ${DEFAULT-VALUE})")
    int minutes;

    @Option(names = "--repeats", defaultValue = "5", description = "measured rewinds per target after one warm-up (default ${DEFAULT-VALUE})")
    int repeats;

    @Override
    public Integer call() {
        ClusterConfig config = ClusterConfig.defaults(42, 3, 3).withNetwork(ScenarioReader.DEFAULT_NETWORK);
        SessionRecording session = session(config);
        long end = minutes * 60_000L;
        System.out.printf("bench rewind: %d simulated minutes, %d recorded actions, trace and invariants on%n", minutes,
                session.size());
        for (long target : new long[] {end / 2, end}) {
            rebuild(config, session, target); // warm-up
            long best = Long.MAX_VALUE;
            long events = 0;
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                events = rebuild(config, session, target);
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf("rewind to %3d min: %,d events replayed in %d ms (best of %d)%n", target / 60_000, events,
                    best / 1_000_000, repeats);
        }
        return 0;
    }

    /** An action a minute: kill and restart a controller or a broker, create a topic. */
    private SessionRecording session(ClusterConfig config) {
        SessionRecording s = new SessionRecording(config);
        for (int m = 1; m < minutes; m++) {
            Action a = switch (m % 4) {
                case 0 -> new Action.Kill(new NodeRef.Leader());
                case 1 -> new Action.Restart(NodeRef.node(1 + (m / 4) % 3), false);
                case 2 -> new Action.CreateTopic("t" + m, 2, 2);
                default -> new Action.Restart(NodeRef.broker(101 + m % 3), false);
            };
            s.add(m * 60_000L, a);
        }
        return s;
    }

    private static long rebuild(ClusterConfig config, SessionRecording session, long target) {
        Cluster c = new Cluster(config);
        new InvariantChecker(c);
        List<Object> trace = new ArrayList<>();
        c.addTraceListener(trace::add); // the window keeps the trace too
        c.start();
        session.replay(c, -1, target, Long.MAX_VALUE);
        return c.eventCount();
    }
}
