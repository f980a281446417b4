package io.yakraft.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The partition view: one row per replica of the picked topic-partition, one cell per record
 * coloured by the leader epoch that wrote it, with the epoch written inside when the cell is
 * wide enough. Records above the replica's partition HW are drawn faded (not yet on every ISR
 * member); a thick line marks the partition HW, a blue one the log end (LEO); records that just
 * arrived glow for a moment. The label names the broker, whether it leads and whether it is in
 * the ISR, and its LEO and partition HW in figures. Only the visible offsets are drawn; it follows
 * the newest records unless scrolled back.
 */
final class PartitionRenderer {
    static final double HEADER = 18;
    private static final long GLOW_NANOS = 900_000_000L;
    /** Arrival times of this many newest offsets are kept per replica (enough for a screenful). */
    private static final int GLOW_MEMORY = 256;

    private double cellWidth = 18;
    private long scrollBack;
    private double scale = 1.0;
    private boolean dark;
    /** Per broker: the log end last seen and when each newer offset arrived. */
    private final Map<Integer, Arrivals> arrivals = new HashMap<>();
    private String shownPartition;

    private static final class Arrivals {
        long seenEnd;
        final long[] at = new long[GLOW_MEMORY];
    }

    void setScale(double s) {
        scale = s;
    }

    void setDark(boolean on) {
        dark = on;
    }

    /** Zoom: cells 4–48 px wide. */
    void zoom(double factor) {
        cellWidth = Math.max(4, Math.min(48, cellWidth * factor));
    }

    double cellWidth() {
        return cellWidth;
    }

    /** Scrolls by {@code offsets} (positive = back in history); 0 from the end follows the newest. */
    void scroll(long offsets) {
        scrollBack = Math.max(0, scrollBack + offsets);
    }

    /** Forgets arrivals and scrolling (a new cluster, a rewind, another partition). */
    void reset() {
        arrivals.clear();
        scrollBack = 0;
    }

    /** Width of the label column: the broker, its role in the partition and its figures. */
    double labelWidth() {
        return 200 * scale;
    }

    /** The pill with the broker's name, leadership and ISR membership, at the start of the label column. */
    private static final double PILL_WIDTH = 82;

    /** How tall a replica's row is on a canvas {@code h} high with {@code rows} rows. */
    double rowHeight(double h, int rows) {
        return Math.max(12, Math.min(40 * scale, (h - HEADER * scale - 18 * scale) / Math.max(1, rows)));
    }

    /** The font size of a row's label (never under 11 px). */
    double labelFontSize(double rowH) {
        return Math.max(11, Math.min(12 * scale, rowH * 0.42));
    }

    void draw(GraphicsContext g, PartitionPicture p, double w, double h, long nowNanos) {
        Color bg = dark ? Color.web("#1E2127") : Color.web("#FAFAF7");
        Color ink = dark ? Color.web("#E6E6E6") : Color.web("#222222");
        g.setFill(bg);
        g.fillRect(0, 0, w, h);
        if (p == null) {
            g.setFill(ink);
            g.setFont(Font.font("System", 13 * scale));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("No partition yet. Create a topic (Ctrl+Alt+T), feed it data (Ctrl+Shift+F), then pick a"
                    + " partition above.", 10, 10);
            return;
        }
        if (!p.name().equals(shownPartition)) {
            reset();
            shownPartition = p.name();
        }
        long maxEnd = 0;
        for (PartitionPicture.Row r : p.rows()) {
            maxEnd = Math.max(maxEnd, r.logEnd());
        }
        double label = labelWidth();
        long columns = Math.max(1, (long) ((w - label - 8) / cellWidth));
        scrollBack = Math.min(scrollBack, Math.max(0, maxEnd - columns));
        long last = Math.max(columns, maxEnd - scrollBack + 1);
        long first = last - columns;
        double header = HEADER * scale;
        drawHeader(g, first, last, label, ink);
        double rowH = rowHeight(h, p.rows().size());
        for (int i = 0; i < p.rows().size(); i++) {
            PartitionPicture.Row r = p.rows().get(i);
            double y = header + i * rowH;
            g.setFill(dark ? Color.web("#262A31") : Color.web("#EFEFEA"));
            g.fillRect(0, y + 1, w, rowH - 2);
            drawLabel(g, r, y, rowH, label);
            if (r.hosted()) {
                drawCells(g, r, first, last, label, y + 2, rowH - 4, ink, bg, nowNanos);
            }
        }
        g.setFont(Font.font("System", 10 * scale));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(ink);
        g.fillText(legend(w - label - 4), label, header + p.rows().size() * rowH + 3);
    }

