package io.yakraft.ui;

import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.MessageKind;
import io.yakraft.cluster.MessageView;
import io.yakraft.session.LiveSession;
import io.yakraft.session.Session;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The real window on the default cluster (3 controllers, 3 brokers, seed 42), headless, with no
 * pacer: the test is the session's only driver. It lets simulated time pass in small slices and
 * has the window show each slice before it looks, so what a test sees never depends on how fast
 * the machine is. TestFX only finds {@code @Start} on the test class itself, so each subclass
 * declares one that calls {@link #open(Stage)}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {
    /** Simulated time between two looks at the session while a test waits for something. */
    static final long SLICE_MS = 10;
    /** Simulated time between two looks at the window (each look redraws it, so fewer). */
    static final long SHOWN_SLICE_MS = 40;
    /** How long a wait may run in simulated time before it fails. */
    static final long DEFAULT_WAIT_MS = 30_000;

    LiveSession session;
    MainController controller;
    private final FxRobot fx = new FxRobot();

    void open(Stage stage) {
        session = new LiveSession(Session.defaultConfig(42, 3, 3), 1, true);
        controller = new MainController(session);
        stage.setScene(StudioApp.createScene(controller));
        stage.setWidth(1366);
        stage.setHeight(768);
        stage.show();
    }

    ClusterSnapshot snapshot() {
        return session.latest().snapshot();
    }

    /** Runs what the window queued (a click, a key), without moving time, and shows the result. */
    void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        session.runPending();
        show();
    }

    /** Lets {@code simMillis} of simulated time pass (after what the window queued) and shows the result. */
    void advance(long simMillis) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        session.advanceBy(simMillis);
        show();
    }

    private void show() throws InterruptedException, ExecutionException, TimeoutException {
        fx.interact(() -> controller.showLatestFrame());
    }

    /**
     * Lets simulated time pass in {@link #SLICE_MS} slices until {@code condition} holds on the
     * session's latest snapshot, then shows it; fails once {@code maxSimMillis} have passed without it.
     */
    void advanceUntil(String what, long maxSimMillis, Predicate<ClusterSnapshot> condition) throws Exception {
        settle();
        long start = snapshot().now();
        while (!condition.test(snapshot())) {
            if (!step(what, start, maxSimMillis, SLICE_MS) && !condition.test(snapshot())) {
                throw stopped(what);
            }
        }
        show();
    }

    void advanceUntil(String what, Predicate<ClusterSnapshot> condition) throws Exception {
        advanceUntil(what, DEFAULT_WAIT_MS, condition);
    }

    /**
     * Lets simulated time pass in {@link #SHOWN_SLICE_MS} slices, the window showing each, until
     * {@code condition} holds on the FX thread; fails once {@code maxSimMillis} have passed without it.
     */
    void advanceUntilShown(String what, long maxSimMillis, Callable<Boolean> condition) throws Exception {
        settle();
        long start = snapshot().now();
        while (!WaitForAsyncUtils.asyncFx(condition).get(60, TimeUnit.SECONDS)) {
            boolean moved = step(what, start, maxSimMillis, SHOWN_SLICE_MS);
            show();
            // time may stand still because what was awaited just happened (a caption holding at 0 s): look once more
            if (!moved && !WaitForAsyncUtils.asyncFx(condition).get(60, TimeUnit.SECONDS)) {
                throw stopped(what);
            }
        }
    }

    void advanceUntilShown(String what, Callable<Boolean> condition) throws Exception {
        advanceUntilShown(what, DEFAULT_WAIT_MS, condition);
    }

    /** Lets one slice pass; false when simulated time did not move. */
    private boolean step(String what, long start, long maxSimMillis, long slice) {
        long before = snapshot().now();
        if (before - start >= maxSimMillis) {
            throw new AssertionError("not within " + maxSimMillis + " ms of simulated time: " + what
                    + "; last snapshot " + snapshot().nodes());
        }
        session.advanceBy(slice);
        return snapshot().now() != before;
    }

    private AssertionError stopped(String what) {
        return new AssertionError("simulated time stopped (" + snapshot().violations() + ") before: " + what);
    }

    /** Waits for the window's file work (preprocessing, a feed preview) to end, then shows its result. */
    void awaitBackgroundWork() throws Exception {
        if (!controller.background().awaitIdle(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the window's background work did not end within 60 s");
        }
        settle();
    }

    void brokersUnfenced() throws Exception {
        advanceUntil("an active controller and three unfenced brokers", s -> s.nodes().stream()
                .filter(n -> n.metadataRole().equals("unfenced")).count() == 3);
    }

    /**
     * Waits for a Fetch to the leader that is between a third and two thirds of its way (room to
     * aim a click at it), and returns it.
     */
    MessageView fetchToLeaderHalfway() throws Exception {
        int leader = snapshot().leaderId();
        advanceUntil("a Fetch in flight to the leader, halfway", s -> s.inFlight().stream().anyMatch(m -> fetchHalfway(s.now(), m, leader)));
        MessageView fetch = snapshot().inFlight().stream().filter(m -> fetchHalfway(snapshot().now(), m, leader))
                .findFirst().orElseThrow();
        settle();
        return fetch;
    }

    /** Where on the screen the canvas draws {@code message} now. */
    Point2D onScreen(MessageView message) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ClusterLayout.Point p = controller.renderer().messagePosition(message.id());
            return controller.canvas().localToScreen(p.x(), p.y());
        }).get();
    }

    private static boolean fetchHalfway(long now, MessageView m, int leader) {
        return m.kind() == MessageKind.FETCH && m.to() == leader && m.deliverAt() - m.sentAt() >= 4
                && now - m.sentAt() >= (m.deliverAt() - m.sentAt()) / 3 && m.deliverAt() - now >= (m.deliverAt() - m.sentAt()) / 3;
    }
}
