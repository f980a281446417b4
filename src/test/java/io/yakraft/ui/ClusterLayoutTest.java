package io.yakraft.ui;

import io.yakraft.ui.ClusterLayout.Point;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
