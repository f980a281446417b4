package io.yakraft.ui;

import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.LogView;
import io.yakraft.cluster.NodeView;
import io.yakraft.raft.OffsetAndEpoch;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The replication view of the metadata log (KRaft): one row per node, one cell per log offset
 * coloured by the entry's epoch, a thick line at the node's metadata HW, a thin one at the log end, the snapshot boundary
 * hatched, and each truncation flashed in red for a moment over the entries it removed. Only
 * the visible offsets are drawn, run by run, so a million-entry log costs what a hundred do.
 * It follows the newest offsets unless scrolled back; the cell width is the zoom.
 */
public final class ReplicationRenderer {
    private static final Color[] EPOCHS = {
        Color.web("#56B4E9"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#F0E442"),
        Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#CC79A7"), Color.web("#999999")};
    private static final long FLASH_NANOS = 900_000_000L;
    static final double LABEL_WIDTH = 64;
    static final double HEADER = 18;

    private double cellWidth = 12;
    private long scrollBack;
    private double scale = 1.0;
    private boolean dark;
    private final Map<Integer, Integer> seenTruncations = new HashMap<>();
    private final Map<Integer, long[]> flashes = new HashMap<>();
    /** What the canvas shows now (snapshot by identity, view settings): unchanged means no redraw. */
    private ClusterSnapshot lastSnapshot;
    private List<Object> lastKey;
    /** A flash is drawn once more after it ends, so its last faint frame is wiped. */
    private static final long FRAME_SLACK_NANOS = 100_000_000L;

    public static Color epochColor(int epoch) {
        return EPOCHS[Math.floorMod(epoch, EPOCHS.length)];
    }

    public void setScale(double s) {
        scale = s;
    }

    public void setDark(boolean on) {
        dark = on;
    }

    /** Zoom: cells 2–32 px wide. */
    public void zoom(double factor) {
        cellWidth = Math.max(2, Math.min(32, cellWidth * factor));
    }

    /** Scrolls by {@code offsets} (positive = back in history); 0 from the end follows the newest. */
    public void scroll(long offsets) {
        scrollBack = Math.max(0, scrollBack + offsets);
    }

    /** A node's row height on a view {@code h} high; the legend is a label over the view, so all below the header is rows. */
    double rowHeight(double h, int rows) {
        return Math.max(8, Math.min(26 * scale, (h - HEADER - 4) / Math.max(1, rows)));
    }

    /** The size of a row's node label: legible however many rows share the view, never under 11 px. */
    double labelFontSize(double rowH) {
        return Math.max(11, Math.min(12 * scale, rowH * 0.7));
    }

    public double cellWidth() {
        return cellWidth;
    }

    /** First and last+1 offsets on screen for a canvas of width {@code w}. */
    long[] visibleRange(ClusterSnapshot s, double w) {
        long maxEnd = 0;
        for (LogView l : s.logs().values()) {
            maxEnd = Math.max(maxEnd, l.endOffset());
        }
        long columns = Math.max(1, (long) ((w - LABEL_WIDTH - 8) / cellWidth));
        scrollBack = Math.min(scrollBack, Math.max(0, maxEnd - columns));
        long last = Math.max(columns, maxEnd - scrollBack + 1); // one empty column after the newest entry
        return new long[] {last - columns, last};
    }

    public void draw(GraphicsContext g, ClusterSnapshot s, double w, double h, long nowNanos, int selected) {
        // the same snapshot drawn the same way, no flash fading: the canvas keeps what it shows
        List<Object> key = List.of(w, h, selected, cellWidth, scrollBack, scale, dark);
        boolean fading = flashes.values().stream().anyMatch(f -> nowNanos <= f[2] + FRAME_SLACK_NANOS);
        if (s == lastSnapshot && key.equals(lastKey) && !fading) {
            return;
        }
        lastSnapshot = s;
        lastKey = key;
        Color bg = dark ? Color.web("#1E2127") : Color.web("#FAFAF7");
        Color ink = dark ? Color.web("#E6E6E6") : Color.web("#222222");
        Color rowBg = dark ? Color.web("#262A31") : Color.web("#EFEFEA");
        g.setFill(bg);
        g.fillRect(0, 0, w, h);
        List<NodeView> nodes = s.nodes();
        if (nodes.isEmpty()) {
            return;
        }
        long[] range = visibleRange(s, w);
        long first = range[0];
        long last = range[1];
        double rowH = rowHeight(h, nodes.size());
        drawHeader(g, first, last, ink);
        for (int i = 0; i < nodes.size(); i++) {
            NodeView n = nodes.get(i);
            double y = HEADER + i * rowH;
            LogView log = s.logs().get(n.id());
            noticeTruncation(n.id(), log, nowNanos);
            g.setFill(n.id() == selected ? (dark ? Color.web("#2F3B52") : Color.web("#DCE8F5")) : rowBg);
            g.fillRect(0, y + 1, w, rowH - 2);
            drawLabel(g, n, y, rowH, ink);
            drawRow(g, log, first, last, y + 2, rowH - 4, ink, bg);
            drawFlash(g, n.id(), first, last, y + 2, rowH - 4, nowNanos);
        }
    }

    private double x(long offset, long first) {
        return LABEL_WIDTH + (offset - first) * cellWidth;
    }

    private void drawHeader(GraphicsContext g, long first, long last, Color ink) {
        g.setFill(ink);
        g.setFont(Font.font("System", 10 * scale));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("offset", 4, 3);
        long step = 1;
        while (step * cellWidth < 48) {
            step = step == 1 ? 5 : step * (String.valueOf(step).startsWith("5") ? 2 : 5);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (long o = (first + step - 1) / step * step; o < last; o += step) {
            g.fillText(String.valueOf(o), x(o, first) + cellWidth / 2, 3);
        }
    }

    private void drawLabel(GraphicsContext g, NodeView n, double y, double rowH, Color ink) {
        g.setFill(RolePalette.fill(n));
        g.fillRoundRect(4, y + 1.5, LABEL_WIDTH - 10, rowH - 3, 6, 6);
        g.setFill(RolePalette.text(n));
        g.setFont(Font.font("System", FontWeight.BOLD, labelFontSize(rowH)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("n" + n.id(), 4 + (LABEL_WIDTH - 10) / 2, y + rowH / 2);
    }

    private void drawRow(GraphicsContext g, LogView log, long first, long last, double y, double h, Color ink, Color bg) {
        // the snapshot: everything before the log start exists only as the snapshot's state
        if (log.startOffset() > first) {
            double to = x(Math.min(log.startOffset(), last), first);
            g.setFill(dark ? Color.web("#3A3F4A") : Color.web("#C8C8C0"));
            g.fillRect(LABEL_WIDTH, y, to - LABEL_WIDTH, h);
            g.setStroke(dark ? Color.web("#555A66") : Color.web("#A8A8A0"));
            g.setLineWidth(1);
            g.save();
            g.beginPath();
            g.rect(LABEL_WIDTH, y, to - LABEL_WIDTH, h);
            g.clip();
            for (double hx = LABEL_WIDTH - h; hx < to; hx += 7) {
                g.strokeLine(hx, y + h, hx + h, y);
            }
            g.restore();
        }
        List<OffsetAndEpoch> runs = log.epochRuns();
        for (int r = 0; r < runs.size(); r++) {
            long from = Math.max(runs.get(r).offset(), first);
            long to = Math.min(r + 1 < runs.size() ? runs.get(r + 1).offset() : log.endOffset(), last);
            if (from >= to) {
                continue;
            }
            int epoch = runs.get(r).epoch();
            g.setFill(epochColor(epoch));
            g.fillRect(x(from, first), y, (to - from) * cellWidth, h);
            if (cellWidth >= 16 && h >= 10) {
                g.setFill(Color.web("#222222"));
                g.setFont(Font.font("System", Math.min(10 * scale, h * 0.6)));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                for (long o = from; o < to; o++) {
                    g.fillText(String.valueOf(epoch), x(o, first) + cellWidth / 2, y + h / 2);
                }
            }
        }
        if (cellWidth >= 6) {
            // cell borders as one-pixel rectangles on whole pixels: software rendering fills those
            // directly, where stroking a path of lines runs the anti-aliasing rasterizer over each
            g.setFill(bg);
            long end = Math.min(log.endOffset(), last);
            for (long o = Math.max(first, log.startOffset()) + 1; o < end; o++) {
                g.fillRect(Math.floor(x(o, first)), y, 1, h);
            }
        }
        marker(g, log.endOffset(), first, last, y, h, Color.web("#0072B2"), 1.5);
        marker(g, log.highWatermark(), first, last, y, h, ink, 3);
        if (log.latestSnapshot() > log.startOffset()) {
            // the latest snapshot's end, with the log before it still kept by retention
            marker(g, log.latestSnapshot(), first, last, y, h, Color.web("#7B3FA0"), 2);
            if (log.latestSnapshot() >= first && log.latestSnapshot() <= last && h >= 10) {
                g.setFill(Color.web("#7B3FA0"));
                g.setFont(Font.font("System", FontWeight.BOLD, Math.min(10 * scale, h * 0.6)));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                g.fillText("S", x(log.latestSnapshot(), first) + 2, y);
            }
        }
        if (log.transfer() != null) {
            drawTransfer(g, log.transfer(), y, h, ink, bg);
        }
    }

    /** A snapshot download in progress: "FetchSnapshot {id}: chunk k of n" and a bar of the records received. */
    private void drawTransfer(GraphicsContext g, io.yakraft.raft.SnapshotTransfer t, double y, double h, Color ink, Color bg) {
        String text = "FetchSnapshot " + t.id().offset() + "/" + t.id().epoch() + ": chunk " + t.nextChunk()
                + (t.chunks() > 0 ? " of " + t.chunks() : "") + (t.size() > 0 ? " (" + t.received() + "/" + t.size() + " records)" : "");
        double bw = 230 * scale;
        double bx = LABEL_WIDTH + 4;
        g.setFill(bg);
        g.fillRect(bx, y, bw, h);
        double done = t.size() > 0 ? (double) t.received() / t.size() : 0;
        g.setFill(Color.web("#7B3FA0", 0.35));
        g.fillRect(bx, y, bw * done, h);
        g.setStroke(Color.web("#7B3FA0"));
        g.setLineWidth(1);
        g.strokeRect(bx, y, bw, h);
        g.setFill(ink);
        g.setFont(Font.font("System", FontWeight.BOLD, Math.min(10 * scale, h * 0.6)));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, bx + 4, y + h / 2);
    }

    private void marker(GraphicsContext g, long offset, long first, long last, double y, double h, Color c, double width) {
        if (offset < first || offset > last) {
            return;
        }
        double mx = x(offset, first);
        g.setStroke(c);
        g.setLineWidth(width * scale);
        g.strokeLine(mx, y - 1, mx, y + h + 1);
    }

    private void noticeTruncation(int node, LogView log, long nowNanos) {
        Integer seen = seenTruncations.put(node, log.truncations());
        if (seen != null && log.truncations() > seen) {
            flashes.put(node, new long[] {log.truncatedTo(), log.truncatedFrom(), nowNanos + FLASH_NANOS});
        }
    }

    private void drawFlash(GraphicsContext g, int node, long first, long last, double y, double h, long nowNanos) {
        long[] f = flashes.get(node);
        if (f == null || nowNanos > f[2]) {
            return;
        }
        long from = Math.max(f[0], first);
        long to = Math.min(f[1], last);
        if (from >= to) {
            return;
        }
        double alpha = Math.max(0, (f[2] - nowNanos) / (double) FLASH_NANOS);
        g.setGlobalAlpha(alpha);
        g.setFill(Color.web("#D32F2F"));
        g.fillRect(x(from, first), y, (to - from) * cellWidth, h);
        g.setStroke(Color.WHITE);
        g.setLineWidth(2);
        g.strokeLine(x(from, first), y, x(to, first), y + h);
        g.strokeLine(x(from, first), y + h, x(to, first), y);
        g.setGlobalAlpha(1);
    }

    /** Forgets flashes and truncation counts (a new cluster). */
    public void reset() {
        lastSnapshot = null;
        seenTruncations.clear();
        flashes.clear();
        scrollBack = 0;
    }
}
