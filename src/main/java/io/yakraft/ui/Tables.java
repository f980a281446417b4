package io.yakraft.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.List;
import java.util.function.Function;

/** Small helpers that build the window's read-only tables. */
final class Tables {
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private Tables() {
    }

    static <S> TableColumn<S, Object> column(String title, Function<S, Object> value, double width) {
        TableColumn<S, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, headerWidth(title)));
        c.setSortable(false);
        return c;
    }

    /** A column that never gets narrower than its preferred width (values without spaces to wrap at, like record types). */
    static <S> TableColumn<S, Object> whole(TableColumn<S, Object> c) {
        c.setMinWidth(c.getPrefWidth());
        return c;
    }

    /** A header over {@code columns} ("Partition" over Epoch, LEO, HW): one name for what they share. */
    @SafeVarargs
    static <S> TableColumn<S, Object> group(String title, TableColumn<S, Object>... columns) {
        TableColumn<S, Object> g = new TableColumn<>(title);
        g.getColumns().setAll(List.of(columns));
        g.setSortable(false);
        return g;
    }

    /**
     * Lets the column's values wrap onto more lines instead of ending in "…": a replica list or a
     * record's fields stay whole however narrow the panel (wrapped at its spaces).
     */
    static <S> TableColumn<S, Object> wrapping(TableColumn<S, Object> c) {
        c.setCellFactory(col -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(10));
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                setGraphic(text);
            }

            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                String value = empty || item == null ? "" : String.valueOf(item);
                text.setText(value);
                setText(value); // kept for lookups and accessibility; only the wrapped graphic is drawn
            }
        });
        return c;
    }

    /** About the width a header needs to show whole (bold 13 px, each line of it, plus the cell's padding). */
    static double headerWidth(String title) {
        double widest = 0;
        for (String line : title.split("\n")) {
            Text t = new Text(line);
            t.setFont(Font.font("System", FontWeight.BOLD, 13));
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest) + 14;
    }

    /** Shows the list's rows; rows that changed lately wear the {@code :changed} pseudo-class (styled to flash). */
    @SafeVarargs
    static <S extends MetadataRows.Row> void flashing(TableView<S> table, FlashingList<S> rows, TableColumn<S, Object>... columns) {
        table.getColumns().setAll(List.of(columns));
        table.setItems(rows.items());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(CHANGED, !empty && rows.fresh(item));
            }
        });
    }
}
