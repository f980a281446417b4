package io.yakraft.ui;

import io.yakraft.ingest.PipelineSpec;
import io.yakraft.ingest.PreprocessFiles;
import io.yakraft.ingest.Preprocessor;
import io.yakraft.ingest.Reject;
import io.yakraft.ingest.Report;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.yakraft.ui.Tables.column;

/**
 * Data → Preprocess a data file: pick a raw file and its pipeline spec, run the pipeline in the
 * background with a progress bar, and see what it did — counts by rule and the first rejects
 * with their reasons. Clean records and rejects are written beside the raw file through
 * {@link PreprocessFiles}, as {@code preprocess} writes them: never over an input, and whole or
 * not at all.
 */
final class PreprocessDialog {
    static final int REJECTS_SHOWN = 50;

    private final BackgroundWork background;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField raw = new TextField("data/orders.csv");
    private final TextField spec = new TextField("data/orders.spec.json");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label summary = new Label();
    private final ObservableList<Reject> rejects = FXCollections.observableArrayList();

    PreprocessDialog(Window owner, FileTarget files, BackgroundWork background) {
        this.background = background;
        dialog.initOwner(owner);
        dialog.setTitle("Preprocess a data file");
        // the window's colours (light or dark) are looked up under .studio; its sheets reach the dialog through the owner
        dialog.getDialogPane().getStyleClass().add("studio");
        dialog.setHeaderText("Clean, transform and validate a raw CSV / JSON Lines / JSON array file");
        raw.setId("preprocessRaw");
        spec.setId("preprocessSpec");
        summary.setId("preprocessSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        progress.setId("preprocessProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        Button browseRaw = new Button("Browse…");
        browseRaw.setOnAction(e -> pick(files, raw, "Raw data file", "csv"));
        Button browseSpec = new Button("Browse…");
        browseSpec.setOnAction(e -> pick(files, spec, "Pipeline spec", "json"));
        Button run = new Button("Preprocess");
        run.setId("preprocessRun");
        run.setDefaultButton(true);
        run.setOnAction(e -> start(run));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Raw file"), raw, browseRaw);
        grid.addRow(1, new Label("Spec"), spec, browseSpec);
        raw.setPrefColumnCount(32);
        TableView<Reject> table = new TableView<>(rejects);
        table.setId("preprocessRejects");
        table.getColumns().setAll(List.of(column("Row", Reject::row, 55), column("Field", Reject::field, 90),
                column("Rule", Reject::rule, 80), column("Value", Reject::value, 120), column("Why", Reject::message, 300)));
        table.setPrefHeight(240);
        VBox box = new VBox(10, grid, new HBox(8, run), progress, summary, new Label("First rejects"), table);
        box.setPrefWidth(700);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    void show() {
        dialog.show();
    }

    private void pick(FileTarget files, TextField field, String title, String ext) {
        Path p = files.open(title, ext);
        if (p != null) {
            field.setText(p.toString());
        }
    }

    private void start(Button run) {
        Path rawPath = Path.of(raw.getText().trim());
        Path specPath = Path.of(spec.getText().trim());
        Path cleanOut = sibling(rawPath, ".clean.jsonl");
        Path rejectsOut = sibling(rawPath, ".rejects.jsonl");
        rejects.clear();
        summary.setText("");
        run.setDisable(true);
        long size = rawPath.toFile().length();
        Task<Report> task = new Task<>() {
            @Override
            protected Report call() throws Exception {
                // as the CLI: no output may be an input or the other output, and both are written whole or not at all
                Map<String, Path> inputs = new LinkedHashMap<>();
                inputs.put("the raw file", rawPath);
                inputs.put("the spec", specPath);
                Map<String, Path> outputs = new LinkedHashMap<>();
                outputs.put("the clean records file", cleanOut);
                outputs.put("the rejects file", rejectsOut);
                PreprocessFiles.checkPaths(inputs, outputs);
                PipelineSpec s = PipelineSpec.read(specPath.toString(), Files.readString(specPath, StandardCharsets.UTF_8));
                Preprocessor p = new Preprocessor(s);
                int[] shown = {0};
                return PreprocessFiles.run(p, rawPath, cleanOut, rejectsOut, j -> {
                    if (shown[0]++ < REJECTS_SHOWN) {
                        Platform.runLater(() -> rejects.add(j));
                    }
                }, rows -> {
                    updateProgress(Math.min(p.bytesRead(), size), Math.max(1, size));
                    updateMessage(String.format("%,d rows read…", rows));
                });
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        summary.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            summary.textProperty().unbind();
            Report r = task.getValue();
            summary.setText(String.format("read %,d · clean %,d · rejected %,d %s%nclean records → %s%nrejects → %s", r.read(),
                    r.clean(), r.rejected(), r.byRule(), cleanOut, rejectsOut));
            run.setDisable(false);
        });
        task.setOnFailed(e -> {
            summary.textProperty().unbind();
            summary.setText("Could not preprocess: " + task.getException().getMessage());
            progress.progressProperty().unbind();
            progress.setProgress(0);
            run.setDisable(false);
        });
        background.start("yakraft-preprocess", task);
    }

    private static Path sibling(Path raw, String suffix) {
        String name = raw.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return raw.resolveSibling(name + suffix);
    }
}
