package io.yakraft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Opens the window on the default cluster (the default command). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the YAKRaft Studio window (default).")
public final class GuiCommand implements Runnable {
    @Option(names = "--lesson", paramLabel = "NAME", description = "open straight into a built-in lesson, e.g. 01-first-election")
    String lesson;

    @Option(names = "--no-welcome", description = "start without the welcome card (the cluster runs at once)")
    boolean noWelcome;

    @Override
    public void run() {
        List<String> args = new ArrayList<>();
        if (lesson != null) {
            args.add("--lesson=" + lesson);
        }
        if (noWelcome) {
            args.add("--no-welcome");
        }
        io.yakraft.ui.StudioApp.launchGui(args.toArray(new String[0]));
    }
}
