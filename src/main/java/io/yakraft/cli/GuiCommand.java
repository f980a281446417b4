package io.yakraft.cli;

import picocli.CommandLine.Command;

/** Opens the window on the default cluster (the default command). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the YAKRaft Studio window (default).")
public final class GuiCommand implements Runnable {
    @Override
    public void run() {
        io.yakraft.ui.StudioApp.launchGui(new String[0]);
    }
}
