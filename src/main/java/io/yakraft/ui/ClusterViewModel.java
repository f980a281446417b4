package io.yakraft.ui;

import io.yakraft.session.Frame;
import io.yakraft.session.LiveSession;
import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.NodeView;
import io.yakraft.sim.TraceEvent;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The window's state as JavaFX properties, fed once per frame from the driver's latest
 * {@link Frame}. Views bind to it and hold no logic of their own.
 */
public final class ClusterViewModel {
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty speedText = new SimpleStringProperty("");
    private final StringProperty apiAddress = new SimpleStringProperty("");
    private final IntegerProperty selectedNode = new SimpleIntegerProperty(-1);
    private final StringProperty eventFilter = new SimpleStringProperty("");
    private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList();
    private final ObservableList<TraceEvent> events = FXCollections.observableArrayList();
    private final FilteredList<TraceEvent> filteredEvents = new FilteredList<>(events);
    private long lastFrame = -1;
    private long lastTraceRecords = -1;
    private long lastSeenSeq = -1;
    private final java.util.ArrayDeque<DroppedMessage> drops = new java.util.ArrayDeque<>();
    private final Callouts callouts = new Callouts();
    private final ObjectProperty<TraceEvent> highlightedEvent = new SimpleObjectProperty<>();
    static final int MAX_DROPS_SHOWN = 60;

    public ClusterViewModel() {
        eventFilter.addListener((obs, old, text) -> filteredEvents.setPredicate(matcher(text)));
    }

    /** Takes a new frame at wall time {@code nowNanos} (drops fade by wall time); false when it is the one already shown. */
    public boolean update(Frame f, long nowNanos) {
        while (!drops.isEmpty() && drops.peekFirst().alpha(nowNanos) <= 0) {
            drops.removeFirst();
        }
        if (f == null || f.frameNumber() == lastFrame) {
            return false;
        }
        lastFrame = f.frameNumber();
        frame.set(f);
        if (f.traceRecords() != lastTraceRecords) {
            lastTraceRecords = f.traceRecords();
            // only the events new since the last frame: walk back from the newest, then forward
            List<TraceEvent> recent = f.recentEvents();
            boolean restarted = !recent.isEmpty() && recent.get(recent.size() - 1).seq() < lastSeenSeq;
            if (restarted) {
                lastSeenSeq = -1; // a rewound or new trace: its records are new to the callouts (they fade by simulated time)
            }
            int from = recent.size();
            while (from > 0 && recent.get(from - 1).seq() > lastSeenSeq) {
                from--;
            }
            for (TraceEvent e : recent.subList(from, recent.size())) {
                callouts.accept(e);
                DroppedMessage d = restarted ? null : DroppedMessage.of(e, nowNanos);
                if (d != null) {
                    drops.addLast(d);
                    if (drops.size() > MAX_DROPS_SHOWN) {
                        drops.removeFirst();
                    }
                }
            }
            if (!f.recentEvents().isEmpty()) {
                lastSeenSeq = f.recentEvents().get(f.recentEvents().size() - 1).seq();
            }
        }
        callouts.observe(f.snapshot());
        status.set(statusLine(f) + (apiAddress.get().isEmpty() ? "" : "  ·  REST API " + apiAddress.get()));
        speedText.set(formatSpeed(f.speed()) + (f.paused() ? " (paused)" : ""));
        return true;
    }

