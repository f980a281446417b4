package io.yakraft.ui;

import io.yakraft.ui.ClusterLayout.Point;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster view's geometry, without a scene. */
class ClusterLayoutTest {

    @Test
    void controllersSitOnARingWithTheFirstAtTheTopAndObserversBelow() {
        ClusterLayout l = new ClusterLayout(List.of(1, 2, 3, 4, 5), List.of(101, 102, 103), 1000, 700);
        Point top = l.position(1);
        for (int id : new int[] {2, 3, 4, 5}) {
            assertTrue(l.position(id).y() > top.y(), "n1 is the topmost controller");
        }
        double lowestController = 0;
        for (int id = 1; id <= 5; id++) {
            lowestController = Math.max(lowestController, l.position(id).y());
        }
        for (int id : new int[] {101, 102, 103}) {
            assertTrue(l.position(id).y() > lowestController, "observers sit below the ring");
        }
        assertTrue(l.position(101).x() < l.position(103).x(), "observers run left to right");
    }

    @Test
    void nodesNeverOverlapAndEverythingFitsTheCanvas() {
        for (int controllers = 1; controllers <= 9; controllers++) {
            for (int observers = 0; observers <= 9; observers++) {
                List<Integer> cs = java.util.stream.IntStream.rangeClosed(1, controllers).boxed().toList();
                List<Integer> os = java.util.stream.IntStream.range(101, 101 + observers).boxed().toList();
                ClusterLayout l = new ClusterLayout(cs, os, 800, 500);
                List<Integer> all = new java.util.ArrayList<>(cs);
                all.addAll(os);
                for (int a : all) {
                    Point p = l.position(a);
                    assertTrue(p.x() - l.nodeRadius() >= 0 && p.x() + l.nodeRadius() <= 800, "x inside for " + a);
                    assertTrue(p.y() - l.nodeRadius() >= 0 && p.y() + l.nodeRadius() <= 500, "y inside for " + a);
                    for (int b : all) {
                        if (a < b) {
                            assertTrue(p.distance(l.position(b)) >= 2 * l.nodeRadius() * 0.9,
                                    controllers + "+" + observers + ": n" + a + " and n" + b + " overlap");
                        }
                    }
                }
            }
        }
    }

    @Test
    void inPresenterModeUnderATwoLineCaptionEveryNodeAndItsTextStayOnTheCanvas() {
        // 1920×1080 with a two-line caption leaves the canvas about 600 px high (560 with the drawer open)
        double[][] sizes = {{1920, 600}, {1920, 560}, {1366, 420}, {1600, 480}};
        for (double[] size : sizes) {
            for (int controllers : new int[] {3, 5}) {
                for (int observers : new int[] {3, 6}) {
                    List<Integer> cs = java.util.stream.IntStream.rangeClosed(1, controllers).boxed().toList();
                    List<Integer> os = java.util.stream.IntStream.range(101, 101 + observers).boxed().toList();
                    ClusterLayout l = new ClusterLayout(cs, os, size[0], size[1], MainController.PRESENTER_SCALE);
                    List<Integer> all = new java.util.ArrayList<>(cs);
                    all.addAll(os);
                    String where = controllers + "+" + observers + " at " + size[0] + "x" + size[1];
                    for (int a : all) {
                        ClusterLayout.Box box = l.nodeBox(a);
                        assertTrue(box.y() >= 0 && box.y() + box.h() <= size[1],
                                where + ": n" + a + "'s circle, details and badge on the canvas: " + box);
                        for (int b : all) {
                            if (a < b) {
                                assertTrue(l.position(a).distance(l.position(b)) >= 2 * l.nodeRadius(), where + ": n" + a + ", n" + b);
                            }
                        }
                    }
                    for (int o : os) {
                        for (int c : cs) {
                            assertTrue(!l.nodeBox(o).overlaps(l.nodeBox(c)), where + ": observer n" + o + "'s text clear of n" + c + "'s");
                        }
                    }
                }
            }
        }
    }

