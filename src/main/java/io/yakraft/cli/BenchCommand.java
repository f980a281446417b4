package io.yakraft.cli;

import io.yakraft.check.RunResult;
import io.yakraft.check.RunSpec;
import io.yakraft.check.Runner;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.sim.QueueWorkout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code bench}: simulated events per second and the simulated:wall ratio for 3, 5 and 9
 * voters with invariant checks on and off, beside the raw cost of the event queue, all in one
 * JVM on this machine. A benchmark, not a test: it reports, it does not judge.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure simulation speed: events/s and simulated:wall ratio ('bench ui': the window's frame times; 'bench lincheck': the linearizability checker).",
        subcommands = {BenchUiCommand.class, BenchRewindCommand.class, BenchLincheckCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--minutes", defaultValue = "30", description = "simulated minutes per busy run (default ${DEFAULT-VALUE})")
    int minutes;

    @Option(names = "--idle-hours", defaultValue = "24", description = "simulated hours of the idle 5-voter run (default ${DEFAULT-VALUE})")
    int idleHours;

    @Option(names = "--repeats", defaultValue = "3", description = "measured repetitions per row after one warm-up (default ${DEFAULT-VALUE})")
    int repeats;

    @Override
    public Integer call() {
        System.out.printf("YAKRaft bench on %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        queue();
        System.out.printf("%nbusy cluster: a client write every 10 ms, no faults, %d simulated min per run, trace off%n", minutes);
        System.out.printf("%-8s %-11s %14s %14s %16s%n", "voters", "invariants", "events", "events/s", "sim:wall");
        for (int voters : new int[] {3, 5, 9}) {
            for (boolean invariants : new boolean[] {true, false}) {
                ClusterConfig cfg = ClusterConfig.defaults(42, voters, 0).withTrace(false);
                RunSpec spec = RunSpec.of(cfg, minutes * 60_000L, false).withWritePeriod(10).withInvariants(invariants);
                row(String.valueOf(voters), invariants ? "on" : "off", spec);
            }
        }
        System.out.printf("%nfault campaign: 5 voters, 2 observers, a write every 100 ms, random faults, %d simulated min%n", minutes);
        ClusterConfig chaos = ClusterConfig.defaults(42, 5, 2).withTrace(false);
        row("5+2", "on", RunSpec.of(chaos, minutes * 60_000L, true));
        System.out.printf("%nidle 5-voter cluster on Kafka's default timeouts (no writes, no faults), %d simulated h%n", idleHours);
        ClusterConfig idle = ClusterConfig.defaults(42, 5, 0).withTrace(false);
        row("5", "on", RunSpec.of(idle, idleHours * 3_600_000L, false).withWritePeriod(0));
        return 0;
    }

    private void queue() {
        long ops = 20_000_000;
        QueueWorkout.run(1_000, ops / 4, 1); // warm-up
        long best = Long.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            QueueWorkout.run(1_000, ops, i);
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("event queue alone (depth 1000, pop+push): %,d events/s (best of %d)%n", ops * 1_000_000_000L / best, repeats);
    }

    private void row(String voters, String invariants, RunSpec spec) {
        Runner.run(spec); // warm-up
        long bestNs = Long.MAX_VALUE;
        RunResult result = null;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            result = Runner.run(spec);
            bestNs = Math.min(bestNs, System.nanoTime() - t0);
        }
        double seconds = bestNs / 1e9;
        System.out.printf("%-8s %-11s %,14d %,14d %,15.0f:1%s%n", voters, invariants, result.events(),
                (long) (result.events() / seconds), result.simulatedMs() / 1000.0 / seconds,
                result.safe() ? "" : "  (VIOLATION: " + result.violations().get(0).rule() + ")");
    }
}
