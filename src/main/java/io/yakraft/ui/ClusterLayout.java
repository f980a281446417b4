package io.yakraft.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where nodes sit on the cluster view: controllers evenly on a ring (the first at the top),
 * observers on an arc below and outside it. Pure geometry, no JavaFX, so it is unit-tested.
 */
public final class ClusterLayout {
    /** A point on the canvas. */
    public record Point(double x, double y) {
        public double distance(Point o) {
            return Math.hypot(x - o.x, y - o.y);
        }
    }

    /** A rectangle on the canvas, for labels and the space a node's own text takes. */
    public record Box(double x, double y, double w, double h) {
        public boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        public boolean inside(double width, double height) {
            return x >= 0 && y >= 0 && x + w <= width && y + h <= height;
        }

        double overlapArea(Box o) {
            double ox = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
            double oy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
            return ox * oy;
        }
    }

    private final Map<Integer, Point> positions = new LinkedHashMap<>();
    private final double nodeRadius;
    private final double scale;
    private final double width;
    private final double height;

    public ClusterLayout(List<Integer> controllers, List<Integer> observers, double width, double height) {
        this(controllers, observers, width, height, 1.0);
    }

    /** With {@code scale} > 1 (presenter mode) nodes may grow past the normal cap and their details get more room. */
    public ClusterLayout(List<Integer> controllers, List<Integer> observers, double width, double height, double scale) {
        this.scale = scale;
        this.width = width;
        this.height = height;
        double cx = width / 2;
        boolean alone = observers.isEmpty();
        double cy = height * (alone ? 0.47 : 0.31);
        // the ring is an ellipse, wider than tall: windows are landscape, and each node's details sit below it
        double ry = height * (alone ? 0.30 : 0.19);
        double rx = Math.min(width * 0.30, ry * 2.2);
        // smaller nodes when many observers share the arc, so neighbours never touch
        double r = Math.max(12, Math.min(Math.min(40 * scale, Math.min(width, height) * 0.065 * scale),
                width * 0.8 / (2.4 * Math.max(1, observers.size()))));
        // the lowest controller sits this far below the ring's centre, in ry (0.5 for three)
        double lowest = -1;
        for (int i = 0; i < controllers.size(); i++) {
            lowest = Math.max(lowest, Math.sin(-Math.PI / 2 + 2 * Math.PI * i / controllers.size()));
        }
        boolean squeezed = !alone && cy + ry + 3.2 * r > height - r - 60 * scale;
        if (squeezed) {
            // a short canvas (presenter mode under a two-line caption): flatten the ring, then shrink the nodes,
            // until the observers and their details fit above the canvas's bottom edge, below the controllers'
            // text; the ring is drawn wide enough that flattened controllers keep their text apart
            for (int k = 0; k < 100; k++) {
                double minRy = (2 * r + 84 * scale) / 3.0; // keeps the ring a ring, not a line
                ry = Math.max(minRy, (height - squeezedHeight(r, 0, 0, scale)) / Math.max(0.5, 1 + lowest));
                if (squeezedHeight(r, ry, lowest, scale) <= height || r <= 12) {
                    break;
                }
                r = Math.max(12, r * 0.95);
            }
            cy = r + 34 * scale + ry; // the top controller's text box (its crown) starts at the canvas's edge
            double half = Math.max(r + 11 * scale, DETAIL_HALF_WIDTH * scale);
            rx = Math.min(width * 0.30, Math.max(ry * 2.2, 2.4 * half));
        }
        this.nodeRadius = r;
        // the top controller's crown or election tally reaches r + 32 × scale above its centre (its nodeBox): keep
        // it on the canvas by lowering the ring's top (its bottom, and so the observers, stay where they are)
        double topRoom = nodeRadius + 32 * scale;
        if (cy - ry < topRoom) {
            double ringBottom = cy + ry;
            ry = Math.max(0, (ringBottom - topRoom) / 2);
            cy = ringBottom - ry;
        }
        int n = controllers.size();
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / n;
            positions.put(controllers.get(i), new Point(cx + rx * Math.cos(a), cy + ry * Math.sin(a)));
        }
        int m = observers.size();
        // observers evenly spaced in x on a shallow arc below the ring (lowest in the middle)
        double arc = width * 0.40;
        double top = squeezed ? cy + lowest * ry + 2 * nodeRadius + 84 * scale : cy + ry + 3.2 * nodeRadius;
        double bottom = height - nodeRadius - 60 * scale; // room for two lines of details and the metadata badge
        for (int j = 0; j < m; j++) {
            double u = m == 1 ? 0 : -1 + 2.0 * j / (m - 1);
            double y = top + (bottom - top) * (1 - 0.5 * u * u);
            positions.put(observers.get(j), new Point(cx + arc * u, Math.max(top, y)));
        }
    }

    /**
     * The height a flattened ring of vertical radius {@code ry} with observers below needs: the crown
     * above the top controller, the ring down to its lowest controller ({@code lowest} × ry below the
     * centre), that controller's details and the observers' tally above them, and the observers with
     * their details and badge.
     */
    private static double squeezedHeight(double r, double ry, double lowest, double scale) {
        return (r + 34 * scale) + (1 + lowest) * ry + (2 * r + 84 * scale) + (r + 60 * scale);
    }

    public Point position(int node) {
        return positions.get(node);
    }

    public double nodeRadius() {
        return nodeRadius;
    }

    /**
     * The space a node's own text takes: its circle with the timer ring, the crown or election
     * tally above it, and the two detail lines and the metadata badge below it (as the renderer
     * draws them). Nothing else the canvas writes may overlap it.
     */
    public Box nodeBox(int node) {
        Point p = positions.get(node);
        double r = nodeRadius;
        double half = Math.max(r + 11 * scale, DETAIL_HALF_WIDTH * scale);
        double top = p.y() - r - 32 * scale;
        double bottom = p.y() + r + 52 * scale;
        return new Box(p.x() - half, top, 2 * half, bottom - top);
    }

    /** Half the width of a node's detail lines ("log end 103760 · hw 103759" at 11 px). */
    static final double DETAIL_HALF_WIDTH = 80;

    /**
     * Where a label of {@code w} × {@code h} goes beside a node: right of it, left of it, then
     * above or below its text, the first place that stays on the canvas and clear of every
     * node's text and of the boxes already {@code taken}; when none is clear (a crowded canvas),
     * the one that covers the least of them, a taken box counting thrice. The label's box is returned (and is the caller's to add to {@code taken}).
     */
    public Box placeBeside(int node, double w, double h, List<Box> taken) {
        Box own = nodeBox(node);
        Point p = positions.get(node);
        double gap = 6 * scale;
        double r = nodeRadius + 10 * scale;
        Box[] candidates = {
                new Box(p.x() + r + gap, p.y() - h / 2, w, h),
                new Box(p.x() - r - gap - w, p.y() - h / 2, w, h),
                new Box(p.x() + r + gap, p.y() - r - h, w, h),
                new Box(p.x() - r - gap - w, p.y() - r - h, w, h),
                new Box(p.x() - w / 2, own.y() - gap - h, w, h),
                new Box(p.x() - w / 2, own.y() + own.h() + gap, w, h),
                new Box(own.x() + own.w() + gap, own.y() + own.h() - h, w, h),
                new Box(own.x() - gap - w, own.y() + own.h() - h, w, h),
        };
        List<Box> tries = new java.util.ArrayList<>(List.of(candidates));
        // then farther out, around the node, nearest first
        for (int ring = 1; ring <= 6; ring++) {
            double d = r + gap + ring * 18 * scale;
            for (int k = 0; k < 16; k++) {
                double a = 2 * Math.PI * k / 16;
                double cx = p.x() + Math.cos(a) * (d + w / 2);
                double cy = p.y() + Math.sin(a) * (d + h / 2);
                tries.add(new Box(cx - w / 2, cy - h / 2, w, h));
            }
        }
        // last, anywhere on the canvas, nearest to the node first (a crowded cluster)
        List<Box> grid = new java.util.ArrayList<>();
        for (double y = 0; y + h <= height; y += 16 * scale) {
            for (double x = 0; x + w <= width; x += 16 * scale) {
                grid.add(new Box(x, y, w, h));
            }
        }
        grid.sort(java.util.Comparator.comparingDouble(b -> Math.hypot(b.x() + b.w() / 2 - p.x(), b.y() + b.h() / 2 - p.y())));
        tries.addAll(grid);
        Box best = null;
        double bestCost = Double.MAX_VALUE;
        for (Box c : tries) {
            Box b = clamp(c);
            double cost = 0;
            for (Box other : nodeBoxes()) {
                cost += b.overlapArea(other);
            }
            for (Box t : taken) {
                cost += 3 * b.overlapArea(t); // covering a label placed before (a callout: the why) is worse
            }
            if (cost == 0) {
                return b;
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = b;
            }
        }
        return best;
    }

    private List<Box> nodeBoxes;

    private List<Box> nodeBoxes() {
        if (nodeBoxes == null) {
            List<Box> boxes = new java.util.ArrayList<>();
            for (int node : positions.keySet()) {
                boxes.add(nodeBox(node));
            }
            nodeBoxes = boxes;
        }
        return nodeBoxes;
    }

    /** The box moved inside the canvas (when it fits at all). */
    private Box clamp(Box b) {
        double x = Math.max(0, Math.min(width - b.w(), b.x()));
        double y = Math.max(0, Math.min(height - b.h(), b.y()));
        return new Box(x, y, b.w(), b.h());
    }

    /** Whether a box overlaps any node's text. */
    public boolean coversNodeText(Box b) {
        for (Box node : nodeBoxes()) {
            if (b.overlaps(node)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the canvas is tall enough: every node's text lies between its top and bottom edges (to half a pixel). */
    public boolean fits() {
        for (Box b : nodeBoxes()) {
            if (b.y() < -0.5 || b.y() + b.h() > height + 0.5) {
                return false;
            }
        }
        return true;
    }

    /**
     * The least canvas height (to 8 px, at most {@code limit}) at which these nodes' layout
     * {@link #fits}: what a short canvas (a laptop under a lesson's caption) must grow to.
     */
    public static double heightToFit(List<Integer> controllers, List<Integer> observers, double width, double scale,
                                     double limit) {
        for (double h = 100; h < limit; h += 8) {
            if (new ClusterLayout(controllers, observers, width, h, scale).fits()) {
                return h;
            }
        }
        return limit;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** The node under a click, or -1. */
    public int nodeAt(double x, double y) {
        Point p = new Point(x, y);
        for (Map.Entry<Integer, Point> e : positions.entrySet()) {
            if (e.getValue().distance(p) <= nodeRadius) {
                return e.getKey();
            }
        }
        return -1;
    }

    /**
     * Position of a message {@code fraction} (0..1) of the way from one node to another. It
     * travels a little to the right of the link (seen in its direction of travel), so a request
     * and its answer crossing on one link do not cover each other.
     */
    public Point along(int from, int to, double fraction) {
        Point a = positions.get(from);
        Point b = positions.get(to);
        double f = Math.max(0, Math.min(1, fraction));
        double length = Math.max(1e-9, a.distance(b));
        double side = Math.min(nodeRadius * 0.3, 8);
        // the right-hand normal of (dx, dy) on a canvas whose y grows downward is (-dy, dx)
        double nx = -(b.y - a.y) / length;
        double ny = (b.x - a.x) / length;
        return new Point(a.x + (b.x - a.x) * f + nx * side, a.y + (b.y - a.y) * f + ny * side);
    }

    /**
     * The link (a pair of node ids, among {@code links}) passing within 6 px of the point and
     * not under a node, the nearest one; null when none does.
     */
    public int[] linkAt(double x, double y, java.util.List<int[]> links) {
        Point p = new Point(x, y);
        if (nodeAt(x, y) >= 0) {
            return null;
        }
        int[] best = null;
        double bestDistance = 6;
        for (int[] l : links) {
            Point a = positions.get(l[0]);
            Point b = positions.get(l[1]);
            if (a == null || b == null) {
                continue;
            }
            double d = distanceToSegment(p, a, b);
            if (d <= bestDistance) {
                bestDistance = d;
                best = l;
            }
        }
        return best;
    }

    /** Of a link's two ends, the one nearer to the point (its sends are what a one-way cut drops). */
    public int nearerEnd(int[] link, double x, double y) {
        Point p = new Point(x, y);
        return positions.get(link[0]).distance(p) <= positions.get(link[1]).distance(p) ? link[0] : link[1];
    }

    private static double distanceToSegment(Point p, Point a, Point b) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
        return p.distance(new Point(a.x + t * dx, a.y + t * dy));
    }
}
