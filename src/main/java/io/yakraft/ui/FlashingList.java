package io.yakraft.ui;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's rows plus which of them changed lately: a row whose key is new or whose content
 * differs from the previous update counts as fresh for {@link #FLASH_NANOS}, so the table can
 * flash it. Only the rows that differ are replaced (the table re-lays out just those), and a
 * row is re-shown when its flash ends; the whole list is replaced only when rows come or go.
 */
public final class FlashingList<T extends MetadataRows.Row> {
    static final long FLASH_NANOS = 1_200_000_000L;

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final Map<String, T> previous = new HashMap<>();
    private final Map<String, Long> changedAt = new HashMap<>();
    private long now;
    private long nextExpiry = Long.MAX_VALUE;
    private boolean first = true;

    public ObservableList<T> items() {
        return items;
    }

    /** Takes the latest rows at wall time {@code nowNanos}; the first update flashes nothing. */
    public void update(List<T> rows, long nowNanos) {
        now = nowNanos;
        boolean changed = !rows.equals(items);
        if (changed) {
            for (T r : rows) {
                T before = previous.get(r.key());
                if (!first && !r.equals(before)) {
                    changedAt.put(r.key(), nowNanos);
                    nextExpiry = Math.min(nextExpiry, nowNanos + FLASH_NANOS);
                }
            }
            previous.clear();
            for (T r : rows) {
                previous.put(r.key(), r);
            }
            first = false;
        }
        if (changed) {
            replaceChanged(rows);
        }
        tick(nowNanos);
    }

    /**
     * Row by row when a few rows changed: a table then redraws just those. When many did (the
     * Records tab's rows all shift as records arrive), one replacement of the whole list is
     * cheaper than one change event per row.
     */
    private void replaceChanged(List<T> rows) {
        if (rows.size() != items.size()) {
            items.setAll(rows);
            return;
        }
        List<Integer> changed = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size() && changed.size() <= FEW_ROWS; i++) {
            if (!rows.get(i).equals(items.get(i))) {
                changed.add(i);
            }
        }
        if (changed.size() > FEW_ROWS) {
            items.setAll(rows);
            return;
        }
        for (int i : changed) {
            items.set(i, rows.get(i));
        }
    }

    /** Up to this many changed rows are replaced one by one. */
    static final int FEW_ROWS = 4;

    /** Lets flashes end on time: a row whose flash ended is re-shown (unchanged) so it stops flashing. */
    public void tick(long nowNanos) {
        now = nowNanos;
        if (nowNanos < nextExpiry) {
            return;
        }
        java.util.Set<String> ended = new java.util.HashSet<>();
        changedAt.entrySet().removeIf(e -> {
            boolean over = nowNanos - e.getValue() >= FLASH_NANOS;
            if (over) {
                ended.add(e.getKey());
            }
            return over;
        });
        nextExpiry = changedAt.values().stream().mapToLong(t -> t + FLASH_NANOS).min().orElse(Long.MAX_VALUE);
        List<Integer> over = new java.util.ArrayList<>();
        for (int i = 0; i < items.size() && over.size() <= FEW_ROWS; i++) {
            if (ended.contains(items.get(i).key())) {
                over.add(i);
            }
        }
        if (over.size() > FEW_ROWS) {
            items.setAll(List.copyOf(items));
            return;
        }
        for (int i : over) {
            items.set(i, items.get(i));
        }
    }

    /** True while the row's change is recent enough to show. */
    public boolean fresh(T row) {
        Long t = row == null ? null : changedAt.get(row.key());
        return t != null && now - t < FLASH_NANOS;
    }

    /** Starts over (another node's view, a new cluster): nothing flashes on the next update. */
    public void reset() {
        previous.clear();
        changedAt.clear();
        nextExpiry = Long.MAX_VALUE;
        first = true;
    }
}
