package io.yakraft.ui;

import io.yakraft.session.LiveSession;
import io.yakraft.cluster.Cluster;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The real window, drawn without a display through Monocle's headless platform (software
 * rendering): for {@code render} (README screenshots, CI pictures) and {@code bench ui}.
 * One per JVM: JavaFX starts once.
 */
public final class HeadlessWindow implements AutoCloseable {
    private final LiveSession driver;
    private final MainController controller;
    private Stage stage;

    /** Starts JavaFX headless (unless a display platform was chosen already) and shows the window on {@code driver}. */
    public HeadlessWindow(LiveSession driver, int width, int height) throws InterruptedException {
        useMonocle(width, height);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        this.driver = driver;
        this.controller = new MainController(driver);
        onFx(() -> {
            stage = new Stage();
            stage.setScene(StudioApp.createScene(controller));
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
        });
    }

    private static void useMonocle(int width, int height) {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        // the headless screen must be larger than the window or Monocle overflows its framebuffer
        setIfAbsent("headless.geometry", (width + 200) + "x" + (height + 200) + "-32");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    public MainController controller() {
        return controller;
    }

    /** Runs on the FX thread and waits for it. */
    public void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX thread did not answer within 60 s");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Waits until the window has drawn {@code frames} more frames. */
    public void awaitFrames(int frames) throws InterruptedException {
        int target = controller.frameStats().frames() + frames;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (controller.frameStats().frames() < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /**
     * Runs the session (paused for the window) to simulated time {@code atMs} on the calling thread,
     * which drives it (this window has no pacer), then lets the window catch up.
     */
    public void runTo(long atMs, Consumer<Cluster> beforeRun) throws InterruptedException {
        driver.setPaused(true);
        driver.setUp(beforeRun);
        driver.fastForward(atMs);
        driver.runPending();
        driver.setPaused(true); // a scenario started by play() unpaused it
        driver.runPending();
        awaitFrames(6);
    }

    /** Runs whatever the window queued (on the calling thread, the session's driver) and lets the window catch up. */
    public void settle() throws InterruptedException {
        driver.runPending();
        awaitFrames(6);
    }

    /** Writes the whole window as a PNG. */
    public void savePng(Path file) throws InterruptedException, IOException {
        AtomicReference<IOException> failure = new AtomicReference<>();
        onFx(() -> {
            try {
                Exporter.png(stage.getScene().getRoot(), file);
            } catch (IOException e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Override
    public void close() {
        controller.stop();
        Platform.exit();
    }
}
