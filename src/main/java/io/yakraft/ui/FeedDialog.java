package io.yakraft.ui;

import io.yakraft.session.Frame;
import io.yakraft.session.LiveSession;
import io.yakraft.cluster.Action;
import io.yakraft.cluster.NodeRef;
import io.yakraft.cluster.Outcome;
import io.yakraft.data.Acks;
import io.yakraft.data.FeedStatus;
import io.yakraft.ingest.FeedSource;
import io.yakraft.ingest.Reject;
import io.yakraft.ingest.Report;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static io.yakraft.ui.Tables.column;

/**
 * Data → Feed data into a topic: one file, one job. Preview runs the file through its pipeline
 * spec in the background (what would be sent: the report and the first rejects); Feed then
 * starts a producer through the driver as the scenario step
 * {@code {"action":"feed","topic":…,"file":…,"spec":…,"acks":…,"rate":…,"via":…}}, so the feed is
 * traced, recorded and replayable like any other action. The dialog follows the feed from the
 * published snapshots and can be closed while the feed goes on.
 */
final class FeedDialog {
    static final String ANY_BROKER = "Any";
    /** The fastest pace accepted, in records per simulated second (0 means as fast as possible). */
    static final double MAX_RATE = 100_000;

    private final BackgroundWork background;
    private final LiveSession driver;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField raw = new TextField();
    private final TextField spec = new TextField();
    private final ProgressBar previewProgress = new ProgressBar(0);
    private final Label summary = threeLines("Preview first: the file runs through its spec and nothing is sent yet.");
    private final ObservableList<Reject> rejects = FXCollections.observableArrayList();
    private final ComboBox<String> topic = new ComboBox<>();
    private final ComboBox<String> acks = new ComboBox<>(FXCollections.observableArrayList("all", "1", "0"));
    /** enable.idempotence: on by default with acks=all (Kafka 3.0+), impossible with acks 0 or 1. */
    private final CheckBox idempotent = new CheckBox("Idempotent producer (enable.idempotence)");
    private final TextField rate = new TextField("20");
    private final ComboBox<String> via = new ComboBox<>();
    private final Button preview = new Button("Preview");
    private final Button feed = new Button("Feed");
    private final Label error = new Label();
    private final ProgressBar feedProgress = new ProgressBar(0);
    private final Label feedText = threeLines("Not started.");
    private final BooleanProperty previewed = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final Timeline follow = new Timeline(new KeyFrame(Duration.millis(150), e -> followFeed()));
    /** The feed this dialog started (its id in the cluster), or -1. */
    private volatile int feedId = -1;
    /** The last preview's records: what the Feed button sends (the file is not read again). */
    private FeedSource.Prepared prepared;

