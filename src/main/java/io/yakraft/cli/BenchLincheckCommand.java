package io.yakraft.cli;

import io.yakraft.check.lin.History;
import io.yakraft.check.lin.HistoryWorkout;
import io.yakraft.check.lin.Linearizability;
import io.yakraft.check.lin.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code bench lincheck}: how long the linearizability checker takes on a synthetic history the
 * size of a long fuzz run (10,000 operations over 100 keys by default, several clients per key,
 * pending calls among them). A benchmark, not a test: it reports, it does not judge.
 */
@Command(name = "lincheck", mixinStandardHelpOptions = true,
        description = "Measure the linearizability checker on a generated history (default 10,000 operations over 100 keys).")
public final class BenchLincheckCommand implements Callable<Integer> {

    @Option(names = "--operations", defaultValue = "10000", description = "operations in the history (default ${DEFAULT-VALUE})")
    int operations;

    @Option(names = "--keys", defaultValue = "100", description = "keys they are spread over (default ${DEFAULT-VALUE})")
    int keys;

    @Option(names = "--clients", defaultValue = "4", description = "clients per key, each one call at a time (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--repeats", defaultValue = "5", description = "measured checks after two warm-ups (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the generated history (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        if (operations < 1 || keys < 1 || clients < 1 || repeats < 1) {
            System.err.println("--operations, --keys, --clients and --repeats must be at least 1");
            return 2;
        }
        History h = HistoryWorkout.generate(seed, operations, keys, clients);
        System.out.printf("YAKRaft bench lincheck on %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf("history: %,d operations over %d keys, %d clients per key, %,d pending, seed %d%n", h.size(), keys,
                clients, h.pendingCount(), seed);
        Verdict v = null;
        for (int i = 0; i < 2; i++) {
            v = Linearizability.check(h); // warm-up: the first check also pays for class loading and the JIT
        }
        long first = 0;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            v = Linearizability.check(h);
            long ns = System.nanoTime() - t0;
            best = Math.min(best, ns);
            first = i == 0 ? ns : first;
        }
        System.out.printf("verdict: %s%n", v.linearizable() && v.undecided().isEmpty() ? "linearizable" : v.describe());
        System.out.printf("check: %.1f ms best of %d (%.1f ms the first measured), %,d operations/s%n", best / 1e6, repeats,
                first / 1e6, (long) (h.size() / (best / 1e9)));
        long cold = coldCheck(h);
        System.out.printf("another history (seed %d), checked once: %.1f ms%n", seed + 1, cold / 1e6);
        return v.linearizable() && v.undecided().isEmpty() ? 0 : 1;
    }

    private long coldCheck(History h) {
        History other = HistoryWorkout.generate(seed + 1, h.size(), keys, clients);
        long t0 = System.nanoTime();
        Linearizability.check(other);
        return System.nanoTime() - t0;
    }
}
