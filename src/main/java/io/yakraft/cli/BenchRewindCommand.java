package io.yakraft.cli;

import io.yakraft.session.Session;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.scenario.ScenarioReader;
import io.yakraft.cluster.Action;
import io.yakraft.cluster.NodeRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
        Session session = session(ClusterConfig.defaults(42, 3, 3).withNetwork(ScenarioReader.DEFAULT_NETWORK));
        long end = session.now();
        System.out.printf("bench rewind: %d simulated minutes, %d recorded actions, trace and invariants on%n", minutes,
                minutes - 1);
        for (long target : new long[] {end / 2, end}) {
            session.rewindTo(target); // warm-up
            long best = Long.MAX_VALUE;
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                session.rewindTo(target);
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf("rewind to %3d min: %,d events replayed in %d ms (best of %d)%n", target / 60_000,
                    session.snapshot().events(), best / 1_000_000, repeats);
        }
        return 0;
    }

    /** A session as a person makes it in the window: an action a minute (kill, restart, create a topic). */
    private Session session(ClusterConfig config) {
        Session s = new Session(config);
        for (int m = 1; m < minutes; m++) {
            s.advance(m * 60_000L - s.now());
            Action a = switch (m % 4) {
                case 0 -> new Action.Kill(new NodeRef.Leader());
                case 1 -> new Action.Restart(NodeRef.node(1 + (m / 4) % 3), false);
                case 2 -> new Action.CreateTopic("t" + m, 2, 2);
                default -> new Action.Restart(NodeRef.broker(101 + m % 3), false);
            };
            s.perform(a, o -> { }, r -> { });
        }
        s.advance(minutes * 60_000L - s.now());
        return s;
    }
}