    FeedDialog(Window owner, FileTarget files, LiveSession driver, BackgroundWork background) {
        this.background = background;
        this.driver = driver;
        dialog.initOwner(owner);
        dialog.setTitle("Feed data into a topic");
        dialog.setHeaderText("Send the clean records of a raw file into a topic through a producer");
        dialog.setResizable(true);
        // the window's colours (light or dark) are looked up under .studio; its sheets reach the dialog through the owner
        dialog.getDialogPane().getStyleClass().add("studio");
        raw.setId("feedRaw");
        spec.setId("feedSpec");
        raw.setPrefColumnCount(34);
        if (Files.isRegularFile(Path.of("data/orders.csv")) && Files.isRegularFile(Path.of("data/orders.spec.json"))) {
            raw.setText("data/orders.csv");
            spec.setText("data/orders.spec.json");
        }
        Button browseRaw = new Button("Browse…");
        browseRaw.setOnAction(e -> pick(files, raw, "Raw data file", "csv"));
        Button browseSpec = new Button("Browse…");
        browseSpec.setOnAction(e -> pick(files, spec, "Pipeline spec", "json"));
        preview.setId("feedPreview");
        preview.setOnAction(e -> preview());
        preview.disableProperty().bind(busy);
        previewProgress.setId("feedPreviewProgress");
        previewProgress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(previewProgress, javafx.scene.layout.Priority.ALWAYS);
        summary.setId("feedSummary");
        wrap(summary);
        // a changed file or spec needs a new preview
        raw.textProperty().addListener((o, a, b) -> previewed.set(false));
        spec.textProperty().addListener((o, a, b) -> previewed.set(false));

        GridPane fileGrid = grid();
        fileGrid.addRow(0, new Label("Raw file"), raw, browseRaw);
        fileGrid.addRow(1, new Label("Spec"), spec, browseSpec);

        TableView<Reject> table = new TableView<>(rejects);
        table.setId("feedRejects");
        table.getColumns().setAll(List.of(column("Row", Reject::row, 50), column("Field", Reject::field, 90),
                column("Rule", Reject::rule, 95), column("Value", Reject::value, 110), column("Reason", Reject::message, 300)));
        table.setPrefHeight(150);
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setPlaceholder(new Label("No rejects to show yet."));

        topic.setId("feedTopic");
        topic.setEditable(true);
        topic.getItems().setAll(committedTopics());
        if (!topic.getItems().isEmpty()) {
            topic.getSelectionModel().selectFirst();
        }
        topic.setPromptText("orders");
        acks.setId("feedAcks");
        acks.getSelectionModel().select("all");
        idempotent.setId("feedIdempotent");
        idempotent.setSelected(true);
        acks.valueProperty().addListener((o, was, now) -> {
            idempotent.setDisable(!"all".equals(now));
            idempotent.setSelected("all".equals(now)); // Kafka's default for the acks chosen
        });
        rate.setId("feedRate");
        rate.setPrefColumnCount(6);
        via.setId("feedVia");
        via.getItems().add(ANY_BROKER);
        for (int b : driver.latestBrokerIds()) {
            via.getItems().add("b" + b);
        }
        via.getSelectionModel().selectFirst();
        GridPane send = grid();
        send.addRow(0, new Label("Topic"), topic, new Label("Acks"), acks);
        send.addRow(1, new Label("Rate"), new HBox(6, rate, new Label("records / simulated s (0: as fast as possible)")),
                new Label("Producer beside"), via);
        send.add(idempotent, 1, 2, 3, 1);

        feed.setId("feedStart");
        feed.setDefaultButton(true);
        feed.disableProperty().bind(previewed.not().or(busy)
                .or(Bindings.createBooleanBinding(() -> topic.getEditor().getText().isBlank(), topic.getEditor().textProperty())));
        feed.setOnAction(e -> start());
        error.setId("feedError");
        error.getStyleClass().add("form-error");
        error.setStyle("-fx-text-fill: #C62828; -fx-font-weight: bold;");
        wrap(error);
        feedProgress.setId("feedProgress");
        feedProgress.setMaxWidth(Double.MAX_VALUE);
        feedProgress.setMinHeight(Region.USE_PREF_SIZE);
        previewProgress.setMinHeight(Region.USE_PREF_SIZE);
        feedText.setId("feedProgressText");
        wrap(feedText);

        VBox box = new VBox(8, fileGrid, new HBox(8, preview, previewProgress), summary, new Label("Sample rejects"), table,
                new Separator(), send, new HBox(8, feed), error, new Separator(), new Label("Progress of this feed"),
                feedProgress, feedText);
        box.setPrefWidth(720);
        dialog.getDialogPane().setContent(box);
        for (Label l : new Label[] {summary, error, feedText}) {
            l.textProperty().addListener((o, a, b) -> grow());
        }
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        // closing the dialog leaves the feed running in the cluster; only the following stops
        dialog.setOnHidden(e -> follow.stop());
        follow.setCycleCount(Timeline.INDEFINITE);
    }

    void show() {
        dialog.show();
    }

    /** Lets the dialog grow when a longer report, error or progress text no longer fits. */
    private void grow() {
        var scene = dialog.getDialogPane().getScene();
        if (scene != null && scene.getWindow() != null
                && dialog.getDialogPane().prefHeight(dialog.getDialogPane().getWidth()) > dialog.getDialogPane().getHeight() + 0.5) {
            scene.getWindow().sizeToScene();
        }
    }

