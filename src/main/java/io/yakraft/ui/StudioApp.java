package io.yakraft.ui;

import io.yakraft.session.Session;
import io.yakraft.session.LiveSession;
import io.yakraft.session.Pacer;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** The JavaFX application: the main window on the default cluster (3 controllers, 3 observers, seed 42). */
public final class StudioApp extends Application {
    /** Starts first at this speed so the first election plays out visibly (Kafka's timeouts are 1–2 s). */
    public static final double DEFAULT_SPEED = io.yakraft.session.LiveSession.LESSON_SPEED;

    private MainController controller;
    private Pacer pacer;

    /** Entry point used by the command line ({@code gui}, or no command). */
    public static void launchGui(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        String lesson = getParameters().getNamed().get("lesson");
        String scenarioFile = getParameters().getUnnamed().stream().filter(a -> !a.startsWith("--")).findFirst().orElse(null);
        boolean welcome = lesson == null && scenarioFile == null && !getParameters().getUnnamed().contains("--no-welcome")
                && welcomeAtStart();
        // behind the welcome card the cluster waits, paused, so its first election is not missed
        LiveSession session = new LiveSession(Session.defaultConfig(42, 3, 3), DEFAULT_SPEED, welcome);
        pacer = new Pacer(session);
        controller = new MainController(session);
        stage.setTitle("YAKRaft Studio — KRaft laboratory");
        stage.setScene(createScene(controller));
        WindowLayout.fitToScreen(stage);
        stage.show();
        if (scenarioFile != null) {
            controller.open(java.nio.file.Path.of(scenarioFile)); // gui FILE
        } else if (lesson != null) {
            try {
                controller.play(io.yakraft.scenario.Lessons.load(lesson.endsWith(".json") ? lesson : lesson + ".json"));
            } catch (io.yakraft.scenario.ScenarioException e) {
                System.err.println("cannot open lesson " + lesson + ": " + e.getMessage());
            }
        } else if (kafkaMode()) {
            openKafka(KafkaMenu.of(stage.getScene().getRoot()));
        } else if (welcome) {
            controller.showWelcome(true, on -> prefs().putBoolean(WELCOME_KEY, on));
        }
    }

    private static final String WELCOME_KEY = "welcomeAtStart";

    /** The person's "Show this card at start" choice; on unless they turned it off. */
    private static boolean welcomeAtStart() {
        try {
            return prefs().getBoolean(WELCOME_KEY, true);
        } catch (SecurityException | IllegalStateException e) {
            return true;
        }
    }

    private static java.util.prefs.Preferences prefs() {
        return java.util.prefs.Preferences.userNodeForPackage(StudioApp.class);
    }

    private boolean kafkaMode() {
        return getParameters().getNamed().containsKey("kafka") || getParameters().getNamed().containsKey("kafka-local");
    }

    /** {@code gui --kafka HOST:PORT [--kafka-properties FILE]} or {@code gui --kafka-local DIR}: show a real cluster at once. */
    private void openKafka(KafkaMenu menu) {
        var named = getParameters().getNamed();
        if (named.containsKey("kafka")) {
            String props = named.get("kafka-properties");
            menu.attach(named.get("kafka"), props == null ? null : java.nio.file.Path.of(props));
        } else if (named.containsKey("kafka-local")) {
            menu.startLocal(java.nio.file.Path.of(named.get("kafka-local")), 3, 3);
        }
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.stop();
        }
        if (pacer != null) {
            pacer.close();
        }
    }

    /** Loads the window's FXML around the given controller, with the base and light sheets. */
    public static Scene createScene(MainController controller) {
        FXMLLoader loader = new FXMLLoader(resource("/fxml/main.fxml"));
        loader.setController(controller);
        try {
            Parent root = loader.load();
            Scene scene = new Scene(root);
            controller.installShortcuts(scene);
            scene.getStylesheets().addAll(stylesheet("base.css"), stylesheet("light.css"));
            return scene;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window layout", e);
        }
    }

    static String stylesheet(String name) {
        return resource("/styles/" + name).toExternalForm();
    }

    private static URL resource(String path) {
        URL url = StudioApp.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing resource " + path + " (fxml/ and styles/ must be on the classpath)");
        }
        return url;
    }
}
