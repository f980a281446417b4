package io.yakraft.ui;

import io.yakraft.scenario.Narration;
import io.yakraft.scenario.Question;
import io.yakraft.session.LiveSession;
import io.yakraft.session.ScenarioStatus;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.List;

/**
 * The lesson's parts of the caption bar and toolbar: a question's choices (predict, then
 * reveal), the caption history (each caption a rewind target) and the "Slow motion at key
 * events" toggle. Built in code beside the FXML caption bar so the main controller only calls
 * {@link #show} with each frame's scenario status.
 */
final class NarrationBar {
    private final LiveSession driver;
    private final Runnable beforeRewind;
    private final HBox choices = new HBox(6);
    private final MenuButton history = new MenuButton("Captions");
    private final ToggleButton slowMotion = new ToggleButton("Slow-mo");
    private Question shownQuestion;
    private boolean shownRevealed;
    private int shownHistory = -1;

    NarrationBar(LiveSession driver, HBox captionBar, javafx.scene.control.ToolBar toolBar, Runnable beforeRewind) {
        this.driver = driver;
        this.beforeRewind = beforeRewind;
        choices.getStyleClass().add("question-choices");
        history.setFocusTraversable(false);
        history.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        history.setTooltip(new Tooltip("Every caption so far: pick one to rewind to it"));
        // before Continue and Next step: the question's choices, then the history
        captionBar.getChildren().add(1, choices);
        captionBar.getChildren().add(2, history);
        slowMotion.setFocusTraversable(false);
        slowMotion.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        slowMotion.setSelected(driver.slowMotion());
        slowMotion.setTooltip(new Tooltip("Slow motion at key events: play key moments (elections, fencing, ISR changes) slower and idle waits faster;"
                + " wall-clock pacing only: the simulation is the same"));
        slowMotion.selectedProperty().addListener((o, a, on) -> driver.setSlowMotion(on));
        toolBar.getItems().add(3, slowMotion);
    }

    /** Follows the driver's setting (a lesson sets it when it starts). */
    void showSlowMotion() {
        if (slowMotion.isSelected() != driver.slowMotion()) {
            slowMotion.setSelected(driver.slowMotion());
        }
    }

    void show(ScenarioStatus s) {
        showSlowMotion();
        Question q = s.asked() != null ? s.asked() : s.revealed();
        boolean revealed = s.revealed() != null;
        if (q != shownQuestion || revealed != shownRevealed) {
            shownQuestion = q;
            shownRevealed = revealed;
            choices.getChildren().clear();
            if (q != null) {
                for (int i = 0; i < q.choices().size(); i++) {
                    int choice = i;
                    Button b = new Button(q.choices().get(i));
                    b.setFocusTraversable(false);
                    b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                    b.getStyleClass().add("question-choice");
                    if (s.revealed() != null) {
                        b.setDisable(true);
                        b.getStyleClass().add(i == q.answer() ? "choice-right" : i == s.picked() ? "choice-wrong" : "choice-other");
                        b.setText((i == q.answer() ? "✔ " : i == s.picked() ? "✘ " : "") + q.choices().get(i));
                    } else {
                        b.setOnAction(e -> driver.answer(choice));
                    }
                    choices.getChildren().add(b);
                }
            }
        }
        choices.setVisible(q != null);
        choices.setManaged(q != null);
        List<Narration> all = s.history();
        if (all.size() != shownHistory) {
            shownHistory = all.size();
            history.getItems().clear();
            for (Narration n : all) {
                String text = n.text().length() > 90 ? n.text().substring(0, 87) + "…" : n.text();
                MenuItem item = new MenuItem(String.format("%.1f s  %s", n.atMs() / 1000.0, text));
                item.setOnAction(e -> {
                    beforeRewind.run();
                    driver.rewindTo(n.atMs());
                });
                history.getItems().add(item);
            }
        }
        history.setDisable(all.isEmpty());
    }
}
