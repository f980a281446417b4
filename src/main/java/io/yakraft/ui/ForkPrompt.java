package io.yakraft.ui;

import io.yakraft.session.LiveSession;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Asks before an action in the past drops the recorded future (after a rewind or a step back):
 * one question per fork, naming how many actions go and from when. The window then offers Undo.
 * Actions from other threads (the REST API) are not asked: they fork, and Undo still restores.
 */
final class ForkPrompt implements LiveSession.ForkGuard {
    static final ButtonType ACT = new ButtonType("Act and drop them", ButtonBar.ButtonData.OK_DONE);

    private final Supplier<Window> owner;
    private volatile String lastFork = "";

    ForkPrompt(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean allowFork(int droppedActions, long firstDroppedAtMs, long nowMs) {
        String what = message(droppedActions, nowMs);
        if (!Platform.isFxApplicationThread()) {
            lastFork = what;
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner.get());
        a.setTitle("Acting in the past");
        a.setHeaderText(what);
        a.setContentText(String.format(Locale.ROOT, "The timeline was rewound: %s recorded after now (the first at %.1f s) "
                + "would replay as time passes. This action starts a new future instead. Undo (Ctrl+Z) brings them back.",
                droppedActions == 1 ? "one action was" : droppedActions + " actions were", firstDroppedAtMs / 1000.0));
        a.getButtonTypes().setAll(ACT, ButtonType.CANCEL);
        boolean act = a.showAndWait().filter(b -> b == ACT).isPresent();
        if (act) {
            lastFork = what;
        }
        return act;
    }

    /** What the last fork dropped, for the Undo bar. */
    String lastFork() {
        return lastFork;
    }

    static String message(int droppedActions, long nowMs) {
        return String.format(Locale.ROOT, "This drops %d recorded action%s after %.1f s", droppedActions,
                droppedActions == 1 ? "" : "s", nowMs / 1000.0);
    }
}
