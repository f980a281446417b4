package io.yakraft.cli;

import io.yakraft.session.Session;
import io.yakraft.session.LiveSession;
import io.yakraft.check.TopicWorkload;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.sim.Durations;
import io.yakraft.ui.HeadlessWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code render}: the window at a simulated instant, drawn headless to a PNG (README pictures, CI). */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render the window at a simulated time to a PNG, without a display.")
public final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--controllers", defaultValue = "3", description = "controllers, 1..9 (default ${DEFAULT-VALUE})")
    int controllers;

    @Option(names = "--brokers", defaultValue = "3", description = "brokers, 0..9 (default ${DEFAULT-VALUE})")
    int brokers;

    @Option(names = "--at", defaultValue = "20s", description = "simulated time to show, e.g. 20s (default ${DEFAULT-VALUE})")
    String at;

    @Option(names = "--out", required = true, description = "the PNG file to write")
    Path out;

    @Option(names = "--workload", paramLabel = "SPEC", description = "a metadata workload as for 'sim', e.g. topics=3,partitions=4,rf=2")
    String workload;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "play this scenario file (or built-in lesson) up to --at; its cluster replaces --seed/--controllers/--brokers")
    String scenario;

    @Option(names = "--tab", defaultValue = "nodes",
            description = "side tab to show: nodes, brokers, topics, partitions, producers, records (default ${DEFAULT-VALUE})")
    String tab;

    @Option(names = "--width", defaultValue = "1366", description = "window width in pixels (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "800", description = "window height in pixels (default ${DEFAULT-VALUE})")
    int height;

    @Override
    public Integer call() throws Exception {
        long atMs = parse("--at", () -> Durations.parseMillis(at));
        ClusterConfig config = parse("--controllers", () -> Session.defaultConfig(seed, controllers, brokers));
        TopicWorkload.Spec w = workload == null ? null : parse("--workload", () -> TopicWorkload.Spec.parse(workload));
        int tabIndex = java.util.List.of("nodes", "brokers", "topics", "partitions", "producers", "records").indexOf(tab);
        if (tabIndex < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--tab': '" + tab
                    + "' (expected nodes, brokers, topics, partitions, producers or records)");
        }
        if (width < 1000 || height < 640) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--width'/'--height': the window"
                    + " needs at least 1000×640, got " + width + "×" + height);
        }
        io.yakraft.scenario.Scenario played = null;
        if (scenario != null) {
            try {
                played = RunCommand.load(scenario);
            } catch (io.yakraft.scenario.ScenarioException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--scenario': " + e.getMessage());
            }
            config = played.cluster();
        }
        LiveSession driver = new LiveSession(config, 1, true);
        if (played != null) {
            driver.play(played);
            driver.setPaused(true);
        }
        try (HeadlessWindow window = new HeadlessWindow(driver, width, height)) {
            window.runTo(atMs, c -> {
                if (w != null) {
                    TopicWorkload.schedule(c, w, 0, atMs);
                }
            });
            window.onFx(() -> window.controller().showTab(tabIndex));
            window.awaitFrames(6);
            window.savePng(out);
        }
        System.out.println("wrote " + out + " (simulated t = " + Durations.format(atMs) + ", seed " + seed + ")");
        return 0;
    }

    private <T> T parse(String option, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + e.getMessage());
        }
    }
}