    private static final String[] LEGENDS = {
        "colour = leader epoch · faded = above the partition HW · thick line = partition HW · blue = LEO · glow = just arrived",
        "colour = leader epoch · faded = above partition HW · thick = partition HW · blue = LEO",
        "colour = leader epoch · thick = partition HW · blue = LEO"};

    /** The longest legend that fits in {@code room} pixels at the current font. */
    private String legend(double room) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(Font.font("System", 10 * scale));
        for (String l : LEGENDS) {
            probe.setText(l);
            if (probe.getLayoutBounds().getWidth() <= room) {
                return l;
            }
        }
        return LEGENDS[LEGENDS.length - 1];
    }

    private void drawHeader(GraphicsContext g, long first, long last, double label, Color ink) {
        g.setFill(ink);
        g.setFont(Font.font("System", 10 * scale));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("partition offset", 4, 3);
        long step = 1;
        while (step * cellWidth < 48 * scale) {
            step = step == 1 ? 5 : step * (String.valueOf(step).startsWith("5") ? 2 : 5);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (long o = (first + step - 1) / step * step; o < last; o += step) {
            g.fillText(String.valueOf(o), label + (o - first) * cellWidth + cellWidth / 2, 3);
        }
    }

    private void drawLabel(GraphicsContext g, PartitionPicture.Row r, double y, double rowH, double label) {
        Color fill = !r.up() ? Color.web("#6B6B6B") : r.leader() ? Color.web("#E69F00")
                : r.inIsr() ? Color.web("#56B4E9") : Color.web("#C9C9C2");
        double pill = PILL_WIDTH * scale;
        g.setFill(fill);
        g.fillRoundRect(4, y + 1.5, pill, rowH - 3, 6, 6);
        double font = labelFontSize(rowH);
        boolean twoLines = rowH - 3 >= font * 2.4;
        double line1 = twoLines ? y + rowH / 2 - font * 0.6 : y + rowH / 2;
        double line2 = y + rowH / 2 + font * 0.6;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        // in the pill: the broker, whether it leads, whether it is in the ISR (or that it is down)
        g.setFill(!r.up() ? Color.WHITE : Color.web("#111111"));
        g.setFont(Font.font("System", FontWeight.BOLD, font));
        String who = "b" + r.broker() + (r.leader() ? " ♛" : "");
        String isr = r.inIsr() ? "ISR" : "✗ ISR";
        if (twoLines) {
            g.fillText(who + (r.up() ? "" : " down"), 9, line1);
            g.fillText(r.inIsr() ? "in ISR" : "out of ISR", 9, line2);
        } else {
            g.fillText(who + " " + (r.up() ? isr : "down"), 9, line1);
        }
        // beside it: its log end and partition HW in figures
        g.setFill(dark ? Color.web("#E6E6E6") : Color.web("#222222"));
        g.setFont(Font.font("System", FontWeight.NORMAL, font));
        double fx = 4 + pill + 6 * scale;
        if (!r.hosted()) {
            g.fillText("no log yet", fx, line1);
        } else if (twoLines) {
            g.fillText("LEO " + r.logEnd(), fx, line1);
            g.fillText("HW " + r.highWatermark(), fx, line2);
        } else {
            g.fillText("LEO " + r.logEnd() + " · HW " + r.highWatermark(), fx, line1);
        }
    }

    private void drawCells(GraphicsContext g, PartitionPicture.Row r, long first, long last, double label, double y,
                           double h, Color ink, Color bg, long nowNanos) {
        SortedMap<Integer, Long> starts = r.epochStarts();
        List<Map.Entry<Integer, Long>> runs = List.copyOf(starts.entrySet());
        long end = r.logEnd();
        for (int i = 0; i < runs.size(); i++) {
            long from = Math.max(runs.get(i).getValue(), first);
            long to = Math.min(i + 1 < runs.size() ? runs.get(i + 1).getValue() : end, last);
            if (from >= to) {
                continue;
            }
            int epoch = runs.get(i).getKey();
            Color c = ReplicationRenderer.epochColor(epoch);
            // committed part in full colour, the part above this replica's partition HW faded
            long hw = Math.max(from, Math.min(to, r.highWatermark()));
            g.setFill(c);
            g.fillRect(x(from, first, label), y, (hw - from) * cellWidth, h);
            g.setFill(c.deriveColor(0, 0.45, 1.0, 0.55));
            g.fillRect(x(hw, first, label), y, (to - hw) * cellWidth, h);
            if (cellWidth >= 14 && h >= 10) {
                g.setFill(Color.web("#222222"));
                g.setFont(Font.font("System", FontWeight.BOLD, Math.min(Math.min(12 * scale, cellWidth * 0.6), h * 0.6)));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                for (long o = from; o < to; o++) {
                    g.fillText(String.valueOf(epoch), x(o, first, label) + cellWidth / 2, y + h / 2);
                }
            }
        }
        if (cellWidth >= 6) {
            g.setStroke(bg);
            g.setLineWidth(1);
            g.beginPath();
            for (long o = first + 1; o < Math.min(end, last); o++) {
                g.moveTo(x(o, first, label), y);
                g.lineTo(x(o, first, label), y + h);
            }
            g.stroke();
        }
        drawArrivals(g, r, first, last, label, y, h, nowNanos);
        marker(g, end, first, last, label, y, h, Color.web("#0072B2"), 2);
        marker(g, r.highWatermark(), first, last, label, y, h, ink, 3.5);
    }

    /** New records glow white, fading out; a shorter log (truncation) just forgets what it had seen. */
    private void drawArrivals(GraphicsContext g, PartitionPicture.Row r, long first, long last, double label, double y,
                              double h, long nowNanos) {
        Arrivals a = arrivals.get(r.broker());
        if (a == null) {
            a = new Arrivals();
            a.seenEnd = r.logEnd(); // what was there when the view opened is not "arriving"
            arrivals.put(r.broker(), a);
        }
        for (long o = Math.max(a.seenEnd, r.logEnd() - GLOW_MEMORY); o < r.logEnd(); o++) {
            a.at[(int) (o % GLOW_MEMORY)] = nowNanos;
        }
        a.seenEnd = r.logEnd();
        for (long o = Math.max(first, r.logEnd() - GLOW_MEMORY); o < Math.min(r.logEnd(), last); o++) {
            long age = nowNanos - a.at[(int) (o % GLOW_MEMORY)];
            if (a.at[(int) (o % GLOW_MEMORY)] == 0 || age >= GLOW_NANOS) {
                continue;
            }
            g.setGlobalAlpha(0.75 * (1 - age / (double) GLOW_NANOS));
            g.setStroke(Color.WHITE);
            g.setLineWidth(3 * scale);
            g.strokeRect(x(o, first, label) + 1.5, y + 1.5, cellWidth - 3, h - 3);
            g.setGlobalAlpha(1);
        }
    }

    private double x(long offset, long first, double label) {
        return label + (offset - first) * cellWidth;
    }

    private void marker(GraphicsContext g, long offset, long first, long last, double label, double y, double h, Color c,
                        double width) {
        if (offset < first || offset > last) {
            return;
        }
        double mx = x(offset, first, label);
        g.setStroke(c);
        g.setLineWidth(width * scale);
        g.strokeLine(mx, y - 2, mx, y + h + 2);
    }
}
