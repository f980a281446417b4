package io.yakraft.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's arrangement: sized to the screen it opens on, split panes at their lesson-friendly
 * proportions (and back there after a lesson), and in presenter mode the tables and the event log
 * folded into a drawer so the cluster fills a projector.
 */
final class WindowLayout {
    /** Cluster view | side tables: at 1366 px the Nodes table shows every column whole. */
    static final double MAIN_DIVIDER = 0.53;
    /** Views and tables | event log: the log keeps about six rows on a 768-pixel screen. */
    static final double LOG_DIVIDER = 0.63;
    /** Cluster canvas | replication view: room for six log rows with legible labels. */
    static final double CANVAS_DIVIDER = 0.63;
    /** With the drawer open in presenter mode, the tables take less room. */
    static final double DRAWER_DIVIDER = 0.64;
    /** Giving the canvas room, the event log keeps its filter, its header and four rows. */
    static final double LOG_FLOOR = 150;
    /** Giving the canvas room, the log views keep a partition's replicas or six metadata-log rows, with the axis. */
    static final double LOG_VIEWS_FLOOR = 120;

    private final SplitPane main;
    private final SplitPane vertical;
    private final SplitPane canvasSplit;
    private final Node sidePanel;
    private final Region logPanel;
    private boolean presenter;
    private boolean drawerOpen;

    WindowLayout(SplitPane main, SplitPane vertical, SplitPane canvasSplit, Node sidePanel, Region logPanel) {
        this.main = main;
        this.vertical = vertical;
        this.canvasSplit = canvasSplit;
        this.sidePanel = sidePanel;
        this.logPanel = logPanel;
    }

    /** Sizes {@code stage} to the visual bounds of the screen it is on (no taskbar, nothing off-screen). */
    static void fitToScreen(Stage stage) {
        Rectangle2D b = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(1000, b.getWidth()));
        stage.setMinHeight(Math.min(600, b.getHeight()));
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
    }

    boolean presenter() {
        return presenter;
    }

    boolean drawerOpen() {
        return drawerOpen;
    }

    /** Presenter mode on or off: on, the tables and the log fold into the (closed) drawer. */
    void setPresenter(boolean on) {
        if (on && !presenter) {
            // where the person had the panes: leaving presenter mode puts them back there
            beforePresenter = new double[][] {main.getDividerPositions(), vertical.getDividerPositions(),
                canvasSplit.getDividerPositions()};
        }
        presenter = on;
        drawerOpen = false;
        apply();
        if (!on && beforePresenter != null) {
            main.setDividerPositions(beforePresenter[0]);
            vertical.setDividerPositions(beforePresenter[1]);
            canvasSplit.setDividerPositions(beforePresenter[2]);
            beforePresenter = null;
        }
    }

    /** The dividers as they were when presenter mode came on (null outside it). */
    private double[][] beforePresenter;

    /** Opens or closes the drawer of tables (presenter mode only; outside it they are always there). */
    void toggleDrawer() {
        drawerOpen = !drawerOpen;
        apply();
    }

    /** Puts every divider back where it starts (after a lesson, or a person dragged them away). */
    void restore() {
        main.setDividerPositions(presenter ? DRAWER_DIVIDER : MAIN_DIVIDER);
        vertical.setDividerPositions(presenter ? 0.72 : LOG_DIVIDER);
        // presenter mode: the cluster gets the height its larger nodes and their details need
        canvasSplit.setDividerPositions(presenter ? 0.76 : CANVAS_DIVIDER);
    }

    /**
     * Grows the cluster canvas from {@code canvasNow} to {@code needed} pixels: on a laptop a
     * lesson's caption takes its height from the canvas, and the observers' details fell off its
     * bottom edge. The room comes from the event log first, down to {@link #LOG_FLOOR}, then from
     * the log views, down to {@link #LOG_VIEWS_FLOOR}; {@link #restore} gives it back.
     */
    void growCanvas(double canvasNow, double needed) {
        double deficit = needed - canvasNow;
        if (deficit <= 0 || presenter) {
            return;
        }
        double upper = canvasSplit.getHeight();
        double fromLog = Math.min(deficit, Math.max(0, logPanel.getHeight() - LOG_FLOOR));
        if (fromLog > 0) {
            vertical.setDividerPositions(vertical.getDividerPositions()[0] + fromLog / vertical.getHeight());
        }
        double logViews = upper - canvasNow;
        double fromViews = Math.min(deficit - fromLog, Math.max(0, logViews - LOG_VIEWS_FLOOR));
        canvasSplit.setDividerPositions((canvasNow + fromLog + fromViews) / (upper + fromLog));
    }

    private void apply() {
        boolean tables = !presenter || drawerOpen;
        show(main, sidePanel, tables);
        show(vertical, logPanel, tables);
        restore();
    }

    private static void show(SplitPane pane, Node item, boolean on) {
        if (on && !pane.getItems().contains(item)) {
            pane.getItems().add(item);
        } else if (!on) {
            pane.getItems().remove(item);
        }
    }
}
