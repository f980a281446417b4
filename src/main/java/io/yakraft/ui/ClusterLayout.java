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
        double cx = width / 2;
        boolean alone = observers.isEmpty();
        double cy = height * (alone ? 0.48 : 0.34);
        double ring = Math.min(width, height) * (alone ? 0.32 : 0.22);
        this.nodeRadius = Math.max(18, Math.min(40, Math.min(width, height) * 0.065));
        int n = controllers.size();
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / n;
            positions.put(controllers.get(i), new Point(cx + ring * Math.cos(a), cy + ring * Math.sin(a)));
        }
        int m = observers.size();
        // observers on a wide, flat arc below the ring, clear of the controllers' labels
        double rx = Math.min(width * 0.42, ring * 2.4);
        double ry = height * 0.80 - cy - nodeRadius;
        for (int j = 0; j < m; j++) {
            double a = m == 1 ? Math.PI / 2 : Math.PI * (0.88 - 0.76 * j / (m - 1));
            positions.put(observers.get(j), new Point(cx + rx * Math.cos(a), cy + Math.max(ring + 3 * nodeRadius, ry * Math.sin(a))));
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

    /** Position of a message {@code fraction} (0..1) of the way from one node to another. */
    public Point along(int from, int to, double fraction) {
        Point a = positions.get(from);
        Point b = positions.get(to);
        double f = Math.max(0, Math.min(1, fraction));
        return new Point(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f);
    }
}
