package io.yakraft.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code yakraft.jar}. With no command it opens the window; otherwise one of the
 * headless commands. Exit codes: 0 fine, 1 a check failed, 2 bad arguments.
 */
@Command(name = "yakraft", mixinStandardHelpOptions = true, version = "YAKRaft Studio 0.1.0",
        description = "A desktop laboratory for KRaft, the Raft dialect that keeps Apache Kafka's metadata.",
        subcommands = {GuiCommand.class, SimCommand.class, RunCommand.class, PreprocessCommand.class, ServeCommand.class,
            MetadataCommand.class, RenderCommand.class,
            BenchCommand.class, FuzzCommand.class, KafkaCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        if (args.length == 0) {
            args = new String[] {"gui"};
        }
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new GuiCommand().run();
    }
}
