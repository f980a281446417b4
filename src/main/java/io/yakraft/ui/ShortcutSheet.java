package io.yakraft.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * The keyboard shortcut sheet, generated from the menus' accelerators (the table the scene acts
 * on) plus the few keys the scene handles itself ({@link SceneShortcuts#SCENE_KEYS}): one source
 * of truth, so the sheet cannot drift from what the keys do.
 */
final class ShortcutSheet {
    /** One shortcut: the menu it lives in, what it does, its keys as the platform writes them. */
    record Row(String menu, String action, String keys) {
    }

    private ShortcutSheet() {
    }

    /** Every menu item with an accelerator, menu by menu, then the scene's own keys. */
    static List<Row> rows(MenuBar bar) {
        List<Row> out = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, m.getText().replace("_", ""), out);
        }
        for (SceneShortcuts.Key k : SceneShortcuts.SCENE_KEYS) {
            out.add(new Row("Anywhere", k.action(), k.keys()));
        }
        return out;
    }

    private static void collect(Menu menu, String name, List<Row> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, name, out);
            } else if (item.getAccelerator() != null && item.getText() != null) {
                out.add(new Row(name, item.getText(), item.getAccelerator().getDisplayText()));
            }
        }
    }

    /** The sheet as a node: a heading per menu, then its shortcuts in two columns. */
    static Node view(List<Row> rows, int columns) {
        GridPane grid = new GridPane();
        grid.setId("shortcutSheet");
        grid.setHgap(12);
        grid.setVgap(2);
        grid.getStyleClass().add("shortcut-sheet");
        int row = 0;
        int col = 0;
        int startRow = 0;
        String menu = null;
        // rows plus a heading per menu, shared out evenly; a menu is never split over two columns
        long menus = rows.stream().map(Row::menu).distinct().count();
        int perColumn = columns <= 1 ? Integer.MAX_VALUE : (int) ((rows.size() + menus + columns - 1) / columns);
        int inColumn = 0;
        for (Row r : rows) {
            if (inColumn >= perColumn && !r.menu().equals(menu)) {
                col++;
                row = startRow;
                inColumn = 0;
                menu = null;
            }
            if (!r.menu().equals(menu)) {
                Label head = new Label(r.menu());
                head.getStyleClass().add("shortcut-menu");
                head.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
                grid.add(head, col * 2, row++, 2, 1);
                menu = r.menu();
                inColumn++;
            }
            Label keys = new Label(r.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
            keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a key is never cut to "…"
            Label what = new Label(r.action());
            what.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(keys, col * 2, row);
            grid.add(what, col * 2 + 1, row++);
            inColumn++;
        }
        return grid;
    }

    /** Opens (or brings forward) the sheet as a window of its own beside {@code owner}. */
    static Stage show(Window owner, List<Row> rows) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Keyboard shortcuts");
        ScrollPane scroll = new ScrollPane(new VBox(8, new Label("Every shortcut works wherever the focus is, except"
                + " while you type in a field (Esc leaves it)."), view(rows, 2)));
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-padding: 12;");
        Scene scene = new Scene(scroll, 1000, 820);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
