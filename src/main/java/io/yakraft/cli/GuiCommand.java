package io.yakraft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** Opens the window on the default cluster (the default command), or on a scenario file. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the YAKRaft Studio window (default). With a"
        + " scenario file it plays it; a fuzz failure (fuzz-failures/seed-N.json) opens paused one event before its violation.")
public final class GuiCommand implements Runnable {
    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "a scenario file to open")
    Path file;

    @Override
    public void run() {
        io.yakraft.ui.StudioApp.launchGui(file == null ? new String[0] : new String[] {file.toString()});
    }
}
