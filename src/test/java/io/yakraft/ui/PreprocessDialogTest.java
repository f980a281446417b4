package io.yakraft.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data → Preprocess a data file: runs the pipeline in the background and shows the report and the first rejects. */
class PreprocessDialogTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theOrdersSampleIsPreprocessedAndExplained(FxRobot robot, @TempDir Path dir) throws Exception {
        Path raw = dir.resolve("orders.csv");
        Files.copy(Path.of("data/orders.csv"), raw);
        robot.interact(controller::preprocessFile);
        TextField rawField = robot.lookup("#preprocessRaw").query();
        robot.interact(() -> rawField.setText(raw.toString()));
        robot.clickOn("#preprocessRun");
        Label summary = robot.lookup("#preprocessSummary").query();
        awaitBackgroundWork();
        assertTrue(summary.getText().startsWith("read 53"), summary.getText());
        assertTrue(summary.getText().contains("clean 41") && summary.getText().contains("rejected 12"), summary.getText());
        TableView<?> rejects = robot.lookup("#preprocessRejects").queryTableView();
        assertEquals(12, rejects.getItems().size());
        assertEquals(41, Files.readAllLines(dir.resolve("orders.clean.jsonl")).size());
        assertEquals(12, Files.readAllLines(dir.resolve("orders.rejects.jsonl")).size());
    }
}
