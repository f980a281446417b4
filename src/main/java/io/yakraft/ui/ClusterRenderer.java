package io.yakraft.ui;

import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.MessageKind;
import io.yakraft.cluster.MessageView;
import io.yakraft.cluster.NodeView;
import io.yakraft.raft.RaftConfig;
import io.yakraft.raft.Role;
import io.yakraft.ui.ClusterLayout.Point;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws one snapshot of the cluster: links (cut ones dashed red), messages in flight at their
 * simulated position (vote answers marked granted ✓ / rejected ✗), and every node with its role
 * written out, epoch, log end, high watermark, its running timer as a draining arc and, on a
 * Prospective or Candidate, its election tally; beside the nodes, the fading callouts that say
 * why. The background and links go on a backdrop layer redrawn only when they change; the rest
 * is drawn each frame. Labels are placed clear of every node's text ({@link ClusterLayout#nodeBox}).
 */
public final class ClusterRenderer {
    private boolean showLabels = true;
    private double scale = 1.0;
    private boolean dark;
    private io.yakraft.sim.TraceEvent highlight;
    private List<DroppedMessage> drops = List.of();
    private long nowNanos;
    private List<Callouts.Callout> callouts = List.of();
    /** What the backdrop layer shows now; null when it must be redrawn. */
    private Object backdropKey;
    private final Map<Long, Point> messagePositions = new HashMap<>();
    private final List<String> drawnTexts = new ArrayList<>();
    private final List<ClusterLayout.Box> calloutBoxes = new ArrayList<>();
    private final List<Object[]> voteMarks = new ArrayList<>();
    private final Fonts fonts = new Fonts();

    public void setShowLabels(boolean on) {
        showLabels = on;
    }

    /** 1.0 normally; larger fonts and lines for presenter mode. */
    public void setScale(double s) {
        scale = s;
    }

    public void setDark(boolean on) {
        dark = on;
    }

    /** The trace event selected in the event log: its link and message are drawn highlighted. */
    public void setHighlight(io.yakraft.sim.TraceEvent event) {
        highlight = event;
    }

    /** The callouts to draw beside the nodes this frame (see {@link Callouts#visible}). */
    public void setCallouts(List<Callouts.Callout> callouts) {
        this.callouts = callouts;
    }

    /** Where each message in flight was drawn last, by id: what a click or hover picks. */
    public long messageAt(double x, double y) {
        long best = -1;
        double bestDistance = 9 * scale;
        for (Map.Entry<Long, Point> e : messagePositions.entrySet()) {
            double d = e.getValue().distance(new Point(x, y));
            if (d <= bestDistance) {
                bestDistance = d;
                best = e.getKey();
            }
        }
        return best;
    }

    /** Where a message was drawn last, or null when it is not on the canvas. */
    public Point messagePosition(long id) {
        return messagePositions.get(id);
    }

    /** The words drawn last frame beyond the nodes' own: vote marks, tallies, callouts (tests read them). */
    public List<String> drawnTexts() {
        return List.copyOf(drawnTexts);
    }

    /** The callouts' boxes drawn last frame, for a card placed after them to avoid. */
    public List<ClusterLayout.Box> calloutBoxes() {
        return List.copyOf(calloutBoxes);
    }

    /** Messages dropped lately, drawn as fading crosses. */
    public void setDrops(List<DroppedMessage> drops, long nowNanos) {
        this.drops = drops;
        this.nowNanos = nowNanos;
    }

    public static ClusterLayout layoutFor(ClusterSnapshot s, double w, double h) {
        return layoutFor(s, w, h, 1.0);
    }

    /** The layout at {@code scale} (presenter mode: larger nodes, more room for their details). */
    public static ClusterLayout layoutFor(ClusterSnapshot s, double w, double h, double scale) {
        List<List<Integer>> parts = controllersAndObservers(s);
        return new ClusterLayout(parts.get(0), parts.get(1), w, h, scale);
    }

    /** The least canvas height, up to {@code limit}, at which this cluster's layout at {@code w} is whole. */
    public static double heightToFit(ClusterSnapshot s, double w, double scale, double limit) {
        List<List<Integer>> parts = controllersAndObservers(s);
        return ClusterLayout.heightToFit(parts.get(0), parts.get(1), w, scale, limit);
    }

