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

    private final Map<Integer, Point> positions = new LinkedHashMap<>();
    private final double nodeRadius;

    public ClusterLayout(List<Integer> controllers, List<Integer> observers, double width, double height) {
        this(controllers, observers, width, height, 1.0);
    }

    /** With {@code scale} > 1 (presenter mode) nodes may grow past the normal cap and their details get more room. */
    public ClusterLayout(List<Integer> controllers, List<Integer> observers, double width, double height, double scale) {
        double cx = width / 2;
        boolean alone = observers.isEmpty();
        double cy = height * (alone ? 0.47 : 0.31);
        // the ring is an ellipse, wider than tall: windows are landscape, and each node's details sit below it
        double ry = height * (alone ? 0.30 : 0.19);
        double rx = Math.min(width * 0.30, ry * 2.2);
        // smaller nodes when many observers share the arc, so neighbours never touch
        this.nodeRadius = Math.max(12, Math.min(Math.min(40 * scale, Math.min(width, height) * 0.065 * scale),
                width * 0.8 / (2.4 * Math.max(1, observers.size()))));
        // the top controller's crown and timer arc reach about r + 20 × scale above its centre: keep them on the
        // canvas by lowering the ring's top (its bottom, and so the observers, stay where they are)
        double topRoom = nodeRadius + 24 * scale;
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
        double top = cy + ry + 3.2 * nodeRadius;
        double bottom = height - nodeRadius - 60 * scale; // room for two lines of details and the metadata badge
        for (int j = 0; j < m; j++) {
            double u = m == 1 ? 0 : -1 + 2.0 * j / (m - 1);
            double y = top + (bottom - top) * (1 - 0.5 * u * u);
            positions.put(observers.get(j), new Point(cx + arc * u, Math.max(top, y)));
        }
    }

    public Point position(int node) {
        return positions.get(node);
    }

    public double nodeRadius() {
        return nodeRadius;
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
