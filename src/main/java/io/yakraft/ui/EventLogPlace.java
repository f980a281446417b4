package io.yakraft.ui;

import io.yakraft.sim.TraceEvent;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the event log's selection on the event itself (its sequence number), never on a row
 * index, and keeps the reader's place while the log gains new rows and drops its oldest. Only a
 * person's click or key picks an event; whatever the table's selection model does when rows come
 * and go (or the filter changes) is undone, so the picked node never follows another row.
 */
final class EventLogPlace {
    private final TableView<TraceEvent> table;
    private final Consumer<TraceEvent> onPicked;
    /** The event the person picked, or -1. */
    private long pickedSeq = -1;
    /** The event in the first visible row before the rows changed, or -1. */
    private long anchorSeq = -1;
    private int anchorIndex = -1;
    /** True when the newest row was in view (and nothing picked): the log follows the newest. */
    private boolean followNewest = true;
    /** False once the person scrolled up to read; true again when they come back to the newest row. */
    private boolean following = true;

    EventLogPlace(TableView<TraceEvent> table, Consumer<TraceEvent> onPicked) {
        this.table = table;
        this.onPicked = onPicked;
        // filters on the release: the selection model has taken the press by then, and no cell can consume them
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> personPicked());
        table.addEventFilter(KeyEvent.KEY_RELEASED, e -> personPicked());
        table.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                following = false;
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != table; n = n.getParent()) {
                if (n instanceof ScrollBar) {
                    following = false;
                }
            }
        });
    }

    /** The event the person picked, -1 when none. */
    long pickedSeq() {
        return pickedSeq;
    }

    private void personPicked() {
        TraceEvent e = table.getSelectionModel().getSelectedItem();
        long seq = e == null ? -1 : e.seq();
        if (seq != pickedSeq) {
            pickedSeq = seq;
            onPicked.accept(e);
        }
    }

    /** Before the rows change: notes where the reader is. */
    void beforeUpdate() {
        VirtualFlow<?> flow = flow();
        List<TraceEvent> items = table.getItems();
        anchorSeq = -1;
        anchorIndex = -1;
        followNewest = following && pickedSeq < 0;
        if (flow == null || items.isEmpty()) {
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first != null && first.getIndex() >= 0 && first.getIndex() < items.size()) {
            anchorIndex = first.getIndex();
            anchorSeq = items.get(anchorIndex).seq();
        }
        if (!following && last != null && last.getIndex() >= items.size() - 1) {
            following = true; // the person came back down to the newest row
        }
        followNewest = following && pickedSeq < 0;
    }

    /** After the rows changed: the picked event selected again where it now is, the reader's place kept. */
    void afterUpdate() {
        List<TraceEvent> items = table.getItems();
        var selection = table.getSelectionModel();
        if (pickedSeq >= 0) {
            int at = indexOf(items, pickedSeq);
            if (at < 0) {
                selection.clearSelection(); // the event left the log (or the filter); the picked node stays
            } else if (selection.getSelectedIndex() != at) {
                selection.clearAndSelect(at);
            }
        } else if (!selection.isEmpty()) {
            selection.clearSelection();
        }
        if (items.isEmpty()) {
            return;
        }
        if (followNewest) {
            table.scrollTo(items.size() - 1);
        } else if (anchorSeq >= 0) {
            int at = indexOf(items, anchorSeq);
            int keep = at >= 0 ? at : -(at + 1);
            if (keep != anchorIndex) {
                table.scrollTo(Math.min(keep, items.size() - 1));
            }
        }
    }

    /** Index of the event with {@code seq} (rows are in seq order), or -(insertion point + 1). */
    static int indexOf(List<TraceEvent> items, long seq) {
        int lo = 0;
        int hi = items.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = items.get(mid).seq();
            if (s < seq) {
                lo = mid + 1;
            } else if (s > seq) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    private VirtualFlow<?> flow() {
        return table.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
    }
}