    @Test
    void clicksFindTheNodeUnderThemAndMessagesMoveAlongTheLink() {
        ClusterLayout l = new ClusterLayout(List.of(1, 2, 3), List.of(), 600, 600);
        Point p = l.position(2);
        assertEquals(2, l.nodeAt(p.x() + 3, p.y() - 3));
        assertEquals(-1, l.nodeAt(1, 1));
        Point a = l.position(1);
        Point middle = new Point((a.x() + p.x()) / 2, (a.y() + p.y()) / 2);
        Point there = l.along(1, 2, 0.5);
        Point back = l.along(2, 1, 0.5);
        assertTrue(there.distance(middle) <= 8.0001 && back.distance(middle) <= 8.0001, "near the link's middle");
        assertTrue(there.distance(back) > 10, "a request and its answer crossing do not cover each other");
        assertEquals(l.along(1, 2, 1.0), l.along(1, 2, 7.0), "a late message is drawn at its destination");
        assertTrue(l.along(1, 2, 1.0).distance(p) <= 8.0001, "beside its destination");
    }

    /** The layout rule for labels: a callout (and a card, where there is room) never covers a node's own text. */
    @Test
    void calloutsAndCardsBesideANodeNeverCoverAnyNodesText() {
        double[][] canvases = {{900, 520}, {1100, 620}, {760, 440}};
        for (double[] size : canvases) {
            for (int controllers = 1; controllers <= 5; controllers++) {
                for (int observers = 0; observers <= 3; observers++) {
                    List<Integer> cs = java.util.stream.IntStream.rangeClosed(1, controllers).boxed().toList();
                    List<Integer> os = java.util.stream.IntStream.range(101, 101 + observers).boxed().toList();
                    ClusterLayout l = new ClusterLayout(cs, os, size[0], size[1]);
                    List<Integer> all = new java.util.ArrayList<>(cs);
                    all.addAll(os);
                    for (int node : all) {
                        List<ClusterLayout.Box> taken = new java.util.ArrayList<>();
                        // two callouts, then a state card, as the canvas places them
                        double[][] labels = {{230, 18}, {200, 18}, {250, 70}};
                        for (double[] label : labels) {
                            ClusterLayout.Box b = l.placeBeside(node, label[0], label[1], taken);
                            String where = size[0] + "x" + size[1] + " " + controllers + "+" + observers + " n" + node;
                            assertTrue(b.inside(size[0], size[1]), where + ": on the canvas " + b);
                            boolean card = label[1] > 18;
                            // a card has room on any canvas but a crowded small one (5+3 under 900 px, 3+3 at 760);
                            // there it takes the place that covers the least
                            boolean roomy = controllers + observers <= 6 && size[0] >= 900;
                            if (!card || roomy) {
                                assertTrue(!l.coversNodeText(b), where + ": clear of every node's text " + b);
                            }
                            for (ClusterLayout.Box t : taken) {
                                assertTrue(!b.overlaps(t), where + ": clear of the labels placed before");
                            }
                            taken.add(b);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aNodesTextBoxHoldsItsCircleTallyAndDetails() {
        ClusterLayout l = new ClusterLayout(List.of(1, 2, 3), List.of(101), 1000, 600);
        Point p = l.position(2);
        ClusterLayout.Box b = l.nodeBox(2);
        double r = l.nodeRadius();
        assertTrue(b.y() <= p.y() - r - 30 && b.y() + b.h() >= p.y() + r + 51, "tally above, two lines and the badge below");
        assertTrue(b.x() <= p.x() - 80 && b.x() + b.w() >= p.x() + 80, "as wide as the detail lines");
        ClusterLayout.Box right = new ClusterLayout.Box(b.x() + b.w() + 1, b.y(), 50, 10);
        assertTrue(!right.overlaps(b));
        assertTrue(new ClusterLayout.Box(b.x() + 5, b.y() + 5, 10, 10).overlaps(b));
    }

    @Test
    void aShortLaptopCanvasUnderACaptionIsTooShortAndHeightToFitNamesTheLeastHeightThatHoldsEveryNode() {
        List<Integer> controllers = List.of(1, 2, 3);
        List<Integer> observers = List.of(101, 102, 103);
        // lesson 11 at 1366x740 before the canvas grew: 720 x 225, the observers' details off the bottom edge
        assertFalse(new ClusterLayout(controllers, observers, 720, 225).fits());
        double h = ClusterLayout.heightToFit(controllers, observers, 720, 1.0, 1_000);
        assertTrue(h < 1_000, "some height holds three controllers and three observers");
        assertTrue(new ClusterLayout(controllers, observers, 720, h).fits(), "fits at " + h);
        assertFalse(new ClusterLayout(controllers, observers, 720, h - 8).fits(), "the least such height, to 8 px: " + h);
        for (double taller = h; taller <= 900; taller += 20) {
            assertTrue(new ClusterLayout(controllers, observers, 720, taller).fits(), "a taller canvas fits too: " + taller);
        }
    }
}