    /**
     * Brings the tables (nodes, event log) up to the current frame. The window calls this a few
     * times a second rather than every frame: a person cannot read faster, and re-laying out
     * tables is what a frame costs most. The event log is extended and trimmed, not replaced.
     */
    public void updateTables() {
        Frame f = frame.get();
        if (f == null) {
            return;
        }
        List<NodeRow> rows = new ArrayList<>(f.snapshot().nodes().size());
        for (NodeView n : f.snapshot().nodes()) {
            rows.add(NodeRow.of(n));
        }
        if (rows.size() != nodes.size()) {
            nodes.setAll(rows);
        } else {
            // row by row, so a selected row stays selected and only changed rows are redrawn
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).equals(nodes.get(i))) {
                    nodes.set(i, rows.get(i));
                }
            }
        }
        List<TraceEvent> recent = f.recentEvents();
        if (recent.isEmpty()) {
            events.clear();
            return;
        }
        long newestShown = events.isEmpty() ? -1 : events.get(events.size() - 1).seq();
        if (newestShown > recent.get(recent.size() - 1).seq() || (!events.isEmpty() && events.get(0).seq() > recent.get(0).seq())) {
            events.setAll(recent); // a new cluster: start over
            return;
        }
        int from = recent.size();
        while (from > 0 && recent.get(from - 1).seq() > newestShown) {
            from--;
        }
        if (from < recent.size()) {
            events.addAll(recent.subList(from, recent.size()));
        }
        long oldestKept = recent.get(0).seq();
        int drop = 0;
        while (drop < events.size() && events.get(drop).seq() < oldestKept) {
            drop++;
        }
        if (drop > 0) {
            events.remove(0, drop);
        }
    }

    /**
     * A violation's rule and event ("R at event N") without its time, seed, node and detail:
     * the status line keeps its full width, so a long detail would widen the window past the
     * screen; the rest is the VIOLATION row's in the event log.
     */
    static String headOf(String violation) {
        int end = violation.indexOf(" (t=");
        return end < 0 ? violation : violation.substring(0, end).replace(" broken at event ", " at event ");
    }

    static String statusLine(Frame f) {
        ClusterSnapshot s = f.snapshot();
        String leader = s.leaderId() < 0 ? "no leader" : "leader n" + s.leaderId() + " (epoch " + s.leaderEpoch() + ")";
        String invariants = s.violations().isEmpty() ? "invariants hold" : "INVARIANT BROKEN: " + headOf(s.violations().get(0));
        return String.format(Locale.ROOT, "t = %.3f s  ·  %s  ·  speed %s%s  ·  seed %d  ·  %,d events  ·  %s",
                s.now() / 1000.0, leader, formatSpeed(f.speed()), f.paused() ? " (paused)" : "", s.seed(), s.events(), invariants)
                + (f.problem() == null ? "" : "  ·  " + f.problem()) // a command that failed: the cluster ran on without it
                + (f.config() == null || f.config().variant().equals(io.yakraft.cluster.ProtocolVariants.DEFAULT) ? ""
                : "  ·  BROKEN PROTOCOL VARIANT: " + f.config().variant());
    }

    static String formatSpeed(double speed) {
        return speed >= 10 ? String.format(Locale.ROOT, "%.0f×", speed)
                : speed >= 1 ? String.format(Locale.ROOT, "%.1f×", speed) : String.format(Locale.ROOT, "%.2f×", speed);
    }

    /** A case-insensitive filter over node, kind and reason; "n3" matches node 3 exactly. */
    static java.util.function.Predicate<TraceEvent> matcher(String text) {
        if (text == null || text.isBlank()) {
            return e -> true;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return e -> ("n" + e.node()).equals(t) || e.kind().name().toLowerCase(Locale.ROOT).contains(t)
                || e.reason().toLowerCase(Locale.ROOT).contains(t);
    }

    /** Slider position (0..1) on a log scale from 0.01× to 1000×. */
    public static double speedFromSlider(double position) {
        double lo = Math.log10(LiveSession.MIN_SPEED);
        double hi = Math.log10(LiveSession.MAX_SPEED);
        return Math.pow(10, lo + (hi - lo) * position);
    }

    public static double sliderFromSpeed(double speed) {
        double lo = Math.log10(LiveSession.MIN_SPEED);
        double hi = Math.log10(LiveSession.MAX_SPEED);
        return (Math.log10(speed) - lo) / (hi - lo);
    }

    public NodeView selectedView() {
        Frame f = frame.get();
        if (f == null) {
            return null;
        }
        for (NodeView n : f.snapshot().nodes()) {
            if (n.id() == selectedNode.get()) {
                return n;
            }
        }
        return null;
    }

    /** The callouts to show at the current frame's simulated time (they fade by simulated time). */
    public List<Callouts.Callout> callouts() {
        Frame f = frame.get();
        return f == null ? List.of() : callouts.visible(f.snapshot().now());
    }

    /** Messages dropped within the last second, oldest first. */
    public List<DroppedMessage> drops() {
        return List.copyOf(drops);
    }

    /** The event selected in the event log, or null. */
    public ObjectProperty<TraceEvent> highlightedEventProperty() {
        return highlightedEvent;
    }

    public ObjectProperty<Frame> frameProperty() {
        return frame;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The REST API's address while the window serves it, else "". */
    public StringProperty apiAddressProperty() {
        return apiAddress;
    }

    public StringProperty speedTextProperty() {
        return speedText;
    }

    public IntegerProperty selectedNodeProperty() {
        return selectedNode;
    }

    public StringProperty eventFilterProperty() {
        return eventFilter;
    }

    public ObservableList<NodeRow> nodes() {
        return nodes;
    }

    public FilteredList<TraceEvent> events() {
        return filteredEvents;
    }
}
