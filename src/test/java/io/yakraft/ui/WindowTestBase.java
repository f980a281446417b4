package io.yakraft.ui;

import io.yakraft.cluster.ClusterSnapshot;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real window on the default cluster (3 controllers, 3 brokers, seed 42) at 20×, headless.
 * TestFX only finds {@code @Start} on the test class itself, so each subclass declares one that
 * calls {@link #open(Stage)}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {
    SimulationDriver driver;
    MainController controller;

    void open(Stage stage) {
        driver = new SimulationDriver(SimulationDriver.defaultConfig(42, 3, 3), 20, false);
        controller = new MainController(driver);
        stage.setScene(StudioApp.createScene(controller));
        stage.setWidth(1366);
        stage.setHeight(768);
        stage.show();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    ClusterSnapshot snapshot() {
        return driver.latest().snapshot();
    }

    void brokersUnfenced() throws TimeoutException {
        waitUntil("an active controller and three unfenced brokers", () -> snapshot().nodes().stream()
                .filter(n -> n.metadataRole().equals("unfenced")).count() == 3);
    }

    void waitUntil(String what, Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting until " + what + "; last snapshot " + snapshot().nodes());
        }
    }
}
