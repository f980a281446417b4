package io.yakraft.ui;

import io.yakraft.session.TimelineMarker;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * The timeline strip: simulated time from 0 to the session's horizon, ticks for new leaders,
 * faults, actions and broken invariants, the present as a bold line; the recorded future after
 * a rewind is shaded. Click or drag to rewind.
 */
public final class TimelineRenderer {
    static final double MARGIN = 10;
    // parsed once: a busy timeline has thousands of ticks
    private static final Color LEADER_TICK = Color.web("#E69F00");
    private static final Color FAULT_TICK = Color.web("#444444");
    private static final Color FAULT_TICK_DARK = Color.web("#BBBBBB");
    private static final Color ACTION_TICK = Color.web("#0072B2");
    private static final Color VIOLATION_TICK = Color.web("#D32F2F");
    private boolean dark;

    public void setDark(boolean on) {
        dark = on;
    }

    /** Simulated time under x for a strip of width {@code w} showing [0, horizon]. */
    static long timeAt(double x, double w, long horizon) {
        double f = Math.max(0, Math.min(1, (x - MARGIN) / Math.max(1, w - 2 * MARGIN)));
        return Math.round(f * Math.max(1, horizon));
    }

    private static double xOf(long t, double w, long horizon) {
        return MARGIN + (w - 2 * MARGIN) * t / (double) Math.max(1, horizon);
    }

    /** What the canvas shows now; the same inputs again draw nothing (a paused session costs nothing here). */
    private List<Object> drawnKey;
    private List<TimelineMarker> drawnMarkers;
    private long drawnAtNanos = Long.MIN_VALUE / 2;
    /**
     * While time runs, the strip is redrawn at most this often (wall time): at 1x a frame moves
     * "now" by well under a pixel, and software rendering restrokes the whole strip each time.
     */
    static final long RUNNING_PERIOD_NANOS = 100_000_000L;

    /** Draws the strip, at wall time {@code nanos}; nothing when nothing visible changed. */
    public void draw(GraphicsContext g, double w, double h, long now, long horizon, List<TimelineMarker> markers, long preview,
                     long nanos) {
        // the markers by identity: the session publishes a new list only when a marker is added
        List<Object> key = List.of(w, h, now, horizon, preview, dark);
        if (markers == drawnMarkers && key.equals(drawnKey)) {
            return;
        }
        // only time moved on (running): soon enough; a size, preview or theme change shows at once
        boolean onlyTimeMoved = drawnKey != null && List.of(w, h, preview, dark)
                .equals(List.of(drawnKey.get(0), drawnKey.get(1), drawnKey.get(4), drawnKey.get(5)));
        if (onlyTimeMoved && nanos - drawnAtNanos < RUNNING_PERIOD_NANOS) {
            return;
        }
        drawnAtNanos = nanos;
        drawnKey = key;
        drawnMarkers = markers;
        g.setFill(dark ? Color.web("#23262D") : Color.web("#EFEFEA"));
        g.fillRect(0, 0, w, h);
        double top = 4;
        double bar = h - 16;
        g.setFill(dark ? Color.web("#1E2127") : Color.WHITE);
        g.fillRect(MARGIN, top, w - 2 * MARGIN, bar);
        double nowX = xOf(now, w, horizon);
        if (horizon > now) {
            g.setFill(dark ? Color.web("#3A3F4A") : Color.web("#DDDDD5"));
            g.fillRect(nowX, top, xOf(horizon, w, horizon) - nowX, bar); // the recorded future
        }
        // A steady client adds an action marker every few ms: thousands of ticks share a pixel
        // column, and software rendering strokes every one of them each frame. A tick is skipped
        // when the previous tick of its kind fell on the same device pixel (markers come in time
        // order): the strip looks the same at a fraction of the cost.
        int[] lastColumn = new int[TimelineMarker.Kind.values().length];
        java.util.Arrays.fill(lastColumn, Integer.MIN_VALUE);
        for (TimelineMarker m : markers) {
            double x = xOf(m.time(), w, horizon);
            int column = (int) Math.round(x);
            int kind = m.kind().ordinal();
            if (column == lastColumn[kind]) {
                continue;
            }
            lastColumn[kind] = column;
            g.setFill(switch (m.kind()) {
                case LEADER -> LEADER_TICK;
                case FAULT -> dark ? FAULT_TICK_DARK : FAULT_TICK;
                case ACTION -> ACTION_TICK;
                case VIOLATION -> VIOLATION_TICK;
            });
            double width = m.kind() == TimelineMarker.Kind.VIOLATION ? 3 : 1.5;
            double inset = m.kind() == TimelineMarker.Kind.ACTION ? bar * 0.5 : 0;
            // a filled rectangle, not a stroked line: software rendering fills it without the path rasterizer
            g.fillRect(x - width / 2, top + inset, width, bar - inset);
        }
        g.setStroke(dark ? Color.WHITE : Color.BLACK);
        g.setLineWidth(2.5);
        g.strokeLine(nowX, top - 2, nowX, top + bar + 2);
        if (preview >= 0) {
            double px = xOf(preview, w, horizon);
            g.setStroke(Color.web("#0072B2"));
            g.setLineDashes(4, 3);
            g.strokeLine(px, top - 2, px, top + bar + 2);
            g.setLineDashes();
        }
        g.setFill(dark ? Color.web("#CCCCCC") : Color.web("#555555"));
        g.setFont(Font.font("System", 10));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("0 s", MARGIN, top + bar + 1);
        g.setTextAlign(TextAlignment.RIGHT);
        double x = w - MARGIN;
        g.fillText("click or drag to rewind", x, top + bar + 1);
        x -= 130;
        // the legend, right to left, each name after a tick of its colour
        String[] names = {"violation", "action", "fault", "leader"};
        Color[] colours = {Color.web("#D32F2F"), Color.web("#0072B2"), dark ? Color.web("#BBBBBB") : Color.web("#444444"),
            Color.web("#E69F00")};
        for (int i = 0; i < names.length; i++) {
            g.setFill(dark ? Color.web("#CCCCCC") : Color.web("#555555"));
            g.fillText(names[i], x, top + bar + 1);
            x -= names[i].length() * 5.6 + 6;
            g.setFill(colours[i]);
            g.fillRect(x, top + bar + 3, 4, 8);
            x -= 12;
        }
        g.setFill(dark ? Color.web("#CCCCCC") : Color.web("#555555"));
        g.fillText(String.format(java.util.Locale.ROOT, "%.1f s", horizon / 1000.0), x, top + bar + 1);
    }
}
