package io.yakraft.cli;

import io.yakraft.ui.UiBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code bench ui}: frame times of the real window, headless, on a large busy cluster. */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Measure the window headless (software rendering): 9 controllers + 6 brokers, 100k-entry logs,"
                + " a client write every 4 ms at 1x; frame period and work per frame p50/p99, cold start.")
public final class BenchUiCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "15", description = "wall seconds measured (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--log-entries", defaultValue = "100000", description = "entries in the logs before measuring (default ${DEFAULT-VALUE})")
    long logEntries;

    @Override
    public Integer call() throws Exception {
        UiBench.Result r = UiBench.run(seconds, logEntries);
        System.out.printf("bench ui: 9 controllers + 6 brokers, logs of %,d entries, %,d messages per simulated second%n",
                r.logEntries(), r.messagesPerSimSecond());
        System.out.printf("cold start to first frame: %d ms%n", r.coldStartMs());
        System.out.printf("frame period  p50 %.1f ms, p99 %.1f ms over %d frames%n", r.periodP50(), r.periodP99(), r.frames());
        System.out.printf("work per frame p50 %.1f ms, p99 %.1f ms (view-model update + drawing)%n", r.workP50(), r.workP99());
        System.out.printf("CPU per frame: JavaFX thread %.1f ms (layout, CSS, work), render thread %.1f ms (mean; barely load-dependent)%n",
                r.fxCpuPerFrameMs(), r.renderCpuPerFrameMs());
        return 0;
    }
}
