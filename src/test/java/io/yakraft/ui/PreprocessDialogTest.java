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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void aFailedRunLeavesTheOutputsAsTheyWereAndNoTemporaryFiles(FxRobot robot, @TempDir Path dir) throws Exception {
        Path raw = Files.createDirectory(dir.resolve("orders.csv")); // cannot be read: the run fails after the outputs were opened
        Path clean = Files.writeString(dir.resolve("orders.clean.jsonl"), "{\"key\":\"kept\"}\n");
        robot.interact(controller::preprocessFile);
        TextField rawField = robot.lookup("#preprocessRaw").query();
        robot.interact(() -> rawField.setText(raw.toString()));
        robot.clickOn("#preprocessRun");
        awaitBackgroundWork();
        Label summary = robot.lookup("#preprocessSummary").query();
        assertTrue(summary.getText().startsWith("Could not preprocess"), summary.getText());
        assertEquals("{\"key\":\"kept\"}\n", Files.readString(clean), "the earlier output is untouched");
        assertFalse(Files.exists(dir.resolve("orders.rejects.jsonl")), "no half-written rejects file");
        try (var left = Files.list(dir)) {
            assertEquals(List.of("orders.clean.jsonl", "orders.csv"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void aSpecThatIsAnOutputIsRefusedAndNotOverwritten(FxRobot robot, @TempDir Path dir) throws Exception {
        Path raw = dir.resolve("orders.csv");
        Files.copy(Path.of("data/orders.csv"), raw);
        Path spec = dir.resolve("orders.clean.jsonl"); // the spec has the name the clean output would take
        Files.copy(Path.of("data/orders.spec.json"), spec);
        String before = Files.readString(spec);
        robot.interact(controller::preprocessFile);
        TextField rawField = robot.lookup("#preprocessRaw").query();
        TextField specField = robot.lookup("#preprocessSpec").query();
        robot.interact(() -> {
            rawField.setText(raw.toString());
            specField.setText(spec.toString());
        });
        robot.clickOn("#preprocessRun");
        awaitBackgroundWork();
        Label summary = robot.lookup("#preprocessSummary").query();
        assertTrue(summary.getText().contains("is the spec") && summary.getText().contains("nothing was written"), summary.getText());
        assertEquals(before, Files.readString(spec), "the spec is intact");
        assertFalse(Files.exists(dir.resolve("orders.rejects.jsonl")));
    }
}
