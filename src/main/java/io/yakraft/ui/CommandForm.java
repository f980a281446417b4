package io.yakraft.ui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.function.Consumer;

/**
 * A small dialog that asks the cluster for one thing (create a topic, register a broker...).
 * Submit first checks the fields (an error names the field and what was expected), then hands
 * the request to the cluster and waits: the dialog closes on success and shows the
 * controller's error in words on failure, so nothing is lost and the person can correct it.
 */
final class CommandForm {
    /** What Submit does: check the fields (throw with a message naming the field), then send; {@code done} gets null or an error. */
    interface Action {
        void submit(Consumer<String> done);
    }

    static final ButtonType SUBMIT = new ButtonType("Submit", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final GridPane grid = new GridPane();
    private final Label error = new Label();
    private final Label waiting = new Label();
    private int rows;
    private Node firstInput;

    CommandForm(Window owner, String title, String header) {
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Label explanation = new Label(header);
        explanation.setWrapText(true);
        explanation.setMaxWidth(420);
        grid.setHgap(8);
        grid.setVgap(8);
        error.setId("formError");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setMaxWidth(420);
        waiting.setId("formStatus");
        waiting.setWrapText(true);
        waiting.setMaxWidth(420);
        // wrapped labels must keep the height their text needs, or the dialog cuts them off
        for (Label l : new Label[] {explanation, error, waiting}) {
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.textProperty().addListener((o, a, b) -> resize());
        }
        dialog.getDialogPane().setContent(new VBox(10, explanation, grid, error, waiting));
        dialog.getDialogPane().getButtonTypes().addAll(SUBMIT, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(SUBMIT).setId("formSubmit");
    }

    /** Grows the dialog to fit an error or status that just appeared. */
    private void resize() {
        if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    CommandForm field(String label, Node input, String id) {
        input.setId(id);
        grid.addRow(rows++, new Label(label), input);
        if (firstInput == null) {
            firstInput = input;
        }
        return this;
    }

    /** Shows the form; {@code onSuccess} runs (on the FX thread) once the cluster accepted the request. */
    void show(Action action, Runnable onSuccess) {
        Button submit = (Button) dialog.getDialogPane().lookupButton(SUBMIT);
        submit.addEventFilter(ActionEvent.ACTION, ev -> {
            ev.consume(); // the dialog stays open until the cluster answers
            error.setText("");
            try {
                action.submit(problem -> Platform.runLater(() -> {
                    submit.setDisable(false);
                    waiting.setText("");
                    if (problem == null) {
                        dialog.setResult(ButtonType.OK);
                        dialog.close();
                        onSuccess.run();
                    } else {
                        error.setText(problem);
                    }
                }));
                submit.setDisable(true);
                waiting.setText("Waiting for the active controller to commit…");
                PauseTransition patience = new PauseTransition(Duration.seconds(5));
                patience.setOnFinished(t -> {
                    if (submit.isDisabled() && dialog.isShowing()) {
                        submit.setDisable(false);
                        waiting.setText("No answer after 5 s of wall time: the request or its answer may have been lost,"
                                + " or the simulation is paused. Submit again or cancel.");
                    }
                });
                patience.play();
            } catch (IllegalArgumentException bad) {
                error.setText(bad.getMessage());
            }
        });
        dialog.show();
        if (firstInput != null) {
            Platform.runLater(firstInput::requestFocus);
        }
    }

    /** Parses a whole number from a field, or fails naming the field and what it expects. */
    static int integer(String field, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v < min || v > max) {
                throw new IllegalArgumentException(field + ": " + v + " is outside " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a whole number (expected " + min + ".." + max + ")");
        }
    }
}
