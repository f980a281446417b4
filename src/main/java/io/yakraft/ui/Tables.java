package io.yakraft.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

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
        c.setSortable(false);
        return c;
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
