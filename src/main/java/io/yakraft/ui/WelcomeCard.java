package io.yakraft.ui;

import io.yakraft.scenario.Lessons;
import io.yakraft.scenario.Scenario;
import io.yakraft.scenario.ScenarioException;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Consumer;

/**
 * The card the app opens with: the lessons with their one-line descriptions (read from the lesson
 * files), free play on the default cluster, and the shortcut sheet. The cluster waits paused
 * behind it, so the first election is not missed; Enter (or Free play) starts it, a lesson starts
 * that lesson, closing the card starts free play too.
 */
final class WelcomeCard {
    /** What the card's choices do; the main controller supplies them. */
    interface Choices {
        void freePlay();

        void lesson(Scenario lesson);

        /** The "Show this card at start" box changed. */
        void showAtStart(boolean on);
    }

    private final Stage stage = new Stage();
    private boolean chosen;

    WelcomeCard(Window owner, List<ShortcutSheet.Row> shortcuts, boolean showAtStart, Choices choices) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Welcome to YAKRaft Studio");

        Label title = new Label("YAKRaft Studio: a laboratory for KRaft");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label intro = wrapped("KRaft is the Raft dialect that keeps Apache Kafka's metadata. Behind this card, three"
                + " controllers and three brokers wait, paused, for you: start free play to watch their first election, or"
                + " follow a lesson, one idea per caption.");
        Button freePlay = new Button("Free play on the default cluster ▸");
        freePlay.setId("welcomeFreePlay");
        freePlay.setDefaultButton(true);
        freePlay.setStyle("-fx-font-size: 15px;");
        freePlay.setOnAction(e -> choose(choices::freePlay));

        VBox lessons = new VBox(6);
        lessons.setId("welcomeLessons");
        int i = 0;
        for (String name : Lessons.names()) {
            i++;
            try {
                Scenario lesson = Lessons.load(name);
                Button open = new Button(lesson.name());
                open.setId("welcomeLesson" + i);
                open.setFocusTraversable(false);
                open.setMaxWidth(Double.MAX_VALUE);
                open.setStyle("-fx-alignment: center-left; -fx-font-weight: bold;");
                open.setOnAction(e -> choose(() -> choices.lesson(lesson)));
                Label description = wrapped(lesson.description());
                description.getStyleClass().add("welcome-description");
                description.setPadding(new Insets(0, 0, 4, 12));
                lessons.getChildren().addAll(open, description);
            } catch (ScenarioException e) {
                lessons.getChildren().add(wrapped(name + " cannot be read: " + e.getMessage()));
            }
        }
        ScrollPane lessonScroll = new ScrollPane(lessons);
        lessonScroll.setFitToWidth(true);
        VBox.setVgrow(lessonScroll, Priority.ALWAYS);

        CheckBox atStart = new CheckBox("Show this card at start");
        atStart.setId("welcomeShowAtStart");
        atStart.setSelected(showAtStart);
        atStart.setFocusTraversable(false);
        atStart.setMinWidth(Region.USE_PREF_SIZE);
        atStart.selectedProperty().addListener((o, a, on) -> choices.showAtStart(on));
        Label help = wrapped("Help ▸ Keyboard shortcuts (or ?) and Help ▸ Glossary bring these back at any time.");

        VBox left = new VBox(10, title, intro, freePlay, new Label("Lessons"), lessonScroll, new HBox(16, atStart, help));
        left.setPrefWidth(600);
        HBox.setHgrow(left, Priority.ALWAYS);
        ScrollPane sheet = new ScrollPane(new VBox(6, new Label("Keyboard shortcuts"), ShortcutSheet.view(shortcuts, 1)));
        sheet.setPrefWidth(520);
        sheet.setFitToWidth(true);
        HBox card = new HBox(16, left, sheet);
        card.setId("welcomeCard");
        card.setPadding(new Insets(18));
        Scene scene = new Scene(card, 1180, 740);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        // closed without a choice: play on, the cluster must not stay paused behind nothing
        stage.setOnHidden(e -> {
            if (!chosen) {
                chosen = true;
                choices.freePlay();
            }
        });
        stage.setOnShown(e -> Platform.runLater(freePlay::requestFocus));
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private void choose(Runnable choice) {
        chosen = true;
        stage.close();
        choice.run();
    }

    void show() {
        stage.show();
    }

    boolean showing() {
        return stage.isShowing();
    }
}
