package io.yakraft.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/**
 * The window's shortcuts work wherever the focus is, because the scene handles them before any
 * control does. Only a text field the person is typing in keeps its letters; a click anywhere
 * else, Esc, or a dialog closing gives the focus back to {@code home} (the cluster canvas), so a
 * filter typed in a minute ago can no longer swallow K.
 */
final class SceneShortcuts {
    /** A key the scene handles itself (no menu item carries it), for the shortcut sheet. */
    record Key(String keys, String action) {
    }

    /** The keys handled here rather than by a menu accelerator. */
    static final List<Key> SCENE_KEYS = List.of(new Key("?", "Show the keyboard shortcuts"),
            new Key("Esc", "Leave a text field: the keys act on the window again"));

    private SceneShortcuts() {
    }

    /**
     * {@code ?} opens the shortcut sheet unless a field is being typed in. It is a typed
     * character, not a key (Shift+/ on one keyboard, another key elsewhere), so it is matched on
     * KEY_TYPED.
     */
    static void onQuestionMark(Scene scene, Runnable showSheet) {
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !typing(scene.getFocusOwner())) {
                e.consume();
                showSheet.run();
            }
        });
    }

    static void install(Scene scene, Node home) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (typing(scene.getFocusOwner())) {
                if (e.getCode() == KeyCode.ESCAPE) {
                    home.requestFocus();
                    e.consume();
                }
                return; // the field gets its keys; shortcuts with a modifier still reach the menus after it
            }
            for (var shortcut : scene.getAccelerators().entrySet()) {
                if (shortcut.getKey().match(e)) {
                    e.consume();
                    shortcut.getValue().run();
                    return;
                }
            }
        });
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            Node target = e.getPickResult().getIntersectedNode();
            if (within(target, home) || typing(scene.getFocusOwner()) && !withinTextInput(target)) {
                home.requestFocus();
            }
        });
        // a dialog of this window closed: the focus comes back to the canvas, not to the field it left
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window gone : c.getRemoved()) {
                    if (gone instanceof Stage && gone != scene.getWindow() && scene.getWindow() != null
                            && scene.getWindow().isShowing()) {
                        scene.getWindow().requestFocus(); // keys go to this window again, even with no window manager
                        home.requestFocus();
                    }
                }
            }
        });
    }

    /** True when the focus is in a field that takes text: its letters are the person's, not shortcuts. */
    static boolean typing(Node focus) {
        return focus instanceof TextInputControl t && t.isEditable() && !t.isDisabled();
    }

    private static boolean withinTextInput(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof TextInputControl || p instanceof ComboBoxBase<?> c && c.isEditable()) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
