package io.yakraft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens the window on the default cluster (the default command), or on a real Kafka cluster. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the YAKRaft Studio window (default).")
public final class GuiCommand implements Runnable {
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
