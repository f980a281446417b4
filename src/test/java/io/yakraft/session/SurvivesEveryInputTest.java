package io.yakraft.session;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.ErrorCode;
import io.yakraft.cluster.Outcome;
import io.yakraft.data.Acks;
import io.yakraft.data.FeedRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An action that throws while it is carried out is refused where it entered the session; the
 * cluster keeps running, and a failing command is reported in the frame, never lost with its thread.
 */
class SurvivesEveryInputTest {
    /** Killing a node now throws while the action is carried out: a watcher of faults breaks on it. */
    private static void breakFaults(io.yakraft.cluster.Cluster c) {
        c.addObserver(new io.yakraft.cluster.ClusterObserver() {
            @Override
            public void fault(int node, String kind, boolean on) {
                throw new IllegalArgumentException("the rate of the watcher broke");
            }
        });
    }

    private static Action throwingFeed() {
        return new Action.Kill(io.yakraft.cluster.NodeRef.node(2));
    }

    @Test
    void anActionThatThrowsIsRefusedAndTheSessionRunsOn() {
        Session s = new Session(Session.defaultConfig(7, 3, 2));
        s.advance(3_000);
        s.setUp(SurvivesEveryInputTest::breakFaults);
        Outcome[] seen = new Outcome[1];
        s.perform(throwingFeed(), o -> seen[0] = o, r -> { });
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, seen[0]);
        assertEquals(ErrorCode.ACTION_FAILED, refused.code());
        assertTrue(refused.message().contains("rate"), refused.message());
        assertFalse(s.stopped(), "a refused action does not stop the run");
        long before = s.now();
        s.advance(1_000);
        assertEquals(before + 1_000, s.now(), "time still moves");
    }

    @Test
    void aCommandThatThrowsIsReportedInTheFrameAndLaterCommandsRun() throws Exception {
        LiveSession live = new LiveSession(Session.defaultConfig(7, 3, 2), 1, true);
        live.setUp(SurvivesEveryInputTest::breakFaults);
        live.submit(s -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<Long> after = live.query(Session::now);
        live.tick(16);
        assertTrue(after.isDone(), "the command after the failing one ran");
        assertNotNull(live.latest().problem(), "the failure is in the frame");
        assertTrue(live.latest().problem().contains("boom"), live.latest().problem());
        CompletableFuture<Object> failing = live.query(s -> {
            throw new IllegalArgumentException("bad read");
        });
        live.runPending();
        assertTrue(failing.isCompletedExceptionally(), "a failing read answers with its failure, never hangs");
        Outcome o = Driving.await(live, live.request(throwingFeed()).outcome(), 1_000);
        assertInstanceOf(Outcome.Refused.class, o);
        live.advanceBy(500);
        assertFalse(Driving.await(live, live.query(Session::stopped), 100), "the cluster keeps running");
    }

    @Test
    void anExceptionInsideTheSimulationStopsTheRunAsAViolationNamingSeedAndEvent() {
        Session s = new Session(Session.defaultConfig(7, 3, 2));
        s.setUp(c -> c.at(500, "a broken core", cl -> {
            throw new IllegalStateException("core broke");
        }));
        s.advance(1_000);
        assertTrue(s.stopped(), "the run stops where the core broke");
        String[] words = new String[1];
        s.setUp(c -> words[0] = String.join("; ", c.violations()));
        assertTrue(words[0].contains("core broke") && words[0].contains("seed 7") && words[0].contains("event"), words[0]);
        s.advance(1_000); // a stopped run stays stopped, no exception
        assertTrue(s.stopped());
    }
}