    /** A label at least three lines tall, so the report and the progress have room from the start and the dialog need not jump. */
    private static Label threeLines(String text) {
        Label l = new Label(text) {
            @Override
            protected double computePrefHeight(double width) {
                return Math.max(3 * 18, super.computePrefHeight(width));
            }
        };
        l.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        return g;
    }

    private static void wrap(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(700);
    }

    private List<String> committedTopics() {
        Frame f = driver.latest();
        return f == null ? List.of() : List.copyOf(f.snapshot().committedImage().topics().keySet());
    }

    private void pick(FileTarget files, TextField field, String title, String ext) {
        Path p = files.open(title, ext);
        if (p != null) {
            field.setText(p.toString());
        }
    }

    private void preview() {
        error.setText("");
        previewed.set(false);
        prepared = null;
        rejects.clear();
        String rawText = raw.getText().trim();
        String specText = spec.getText().trim();
        if (rawText.isEmpty() || specText.isEmpty()) {
            error.setText(rawText.isEmpty() ? "Raw file: choose the file to feed." : "Spec: choose the file's pipeline spec.");
            return;
        }
        Path rawPath = Path.of(rawText);
        Path specPath = Path.of(specText);
        busy.set(true);
        Task<FeedSource.Prepared> task = new Task<>() {
            @Override
            protected FeedSource.Prepared call() throws Exception {
                long size = Math.max(1, Files.size(rawPath));
                return FeedSource.prepare(rawPath, specPath, (rows, bytes) -> {
                    updateProgress(Math.min(bytes, size), size);
                    updateMessage(String.format(Locale.ROOT, "%,d rows read…", rows));
                });
            }
        };
        previewProgress.progressProperty().bind(task.progressProperty());
        summary.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            summary.textProperty().unbind();
            previewProgress.progressProperty().unbind();
            previewProgress.setProgress(1);
            FeedSource.Prepared p = task.getValue();
            prepared = p;
            summary.setText(report(p));
            rejects.setAll(p.firstRejects());
            previewed.set(p.report().clean() > 0);
            if (p.report().clean() == 0) {
                error.setText("No clean record: nothing to feed. Check the spec against the file.");
            }
            busy.set(false);
        });
        task.setOnFailed(e -> {
            summary.textProperty().unbind();
            previewProgress.progressProperty().unbind();
            previewProgress.setProgress(0);
            summary.setText("");
            Throwable t = task.getException();
            error.setText("Could not read the input: " + describe(t, rawPath));
            busy.set(false);
        });
        background.start("yakraft-feed-preview", task);
    }

    /** The preview's words: counts, counts by rule, and what would be sent. */
    static String report(FeedSource.Prepared p) {
        Report r = p.report();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "read %,d · clean %,d · rejected %,d", r.read(), r.clean(),
                r.rejected()));
        if (!r.byRule().isEmpty()) {
            sb.append("\nrejected by rule: ");
            boolean first = true;
            for (Map.Entry<String, Long> e : new TreeMap<>(r.byRule()).entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
                first = false;
            }
        }
        sb.append(String.format(Locale.ROOT, "%n%,d record(s) ready to send", p.records().size()));
        if (p.capped()) {
            sb.append(" (capped at ").append(FeedSource.MAX_RECORDS).append(")");
        }
        return sb.toString();
    }

    private static String describe(Throwable t, Path raw) {
        if (t instanceof java.nio.file.NoSuchFileException) {
            return t.getMessage() + ": no such file";
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return t.getMessage() + ": permission denied";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() + " reading " + raw : m;
    }

    /** Checks the fields (the first problem in words, or null) and builds the feed action from the previewed records. */
    private Action.Feed step(String[] problem) {
        String t = topic.getEditor().getText().trim();
        if (t.isEmpty()) {
            problem[0] = "Topic: choose the topic to feed.";
            return null;
        }
        double r;
        try {
            r = Double.parseDouble(rate.getText().trim());
        } catch (NumberFormatException e) {
            problem[0] = "Rate: '" + rate.getText() + "' is not a number (records per simulated second, 0 for as fast as possible).";
            return null;
        }
        if (!(r >= 0 && r <= MAX_RATE)) {
            problem[0] = "Rate: " + rate.getText().trim() + " is outside 0.." + (long) MAX_RATE
                    + " records per simulated second (0 for as fast as possible).";
            return null;
        }
        // the fields first, then what the cluster knows
        if (!committedTopics().contains(t)) {
            problem[0] = "Topic '" + t + "' does not exist in the cluster's metadata (the committed image has "
                    + (committedTopics().isEmpty() ? "no topic" : "only " + String.join(", ", committedTopics()))
                    + "). Create it first with Metadata → Create topic… (Ctrl+Alt+T), then feed.";
            return null;
        }
        if (prepared == null || !previewed.get()) {
            problem[0] = "Preview the file first: the feed sends the records the preview read.";
            return null;
        }
        String v = via.getValue();
        Action.Records records = new Action.FromFile(Path.of(raw.getText().trim()).toAbsolutePath().normalize().toString(),
                Path.of(spec.getText().trim()).toAbsolutePath().normalize().toString(), prepared.records(),
                prepared.report().clean(), prepared.report().read());
        Acks a = Acks.parse(acks.getValue());
        boolean wanted = a == Acks.ALL && idempotent.isSelected();
        return new Action.Feed(t, records, a, r,
                v == null || v.equals(ANY_BROKER) ? null : NodeRef.broker(Integer.parseInt(v.substring(1))),
                wanted == io.yakraft.data.FeedRequest.idempotentByDefault(a) ? null : wanted);
    }

    private void start() {
        error.setText("");
        String[] problem = new String[1];
        Action.Feed s = step(problem);
        if (s == null) {
            error.setText(problem[0]);
            return;
        }
        busy.set(true);
        feedText.setText("Starting the producer…");
        driver.perform(s, outcome -> Platform.runLater(() -> started(outcome)), reply -> { });
    }

    /** The feed action's outcome: started with its id, or refused with why. */
    private void started(Outcome outcome) {
        if (!(outcome instanceof Outcome.FeedStarted f)) {
            busy.set(false);
            feedText.setText("Not started.");
            error.setText("The feed did not start: " + (outcome instanceof Outcome.Refused r ? r.message() : outcome.describe()));
            return;
        }
        feedId = f.feedId();
        feedText.setText("Feed " + feedId + " started: " + f.source() + " into '" + f.topic() + "' with acks=" + f.acks().label());
        follow.play();
        followFeed();
    }

    private void followFeed() {
        Frame f = driver.latest();
        if (f == null || feedId < 0) {
            return;
        }
        for (FeedStatus s : f.snapshot().feeds()) {
            if (s.id() == feedId) {
                show(s);
                return;
            }
        }
    }

    private void show(FeedStatus s) {
        double done = s.total() == 0 ? 1 : (double) (s.acks() == Acks.NONE ? s.sentWithoutAck() : s.acked()) / s.total();
        feedProgress.setProgress(done);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "feed %d → %s (acks=%s): %d/%d acked", s.id(), s.topic(), s.acks().label(), s.acked(),
                s.total()));
        if (s.acks() == Acks.NONE) {
            sb.append(" · ").append(s.sentWithoutAck()).append(" sent without an answer");
        }
        sb.append(" · ").append(s.failed()).append(" failed · ").append(s.retries()).append(" retries");
        sb.append("\nproducer ").append(s.homeBroker() >= 0 ? "beside b" + s.homeBroker() : "waiting: no broker is up");
        if (!s.ackedByPartition().isEmpty()) {
            sb.append(" · acked by partition ").append(new TreeMap<>(s.ackedByPartition()));
        }
        if (s.lastError() != null && !s.lastError().isEmpty()) {
            sb.append("\nlast error: ").append(s.lastError());
        }
        if (s.done()) {
            sb.append("\nfinished.");
            follow.stop();
        }
        feedText.setText(sb.toString());
    }

    /** The status bar's line for one unfinished feed. */
    static String statusLine(FeedStatus s) {
        return String.format(Locale.ROOT, "feed %d → %s: %d/%d acked · %d failed · %d retries · producer %s", s.id(), s.topic(),
                s.acked(), s.total(), s.failed(), s.retries(), s.homeBroker() >= 0 ? "on b" + s.homeBroker() : "waiting for a broker");
    }
}
