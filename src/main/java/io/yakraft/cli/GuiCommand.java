package io.yakraft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

import java.nio.file.Path;

/** Opens the window on the default cluster (the default command), or on a scenario file. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the YAKRaft Studio window (default). With a"
        + " scenario file it plays it; a fuzz failure (fuzz-failures/seed-N.json) opens paused one event before its violation.")
public final class GuiCommand implements Runnable {
    @Option(names = "--lesson", paramLabel = "NAME", description = "open straight into a built-in lesson, e.g. 01-first-election")
    String lesson;

    @Option(names = "--no-welcome", description = "start without the welcome card (the cluster runs at once)")
    boolean noWelcome;

    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "a scenario file to open")
    Path file;

    @Option(names = "--kafka", paramLabel = "HOST:PORT[,…]", description = "show this real Kafka cluster (bootstrap servers)")
    String kafka;

    @Option(names = "--kafka-properties", paramLabel = "FILE", description = "client properties for --kafka (SASL, TLS…)")
    Path kafkaProperties;

    @Option(names = "--kafka-local", paramLabel = "DIR",
            description = "show the local real cluster in DIR (as `kafka up --dir DIR` made it; a new DIR gets 3 controllers and 3 brokers)")
    Path kafkaLocal;

    @Override
    public void run() {
        List<String> args = new ArrayList<>();
        if (lesson != null) {
            args.add("--lesson=" + lesson);
        }
        if (noWelcome) {
            args.add("--no-welcome");
        }
        if (file != null) {
            args.add(file.toString());
        }
        if (kafka != null) {
            args.add("--kafka=" + kafka);
        }
        if (kafkaProperties != null) {
            args.add("--kafka-properties=" + kafkaProperties.toAbsolutePath());
        }
        if (kafkaLocal != null) {
            args.add("--kafka-local=" + kafkaLocal.toAbsolutePath());
        }
        io.yakraft.ui.StudioApp.launchGui(args.toArray(new String[0]));
    }
}
