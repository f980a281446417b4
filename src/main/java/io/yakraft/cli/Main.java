package io.yakraft.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/**
 * Entry point of {@code yakraft.jar}. With no command it opens the window; otherwise one of the
 * headless commands. Exit codes: 0 fine, 1 a check failed, 2 bad arguments.
 */
@Command(name = "yakraft", mixinStandardHelpOptions = true, version = "YAKRaft Studio 0.1.0",
        description = "A desktop laboratory for KRaft, the Raft dialect that keeps Apache Kafka's metadata.")
public final class Main implements Runnable {
    /** The commands, in the order the help lists them. */
    static final List<Class<?>> COMMANDS = List.of(GuiCommand.class, SimCommand.class, RunCommand.class,
            PreprocessCommand.class, ServeCommand.class, MetadataCommand.class, RenderCommand.class,
            BenchCommand.class, FuzzCommand.class, KafkaCommand.class);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        if (args.length == 0) {
            // the plain launch (`mvn javafx:run`, a double-click) opens the window without building
            // a command line: reading the gui command's annotations cost a tenth of a second of the
            // cold start, for no option to read
            new GuiCommand().run();
            return 0;
        }
        return commandLine(args[0]).execute(args);
    }

    /**
     * The command line with only the command named {@code first} when it names one: picocli reads
     * every option of every command it is given (the kafka commands alone are two dozen classes),
     * which cost a quarter of the window's cold start. Anything else (help, version, a typo) gets
     * every command, so the help and the error messages list them all.
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> command : COMMANDS) {
            if (command.getAnnotation(Command.class).name().equals(first)) {
                return cl.addSubcommand(command);
            }
        }
        COMMANDS.forEach(cl::addSubcommand);
        return cl;
    }

    @Override
    public void run() {
        new GuiCommand().run();
    }
}