    private static List<List<Integer>> controllersAndObservers(ClusterSnapshot s) {
        List<Integer> controllers = new ArrayList<>();
        List<Integer> observers = new ArrayList<>();
        for (NodeView n : s.nodes()) {
            (n.voter() ? controllers : observers).add(n.id());
        }
        return List.of(controllers, observers);
    }

    /** The links drawn: every pair that includes a controller (brokers talk to controllers only). */
    public static List<int[]> links(ClusterSnapshot s) {
        List<int[]> out = new ArrayList<>();
        List<NodeView> nodes = s.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                if (nodes.get(i).voter() || nodes.get(j).voter()) {
                    out.add(new int[] {nodes.get(i).id(), nodes.get(j).id()});
                }
            }
        }
        return out;
    }

    /** Draws everything on one canvas (no backdrop layer): the backdrop, then the frame over it. */
    public void draw(GraphicsContext g, ClusterSnapshot s, ClusterLayout layout, RaftConfig raft, int selected,
                     double w, double h) {
        backdropKey = null;
        drawBackdrop(g, s, layout, w, h);
        drawFront(g, s, layout, raft, selected, w, h, false);
    }

    /**
     * Draws the backdrop (background, links) on {@code back} only when it changed, and the
     * moving part (messages, nodes, labels) on {@code front}, a transparent canvas above it; false
     * when nothing changed since the last call, so nothing was drawn.
     */
    public boolean draw(GraphicsContext back, GraphicsContext front, ClusterSnapshot s, ClusterLayout layout, RaftConfig raft,
                     int selected, double w, double h) {
        Object key = backdropKey(s, w, h);
        boolean backChanged = !key.equals(backdropKey);
        if (backChanged) {
            drawBackdrop(back, s, layout, w, h);
            backdropKey = key;
        }
        // the same snapshot drawn the same way: the canvas keeps what it shows (a paused session costs nothing)
        // (the snapshot by identity: comparing its contents would cost more than drawing it)
        List<Object> frontKey = List.of(selected, w, h, scale, dark, showLabels, RolePalette.colourBlindSafe(),
                highlight == null ? 0 : highlight,
                drops.isEmpty() ? 0L : nowNanos, callouts);
        if (!backChanged && s == lastFrontSnapshot && frontKey.equals(lastFrontKey)) {
            return false;
        }
        lastFrontSnapshot = s;
        lastFrontKey = frontKey;
        drawFront(front, s, layout, raft, selected, w, h, true);
        return true;
    }

    /** What the front layer shows now (snapshot by identity, display options): unchanged means no redraw. */
    private List<Object> lastFrontKey;
    private ClusterSnapshot lastFrontSnapshot;

    /** Everything the backdrop depends on: size, look, which nodes sit where, which links are cut, the highlighted link. */
    private Object backdropKey(ClusterSnapshot s, double w, double h) {
        List<Object> key = new ArrayList<>();
        key.add(w);
        key.add(h);
        key.add(scale);
        key.add(dark);
        for (NodeView n : s.nodes()) {
            key.add(n.voter() ? n.id() : -n.id() - 1);
        }
        for (int[] c : s.cutLinks()) {
            key.add(List.of(c[0], c[1]));
        }
        if (highlight != null && highlight.peer() >= 0) {
            key.add(List.of(highlight.node(), highlight.peer()));
        }
        return key;
    }

    private void drawBackdrop(GraphicsContext g, ClusterSnapshot s, ClusterLayout layout, double w, double h) {
        Color bg = dark ? Color.web("#1E2127") : Color.web("#FAFAF7");
        Color faint = dark ? Color.web("#3A3F4A") : Color.web("#DDDDD5");
        g.setFill(bg);
        g.fillRect(0, 0, w, h);
        drawLinks(g, s, layout, faint);
    }

    private void drawFront(GraphicsContext g, ClusterSnapshot s, ClusterLayout layout, RaftConfig raft, int selected,
                           double w, double h, boolean layered) {
        Color ink = dark ? Color.web("#E6E6E6") : Color.web("#222222");
        if (layered) {
            g.clearRect(0, 0, w, h);
        }
        drawnTexts.clear();
        calloutBoxes.clear();
        labelBoxes.clear();
        voteMarks.clear();
        // the clock in the top-left corner: labels placed later keep clear of it
        calloutBoxes.add(new ClusterLayout.Box(0, 0, 190 * scale, 26 * scale));
        fonts.at(scale);
        drawDrops(g, layout, drops, nowNanos);
        drawMessages(g, s, layout, ink);
        int voters = NodeCard.voters(s);
        for (NodeView n : s.nodes()) {
            drawNode(g, n, s, layout, raft, n.id() == selected, n.id() == s.leaderId(), ink, voters);
        }
        for (Object[] mark : voteMarks) {
            voteMark(g, (Point) mark[0], 5 * scale, (Boolean) mark[1]);
        }
        drawCallouts(g, s, layout);
        g.setFill(ink);
        g.setFont(fonts.time);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format("t = %.3f s   seed %d", s.now() / 1000.0, s.seed()), 10, 8);
    }

    private void drawLinks(GraphicsContext g, ClusterSnapshot s, ClusterLayout layout, Color faint) {
        g.setLineDashes();
        List<Point[]> healthy = new ArrayList<>();
        for (int[] link : links(s)) {
            boolean ab = isCut(s, link[0], link[1]);
            boolean ba = isCut(s, link[1], link[0]);
            Point p = layout.position(link[0]);
            Point q = layout.position(link[1]);
            boolean highlighted = highlight != null && highlight.peer() >= 0
                    && ((highlight.node() == link[0] && highlight.peer() == link[1])
                    || (highlight.node() == link[1] && highlight.peer() == link[0]));
            if (ab || ba) {
                g.setStroke(Color.web("#D32F2F"));
                g.setLineWidth(2.2 * scale);
                g.setLineDashes(8 * scale, 6 * scale);
                g.strokeLine(p.x(), p.y(), q.x(), q.y());
                g.setLineDashes();
                if (ab != ba) {
                    // one-way cut: mark the side whose sends are lost
                    Point from = ab ? p : q;
                    Point to = ab ? q : p;
                    Point mark = new Point(from.x() + (to.x() - from.x()) * 0.3, from.y() + (to.y() - from.y()) * 0.3);
                    cross(g, mark, 6 * scale);
                }
            } else {
                healthy.add(new Point[] {p, q});
            }
            if (highlighted) {
                g.setStroke(Color.web("#0072B2"));
                g.setGlobalAlpha(0.45);
                g.setLineWidth(7 * scale);
                g.strokeLine(p.x(), p.y(), q.x(), q.y());
                g.setGlobalAlpha(1);
            }
        }
        // the healthy links as one path: one drawing command instead of one per link
        g.setStroke(faint);
        g.setLineWidth(1.2 * scale);
        g.beginPath();
        for (Point[] l : healthy) {
            g.moveTo(l[0].x(), l[0].y());
            g.lineTo(l[1].x(), l[1].y());
        }
        g.stroke();
    }

    /** Draws the recently dropped messages as red crosses on their links, fading out. */
    private void drawDrops(GraphicsContext g, ClusterLayout layout, List<DroppedMessage> drops, long nowNanos) {
        for (DroppedMessage d : drops) {
            double alpha = d.alpha(nowNanos);
            if (alpha <= 0 || layout.position(d.from()) == null || layout.position(d.to()) == null) {
                continue;
            }
            g.setGlobalAlpha(alpha);
            cross(g, layout.along(d.from(), d.to(), d.atReceiver() ? 0.85 : 0.2), 6 * scale);
            g.setGlobalAlpha(1);
        }
    }

    private static boolean isCut(ClusterSnapshot s, int from, int to) {
        for (int[] c : s.cutLinks()) {
            if (c[0] == from && c[1] == to) {
                return true;
            }
        }
        return false;
    }

    private void drawMessages(GraphicsContext g, ClusterSnapshot s, ClusterLayout layout, Color ink) {
        g.setFont(fonts.message);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        messagePositions.clear();
        for (MessageView m : s.inFlight()) {
            if (layout.position(m.from()) == null || layout.position(m.to()) == null) {
                continue;
            }
            double span = Math.max(1, m.deliverAt() - m.sentAt());
            Point p = layout.along(m.from(), m.to(), (s.now() - m.sentAt()) / span);
            messagePositions.put(m.id(), p);
            boolean lost = isCut(s, m.from(), m.to());
            double r = 5 * scale;
            g.setFill(RolePalette.message(m.kind()));
            g.setGlobalAlpha(lost ? 0.35 : 1.0);
            boolean data = RolePalette.isData(m.kind());
            if (data) {
                dataMark(g, m.kind(), p, r, ink);
            } else {
                g.fillOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
            }
            if (highlight != null && highlight.messageId() == m.id()) {
                g.setStroke(Color.web("#0072B2"));
                g.setLineWidth(3 * scale);
                g.strokeOval(p.x() - r - 4 * scale, p.y() - r - 4 * scale, 2 * r + 8 * scale, 2 * r + 8 * scale);
            }
            if (!data) {
                g.setStroke(Color.web("#333333"));
                g.setLineWidth(0.8);
                g.strokeOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
            }
            if (lost) {
                cross(g, p, r + 2);
            }
            Boolean granted = MessageFields.granted(m);
            if (granted != null) {
                // drawn after the nodes, so a vote answer just sent or about to arrive still shows its mark
                voteMarks.add(new Object[] {new Point(p.x() + r + 7 * scale, p.y() - r - 3 * scale), granted});
            }
            if (showLabels || granted != null) {
                String label = MessageFields.label(m);
                ClusterLayout.Box box = labelBox(label, p, r, granted != null, layout);
                // a label never covers a node's own text nor another label: there, the glyph alone says enough
                if (box != null) {
                    labelBoxes.add(box);
                    g.setFill(ink);
                    g.fillText(label, box.x(), p.y());
                }
                if (granted != null) {
                    drawnTexts.add(label); // the mark is drawn either way; the words are what it says
                }
            }
            g.setGlobalAlpha(1.0);
        }
    }

    /**
     * Where a message's label goes: right of its glyph (after a vote mark), else left of it, the
     * first of the two that stays on the canvas and clear of every node's text, of the labels
     * already placed this frame and of the clock; null when neither is (the label is left out).
     */
    private ClusterLayout.Box labelBox(String label, Point p, double r, boolean marked, ClusterLayout layout) {
        double w = labelWidth(label);
        double h = 12 * scale;
        ClusterLayout.Box right = new ClusterLayout.Box(p.x() + r + (marked ? 14 : 2) * scale, p.y() - h / 2, w, h);
        ClusterLayout.Box left = new ClusterLayout.Box(p.x() - r - 2 * scale - w, p.y() - h / 2, w, h);
        for (ClusterLayout.Box b : List.of(right, left)) {
            if (b.inside(layout.width(), layout.height()) && !layout.coversNodeText(b)
                    && !overlapsAny(b, labelBoxes) && !overlapsAny(b, calloutBoxes)) {
                return b;
            }
        }
        return null;
    }

    private static boolean overlapsAny(ClusterLayout.Box b, List<ClusterLayout.Box> boxes) {
        for (ClusterLayout.Box o : boxes) {
            if (b.overlaps(o)) {
                return true;
            }
        }
        return false;
    }

    /** A label's drawn width in the message font, measured once per text and scale (a few kinds of label recur). */
    private double labelWidth(String label) {
        if (labelWidthsScale != scale) {
            labelWidths.clear();
            labelWidthsScale = scale;
        }
        return labelWidths.computeIfAbsent(label, t -> {
            javafx.scene.text.Text text = new javafx.scene.text.Text(t);
            text.setFont(fonts.message);
            return Math.ceil(text.getLayoutBounds().getWidth()) + 1;
        });
    }

    private final Map<String, Double> labelWidths = new HashMap<>();
    private double labelWidthsScale = -1;
    private final List<ClusterLayout.Box> labelBoxes = new ArrayList<>();

    /** The message labels' boxes drawn last frame (tests check that none overlaps another or a node's text). */
    public List<ClusterLayout.Box> labelBoxes() {
        return List.copyOf(labelBoxes);
    }

    /** A green tick for a granted vote, a red cross for a rejected one, on a white disc so it reads on any link. */
    private void voteMark(GraphicsContext g, Point c, double r, boolean granted) {
        g.setFill(Color.WHITE);
        g.fillOval(c.x() - r - 2, c.y() - r - 2, 2 * r + 4, 2 * r + 4);
        g.setLineWidth(2.2 * scale);
        if (granted) {
            g.setStroke(Color.web("#1B7F3B"));
            g.strokePolyline(new double[] {c.x() - r * 0.8, c.x() - r * 0.2, c.x() + r * 0.9},
                    new double[] {c.y(), c.y() + r * 0.7, c.y() - r * 0.7}, 3);
        } else {
            g.setStroke(Color.web("#D32F2F"));
            g.strokeLine(c.x() - r * 0.7, c.y() - r * 0.7, c.x() + r * 0.7, c.y() + r * 0.7);
            g.strokeLine(c.x() - r * 0.7, c.y() + r * 0.7, c.x() + r * 0.7, c.y() - r * 0.7);
        }
    }

    /**
     * The callouts beside their nodes, each in a rounded box placed clear of every node's text
     * and of the callouts already placed, fading with simulated time.
     */
    private void drawCallouts(GraphicsContext g, ClusterSnapshot s, ClusterLayout layout) {
        if (callouts.isEmpty()) {
            return;
        }
        g.setFont(fonts.callout);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Callouts.Callout c : callouts) {
            double alpha = c.alpha(s.now());
            if (alpha <= 0 || layout.position(c.node()) == null) {
                continue;
            }
            String text = c.text().length() > 64 ? c.text().substring(0, 63) + "…" : c.text();
            double w = (text.length() * 5.9 + 14) * scale;
            double h = 18 * scale;
            List<ClusterLayout.Box> taken = new ArrayList<>(calloutBoxes);
            taken.addAll(labelBoxes); // clear of the message labels as well, where there is room
            ClusterLayout.Box b = layout.placeBeside(c.node(), w, h, taken);
            calloutBoxes.add(b);
            g.setGlobalAlpha(alpha);
            g.setFill(c.kind() == Callouts.Kind.VOTE_REFUSED ? Color.web("#FDECEA") : Color.web("#FFF4D6"));
            g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 8 * scale, 8 * scale);
            g.setStroke(c.kind() == Callouts.Kind.VOTE_REFUSED ? Color.web("#D32F2F") : Color.web("#B26A00"));
            g.setLineWidth(1.2 * scale);
            g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), 8 * scale, 8 * scale);
            // a short line from the box to its node
            Point p = layout.position(c.node());
            double bx = Math.max(b.x(), Math.min(p.x(), b.x() + b.w()));
            double by = Math.max(b.y(), Math.min(p.y(), b.y() + b.h()));
            g.strokeLine(bx, by, p.x() + (bx - p.x()) * 0.35, p.y() + (by - p.y()) * 0.35);
            g.setFill(Color.web("#222222"));
            g.fillText(text, b.x() + 7 * scale, b.y() + h / 2);
            g.setGlobalAlpha(1);
            drawnTexts.add(c.text());
        }
    }

    /**
     * A data-plane message: a square for Produce and its response, a diamond for ReplicaFetch and
     * its response; requests filled, responses hollow, outlined in the ink colour so the dark
     * theme shows them too.
     */
    private void dataMark(GraphicsContext g, MessageKind kind, Point p, double r, Color ink) {
        double[] xs;
        double[] ys;
        if (kind.family() == MessageKind.Family.PRODUCE) {
            double h = r * 0.9;
            xs = new double[] {p.x() - h, p.x() + h, p.x() + h, p.x() - h};
            ys = new double[] {p.y() - h, p.y() - h, p.y() + h, p.y() + h};
        } else {
            double h = r * 1.2;
            xs = new double[] {p.x(), p.x() + h, p.x(), p.x() - h};
            ys = new double[] {p.y() - h, p.y(), p.y() + h, p.y()};
        }
        boolean response = kind.isResponse();
        if (!response) {
            g.fillPolygon(xs, ys, 4);
        }
        g.setStroke(response ? RolePalette.data() : ink);
        g.setLineWidth((response ? 2.2 : 1.0) * scale);
        g.strokePolygon(xs, ys, 4);
        if (response && dark) {
            g.setStroke(ink);
            g.setLineWidth(0.8);
            g.strokePolygon(xs, ys, 4);
        }
    }

    private static void cross(GraphicsContext g, Point p, double r) {
        g.setStroke(Color.web("#D32F2F"));
        g.setLineWidth(2);
        g.strokeLine(p.x() - r, p.y() - r, p.x() + r, p.y() + r);
        g.strokeLine(p.x() - r, p.y() + r, p.x() + r, p.y() - r);
    }

    /**
     * {@code current} marks the leader of the highest epoch: only it wears the crown, so a
     * deposed leader that still believes in itself is visibly not the one that counts.
     */
    private void drawNode(GraphicsContext g, NodeView n, ClusterSnapshot s, ClusterLayout layout, RaftConfig raft,
                          boolean selected, boolean current, Color ink, int voters) {
        Point p = layout.position(n.id());
        double r = layout.nodeRadius();
        String role = n.displayRole();
        boolean leader = RolePalette.look(n) == RolePalette.Look.LEADER;
        // the running timer, draining clockwise
        double remaining = timerFraction(n, s.now(), raft);
        if (remaining > 0) {
            g.setStroke(leader ? Color.web("#E69F00") : Color.web("#0072B2"));
            g.setLineWidth(4 * scale);
            g.strokeArc(p.x() - r - 7 * scale, p.y() - r - 7 * scale, 2 * (r + 7 * scale), 2 * (r + 7 * scale),
                    90, -360 * remaining, ArcType.OPEN);
        }
        g.setFill(RolePalette.fill(n));
        g.fillOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
        g.setStroke(selected ? Color.web("#0072B2") : leader ? Color.web("#7A5200") : Color.web("#555555"));
        g.setLineWidth((selected ? 4 : leader ? 3.5 : 1.5) * scale);
        if (!n.voter() || n.observerController()) {
            g.setLineDashes(4 * scale, 3 * scale); // an observer: a broker, or a controller outside the voter set
        }
        g.strokeOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
        g.setLineDashes();
        if (current) {
            crown(g, p.x(), p.y() - r - 14 * scale, 10 * scale);
        }
        String tally = NodeCard.tally(n, voters);
        if (!tally.isEmpty()) {
            double w = (tally.length() * 6.0 + 14) * scale;
            double h = 16 * scale;
            ClusterLayout.Box above = new ClusterLayout.Box(p.x() - w / 2, p.y() - r - 30 * scale, w, h);
            if (coversOtherNode(layout, s, n.id(), above)) {
                // a neighbour's text is where the tally would go: beside the node instead, clear of all text
                above = layout.placeBeside(n.id(), w, h, calloutBoxes);
            }
            calloutBoxes.add(above);
            tallyPill(g, tally, n.votes().granted() >= n.votes().needed(), above.x() + w / 2, above.y());
        }
        g.setFill(RolePalette.text(n));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        String name = "n" + n.id();
        g.setFont(fonts.nodeName(r, name));
        g.fillText(name, p.x(), r >= 22 * scale ? p.y() - r * 0.28 : p.y());
        g.setFont(fonts.nodeRole(r));
        if (r >= 22 * scale) { // a small node keeps only its name inside; its role is in the table and the colour
            g.fillText(role, p.x(), p.y() + r * 0.22);
        }
        // details below the node
        g.setFill(ink);
        g.setFont(fonts.details);
        g.setTextBaseline(VPos.TOP);
        g.fillText("epoch " + n.epoch() + (n.leaderId() >= 0 && !leader ? " · leader n" + n.leaderId() : ""),
                p.x(), p.y() + r + 6 * scale);
        g.fillText("log end " + n.logEndOffset() + " · hw " + n.highWatermark()
                + (n.logStartOffset() > 0 ? " · start " + n.logStartOffset() : ""), p.x(), p.y() + r + 20 * scale);
        badge(g, n.metadataRole(), p.x(), p.y() + r + 36 * scale);
    }

    /** A pill with the node's metadata role ("FENCED", "UNFENCED", "ACTIVE CONTROLLER"...). */
    private void badge(GraphicsContext g, String metadataRole, double x, double top) {
        Color fill = RolePalette.badge(metadataRole);
        if (fill == null) {
            return;
        }
        String text = metadataRole.toUpperCase(java.util.Locale.ROOT);
        g.setFont(fonts.badge);
        double w = (text.length() * 6.4 + 12) * scale;
        double h = 15 * scale;
        g.setFill(fill);
        g.fillRoundRect(x - w / 2, top, w, h, h, h);
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        g.setFill(luminance > 0.5 ? Color.BLACK : Color.WHITE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, top + h / 2);
    }

    private static boolean coversOtherNode(ClusterLayout layout, ClusterSnapshot s, int self, ClusterLayout.Box b) {
        for (NodeView other : s.nodes()) {
            if (other.id() != self && layout.position(other.id()) != null && b.overlaps(layout.nodeBox(other.id()))) {
                return true;
            }
        }
        return false;
    }

    /** The election tally above a Prospective or Candidate: "2/3 pre-votes (2 needed)", green once it has a majority. */
    private void tallyPill(GraphicsContext g, String text, boolean won, double x, double top) {
        g.setFont(fonts.badge);
        double w = (text.length() * 6.0 + 14) * scale;
        double h = 16 * scale;
        g.setFill(won ? Color.web("#1B7F3B") : Color.web("#0B4F8A"));
        g.fillRoundRect(x - w / 2, top, w, h, h, h);
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, top + h / 2);
        drawnTexts.add(text);
    }

    /** The font a node named {@code name} of radius {@code r} is labelled in, at the last drawn scale (tests). */
    Font nodeNameFont(double r, String name) {
        return fonts.nodeName(r, name);
    }

    /** The fonts at one scale, made once rather than per node per frame. */
    private static final class Fonts {
        private double scale = -1;
        Font time;
        Font message;
        Font callout;
        Font details;
        Font badge;
        private double nameRadius = -1;
        private Font name;
        private Font role;

        void at(double s) {
            if (s == scale) {
                return;
            }
            scale = s;
            time = Font.font("System", FontWeight.NORMAL, 12 * s);
            message = Font.font("System", 10 * s);
            callout = Font.font("System", FontWeight.BOLD, 10.5 * s);
            details = Font.font("System", FontWeight.NORMAL, 11 * s);
            badge = Font.font("System", FontWeight.BOLD, 10 * s);
            nameRadius = -1;
        }

        /** The name fonts at the current radius, by name: most are {@link #name}. */
        private final java.util.Map<String, Font> namesFitting = new java.util.HashMap<>();

        /**
         * The font for node name {@code text} at radius {@code r}: as large as the node allows, and
         * never wider than the circle (a squeezed presenter layout on a laptop drew "n101" over its
         * timer ring). Measured once per name and radius.
         */
        Font nodeName(double r, String text) {
            sizeFor(r);
            return namesFitting.computeIfAbsent(text, t -> {
                javafx.scene.text.Text probe = new javafx.scene.text.Text(t);
                probe.setFont(name);
                double width = probe.getLayoutBounds().getWidth();
                return width <= 1.8 * r ? name : Font.font("System", FontWeight.BOLD, name.getSize() * 1.8 * r / width);
            });
        }

        Font nodeRole(double r) {
            sizeFor(r);
            return role;
        }

        private void sizeFor(double r) {
            if (r != nameRadius) {
                nameRadius = r;
                namesFitting.clear();
                // about 20 px in presenter mode (readable from the back), however small a squeezed layout makes the
                // node, unless the name would then spill out of its circle (see nodeName)
                name = Font.font("System", FontWeight.BOLD, Math.max(scale > 1 ? 12.5 * scale : 11 * scale, r * 0.42));
                role = Font.font("System", FontWeight.NORMAL, Math.max(9 * scale, r * 0.3));
            }
        }
    }

    private static void crown(GraphicsContext g, double x, double y, double size) {
        double[] xs = {x - size, x - size, x - size / 2, x, x + size / 2, x + size, x + size};
        double[] ys = {y + size * 0.6, y - size * 0.2, y + size * 0.2, y - size * 0.5, y + size * 0.2, y - size * 0.2, y + size * 0.6};
        g.setFill(Color.web("#E69F00"));
        g.fillPolygon(xs, ys, xs.length);
        g.setStroke(Color.web("#7A5200"));
        g.setLineWidth(1.2);
        g.strokePolygon(xs, ys, xs.length);
    }

    /**
     * Share of the node's running timer still left (1 = just started). The total is the
     * longest the timer can run for that role: the fetch timeout for followers, 1.5 × it for a
     * leader's check-quorum window, twice the election timeout otherwise.
     */
    static double timerFraction(NodeView n, long now, RaftConfig raft) {
        if (n.timerDeadline() == Long.MAX_VALUE) {
            return 0;
        }
        double total = n.role() == Role.FOLLOWER ? raft.fetchTimeoutMs()
                : n.role() == Role.LEADER ? raft.checkQuorumTimeoutMs() : 2.0 * raft.electionTimeoutMs();
        return Math.max(0, Math.min(1, (n.timerDeadline() - now) / total));
    }
}
