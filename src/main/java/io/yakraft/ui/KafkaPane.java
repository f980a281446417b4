package io.yakraft.ui;

import io.yakraft.kafka.KafkaObservation;
import io.yakraft.kafka.LocalNode;
import io.yakraft.kafka.ObservedChanges;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The window's view of a real Kafka cluster: the metadata quorum (each voter's and observer's log end, lag,
 * last fetch and last caught-up time), the brokers (fenced or not), the topics' partitions (leader, replicas,
 * ISR, ELR), the changes observed so far, and the controls a real cluster allows. Marked everywhere as real
 * and real-time: there is no recording to rewind.
 */
final class KafkaPane {
    record QuorumRow(String role, int id, String logEnd, String lag, String lastFetch, String lastCaughtUp, String process) {
    }

    record BrokerRow(int id, String address, String state, String process) {
    }

    record PartitionRow(String topic, int partition, String leader, String replicas, String isr, String elr, String lastKnownElr) {
    }

    /** One record of the real metadata log, with the columns of the simulation's Records view. */
    record LogRow(long offset, int epoch, String committed, String type, String fields) {
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int HISTORY = 200;

    private final KafkaConnection connection;
    private final Runnable back;
    private final BorderPane root = new BorderPane();
    private final Label summary = new Label("waiting for the first answer…");
    private final Label status = new Label();
    private final ObservableList<QuorumRow> quorumRows = FXCollections.observableArrayList();
    private final ObservableList<BrokerRow> brokerRows = FXCollections.observableArrayList();
    private final ObservableList<PartitionRow> partitionRows = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<LogRow> logRows = FXCollections.observableArrayList();
    private final Label logSource = new Label("Metadata log (__cluster_metadata)");
    /** The active controller appends a NoOpRecord every 500 ms (metadata.max.idle.interval.ms); hidden, the other records stay in view. */
    private final javafx.scene.control.CheckBox hideNoOps = new javafx.scene.control.CheckBox("hide NoOps");
    private final Label feedProgress = new Label();
    private io.yakraft.kafka.PacedFeed feed;
    private String feedName = "";
    private final ComboBox<String> nodeBox = new ComboBox<>();
    private KafkaObservation last;

    KafkaPane(KafkaConnection connection, Runnable back) {
        this.connection = connection;
        this.back = back;
        build();
    }

    BorderPane root() {
        return root;
    }

    private void build() {
        Label banner = new Label("REAL KAFKA — real time, no rewind");
        banner.setId("kafkaBanner");
        banner.setStyle("-fx-background-color: #b00020; -fx-text-fill: white; -fx-font-weight: bold; -fx-font-size: 15px;"
                + " -fx-padding: 4 10 4 10;");
        Label source = new Label(connection.description() + (connection.local() != null
                ? " · the processes keep running when the window closes (`kafka down` stops them)" : ""));
        summary.setStyle("-fx-font-weight: bold;");
        HBox top = new HBox(12, banner, new VBox(2, source, summary));
        top.setPadding(new Insets(6));
        root.setTop(top);

        TableView<QuorumRow> quorum = new TableView<>(quorumRows);
        // narrow enough that the process column stays in view beside the metadata log
        quorum.getColumns().addAll(List.of(Tables.column("replica", QuorumRow::role, 64), Tables.column("id", QuorumRow::id, 40),
                Tables.column("log end", QuorumRow::logEnd, 64), Tables.column("lag", QuorumRow::lag, 40),
                Tables.column("last fetch", QuorumRow::lastFetch, 84), Tables.column("last caught up", QuorumRow::lastCaughtUp, 104),
                Tables.column("process", QuorumRow::process, 140)));
        TableView<BrokerRow> brokers = new TableView<>(brokerRows);
        brokers.getColumns().addAll(List.of(Tables.column("broker", BrokerRow::id, 70), Tables.column("address", BrokerRow::address, 160),
                Tables.column("registration", BrokerRow::state, 110), Tables.column("process", BrokerRow::process, 160)));
        TableView<PartitionRow> partitions = new TableView<>(partitionRows);
        partitions.getColumns().addAll(List.of(Tables.column("topic", PartitionRow::topic, 170),
                Tables.column("partition", PartitionRow::partition, 70), Tables.column("leader", PartitionRow::leader, 60),
                Tables.column("replicas", PartitionRow::replicas, 110), Tables.column("ISR", PartitionRow::isr, 110),
                Tables.column("ELR", PartitionRow::elr, 80), Tables.column("last known ELR", PartitionRow::lastKnownElr, 110)));
        quorum.setPlaceholder(new Label("no answer from the quorum yet"));
        brokers.setPlaceholder(new Label("no brokers listed"));
        partitions.setPlaceholder(new Label("no topics"));
        TableView<LogRow> records = new TableView<>(logRows);
        records.setId("kafkaRecords");
        records.getColumns().addAll(List.of(Tables.column("Offset", LogRow::offset, 60), Tables.column("Epoch", LogRow::epoch, 50),
                Tables.column("Committed", LogRow::committed, 80), Tables.column("Record", LogRow::type, 215),
                Tables.column("Fields", LogRow::fields, 900)));
        records.setPlaceholder(new Label("no records read yet"));
        logSource.setStyle("-fx-font-weight: bold;");
        VBox.setVgrow(records, Priority.ALWAYS);
        hideNoOps.setSelected(true);
        hideNoOps.setTooltip(new javafx.scene.control.Tooltip("The active controller appends a NoOpRecord every 500 ms"
                + " (metadata.max.idle.interval.ms); hidden, the records that change the cluster stay in view."));
        VBox recordsBox = new VBox(2, new HBox(12, logSource, hideNoOps), records);
        recordsBox.setPadding(new Insets(4));
        SplitPane tables = new SplitPane(titled("Metadata quorum (describeMetadataQuorum)", quorum),
                titled("Brokers (describeCluster, fenced included)", brokers),
                titled("Partitions (describeTopics)", partitions));
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.42, 0.68);
        // the quorum and the metadata log side by side: the log the quorum replicates, record by record
        SplitPane center = new SplitPane(tables, recordsBox);
        center.setDividerPositions(0.45);
        root.setCenter(center);
        root.setRight(controls());
        if (connection.local() != null) {
            quorum.setContextMenu(nodeMenu(() -> quorum.getSelectionModel().getSelectedItem() == null ? -1
                    : quorum.getSelectionModel().getSelectedItem().id()));
            brokers.setContextMenu(nodeMenu(() -> brokers.getSelectionModel().getSelectedItem() == null ? -1
                    : brokers.getSelectionModel().getSelectedItem().id()));
        }
    }

    /** The Node menu of a local real cluster's row (right click), as the simulation's Node menu: each item acts on that node's process or voter entry. */
    private javafx.scene.control.ContextMenu nodeMenu(java.util.function.IntSupplier selected) {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        record Item(String label, String what, NodeControl control) {
        }
        for (Item item : List.of(new Item("Kill (kill -9)", "kill -9", id -> connection.local().kill(id) ? "killed node " + id : "node " + id + " was not running"),
                new Item("Stop (SIGTERM)", "stop", id -> connection.local().stop(id) ? "stopped node " + id : "node " + id + " was not running"),
                new Item("Restart", "restart", id -> "node " + id + " runs as pid " + connection.local().restart(id).pid()),
                new Item("Pause (SIGSTOP)", "pause", this::pause), new Item("Resume (SIGCONT)", "resume", this::resume),
                new Item("Add as voter (AddRaftVoter)", "add voter", this::addVoter),
                new Item("Remove voter (RemoveRaftVoter)", "remove voter", this::removeVoter))) {
            javafx.scene.control.MenuItem m = new javafx.scene.control.MenuItem(item.label());
            m.setOnAction(e -> {
                int id = selected.getAsInt();
                if (id < 0) {
                    status.setText("choose a row first");
                    return;
                }
                status.setText(item.what() + " node " + id + "…");
                connection.control(item.what(), () -> item.control().run(id), this::report);
            });
            menu.getItems().add(m);
        }
        return menu;
    }

    private static VBox titled(String title, TableView<?> table) {
        Label l = new Label(title);
        l.setStyle("-fx-font-weight: bold;");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(2, l, table);
        box.setPadding(new Insets(4));
        return box;
    }

    private VBox controls() {
        Button createTopic = new Button("Create topic…");
        createTopic.setOnAction(e -> createTopic());
        Button back = new Button("Back to the simulation");
        back.setOnAction(e -> this.back.run());
        Button createPartitions = new Button("Add partitions…");
        createPartitions.setOnAction(e -> createPartitions());
        Button feedFile = new Button("Feed a file…");
        feedFile.setId("kafkaFeed");
        feedFile.setOnAction(e -> feedFile());
        feedProgress.setWrapText(true);
        feedProgress.setMaxWidth(320);
        VBox box = new VBox(6, new Label("Controls on this real cluster"), new HBox(4, createTopic, createPartitions), feedFile, feedProgress);
        if (connection.local() != null) {
            nodeBox.setPromptText("node");
            nodeBox.getItems().setAll(connection.local().state().nodes().stream().map(LocalNode::name).toList());
            Button kill = new Button("kill -9");
            kill.setOnAction(e -> onSelectedNode("kill -9", id -> connection.local().kill(id) ? "killed node " + id : "node " + id + " was not running"));
            Button stop = new Button("Stop");
            stop.setOnAction(e -> onSelectedNode("stop", id -> connection.local().stop(id) ? "stopped node " + id : "node " + id + " was not running"));
            Button restart = new Button("Restart");
            restart.setOnAction(e -> onSelectedNode("restart", id -> "node " + id + " runs as pid " + connection.local().restart(id).pid()));
            Button pause = new Button("Pause");
            pause.setTooltip(new javafx.scene.control.Tooltip("kill -STOP: the JVM stops where it is, sockets open (a long GC pause)"));
            pause.setOnAction(e -> onSelectedNode("pause", this::pause));
            Button resume = new Button("Resume");
            resume.setOnAction(e -> onSelectedNode("resume", this::resume));
            Button addVoter = new Button("Add voter");
            addVoter.setId("kafkaAddVoter");
            addVoter.setOnAction(e -> onSelectedNode("add voter", this::addVoter));
            Button removeVoter = new Button("Remove voter");
            removeVoter.setOnAction(e -> onSelectedNode("remove voter", this::removeVoter));
            Button killLeader = new Button("Kill the leader (kill -9)");
            killLeader.setId("kafkaKillLeader");
            killLeader.setOnAction(e -> killLeader());
            Button addBroker = new Button("Add broker");
            addBroker.setId("kafkaAddBroker");
            addBroker.setTooltip(new javafx.scene.control.Tooltip("format and start another broker process; it registers with the active controller"));
            addBroker.setOnAction(e -> addNode("add broker", () -> {
                LocalNode n = connection.local().addBroker(0);
                return "started broker " + n.id() + " as pid " + n.pid() + " on 127.0.0.1:" + n.port() + "; it registers when its JVM is up";
            }));
            Button addController = new Button("Add controller");
            addController.setId("kafkaAddController");
            addController.setTooltip(new javafx.scene.control.Tooltip("format (--no-initial-controllers) and start another controller process;"
                    + " it fetches as an observer until Add voter"));
            addController.setOnAction(e -> addNode("add controller", () -> {
                LocalNode n = connection.local().addController(0);
                return "started controller " + n.id() + " as pid " + n.pid() + " (directory id " + n.directoryId()
                        + "): an observer; choose c" + n.id() + " and Add voter once it has caught up";
            }));
            // a flow, not rows: the buttons wrap within the column instead of being cut to "Pa…"
            javafx.scene.layout.FlowPane perNode = new javafx.scene.layout.FlowPane(4, 4, nodeBox, kill, stop, restart, pause, resume,
                    addVoter, removeVoter);
            perNode.setPrefWrapLength(320);
            for (javafx.scene.Node n : perNode.getChildren()) {
                ((javafx.scene.control.Control) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            box.getChildren().addAll(perNode, killLeader, new HBox(4, addBroker, addController));
        } else {
            box.getChildren().add(wrapped("Attached cluster: its processes are not ours to kill or restart."));
        }
        Button cut = new Button("Cut / heal links");
        cut.setDisable(true);
        box.getChildren().addAll(cut, wrapped("Not built: cutting a link between real nodes needs loopback proxies between"
                + " them, which this lab does not run yet; kill, stop, pause and restart are real here."));
        ListView<String> changes = new ListView<>(history);
        changes.setPlaceholder(new Label("nothing has changed yet"));
        VBox.setVgrow(changes, Priority.ALWAYS);
        status.setWrapText(true);
        box.getChildren().addAll(new Label("Observed (wall clock; the timeline of a real cluster)"), changes, status, back);
        box.setPadding(new Insets(6));
        box.setPrefWidth(340);
        return box;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(320);
        return l;
    }

    private interface NodeControl {
        String run(int id) throws Exception;
    }

    private void onSelectedNode(String what, NodeControl control) {
        String name = nodeBox.getValue();
        if (name == null) {
            status.setText("choose a node first");
            return;
        }
        int id = Integer.parseInt(name.substring(1));
        status.setText(what + " node " + id + "…");
        connection.control(what, () -> control.run(id), this::report);
    }

    private String pause(int id) {
        long pid = connection.local().state().node(id).pid();
        return connection.local().pause(id) ? "paused node " + id + " (kill -STOP " + pid + ")" : "node " + id + " is not running";
    }

    private String resume(int id) {
        long pid = connection.local().state().node(id).pid();
        return connection.local().resume(id) ? "resumed node " + id + " (kill -CONT " + pid + ")" : "node " + id + " is not running";
    }

    private String addVoter(int id) {
        return io.yakraft.kafka.VoterChanges.add(connection.local(), connection.probe(), id);
    }

    private String removeVoter(int id) {
        return io.yakraft.kafka.VoterChanges.remove(connection.probe(), id);
    }

    private void addNode(String what, KafkaConnection.ControlAction action) {
        status.setText(what + ": formatting its storage and starting its JVM…");
        connection.control(what, action, this::report);
    }

    private void killLeader() {
        int leader = last == null ? -1 : last.quorum().value().map(KafkaObservation.Quorum::leaderId).orElse(-1);
        if (leader < 0) {
            status.setText("no leader is known right now");
            return;
        }
        status.setText("kill -9 the leader, node " + leader + "…");
        connection.control("kill", () -> connection.local().kill(leader) ? "killed the leader, node " + leader
                : "node " + leader + " was not running", this::report);
    }

    private void report(String message) {
        status.setText(message);
        history.add(0, LocalTime.now().format(CLOCK) + "  " + message);
    }

    /** An editable picker of the cluster's topics, on the first one (or "orders" when there is none). */
    private ComboBox<String> topicPicker() {
        ComboBox<String> topic = new ComboBox<>(FXCollections.observableArrayList(topicNames()));
        topic.setEditable(true);
        topic.setValue(topic.getItems().isEmpty() ? "orders" : topic.getItems().get(0));
        return topic;
    }

    /** A modal form of labelled fields ({@code "label", field, ...}) over this window; present when OK was pressed. */
    private java.util.Optional<ButtonType> askForm(String title, Object... labelsAndFields) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(title);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        for (int i = 0; i < labelsAndFields.length; i += 2) {
            g.addRow(i / 2, new Label((String) labelsAndFields[i]), (javafx.scene.Node) labelsAndFields[i + 1]);
        }
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
        return d.showAndWait().filter(b -> b == ButtonType.OK);
    }

    private void createTopic() {
        TextField name = new TextField("orders");
        Spinner<Integer> partitions = new Spinner<>(1, 1000, 3);
        int brokers = last == null ? 1 : last.brokers().value().map(List::size).orElse(1);
        Spinner<Integer> rf = new Spinner<>(1, Math.max(1, brokers), Math.min(3, Math.max(1, brokers)));
        askForm("Create topic on the real cluster", "name", name, "partitions", partitions, "replication factor", rf).ifPresent(b -> {
            String topic = name.getText().trim();
            int p = partitions.getValue();
            short r = rf.getValue().shortValue();
            status.setText("creating topic " + topic + "…");
            connection.control("create topic " + topic, () -> {
                connection.probe().createTopic(topic, p, r);
                return "created topic " + topic + " (" + p + " partitions, replication factor " + r + ")";
            }, this::report);
        });
    }

    private void createPartitions() {
        ComboBox<String> topic = topicPicker();
        Spinner<Integer> total = new Spinner<>(1, 10_000, 6);
        askForm("Add partitions on the real cluster", "topic", topic, "partitions in all", total).ifPresent(b -> {
            String t = topic.getValue() == null ? "" : topic.getValue().trim();
            int n = total.getValue();
            status.setText("growing " + t + " to " + n + " partitions…");
            connection.control("add partitions", () -> connection.probe().createPartitionsAnswer(t, n), this::report);
        });
    }

    private List<String> topicNames() {
        return last == null ? List.of() : last.topics().value().map(ts -> ts.stream().filter(t -> !t.internal())
                .map(KafkaObservation.Topic::name).toList()).orElse(List.of());
    }

    /**
     * Runs a raw file through its preprocessing spec (as the simulation's feed does) and sends the clean records
     * with a real KafkaProducer; the progress line follows its acknowledgements on every refresh.
     */
    private void feedFile() {
        if (feed != null && !feed.progress().done()) {
            status.setText("a feed is still running: " + feedProgress.getText());
            return;
        }
        if (connection.bootstrapServers().isEmpty()) {
            status.setText("this cluster has no brokers to feed");
            return;
        }
        TextField file = new TextField("data/orders.csv");
        TextField spec = new TextField("data/orders.spec.json");
        ComboBox<String> topic = topicPicker();
        ComboBox<String> acks = new ComboBox<>(FXCollections.observableArrayList("all", "1", "0"));
        acks.setValue("all");
        javafx.scene.control.CheckBox idempotent = new javafx.scene.control.CheckBox("idempotent producer");
        idempotent.setSelected(true);
        Spinner<Integer> rate = new Spinner<>(0, 100_000, 0);
        askForm("Feed a file into the real cluster", "raw file", file, "pipeline spec", spec, "topic", topic, "acks", acks,
                "", idempotent, "records/s (0: as fast as it can)", rate).ifPresent(b -> {
            String t = topic.getValue() == null ? "" : topic.getValue().trim();
            String a = acks.getValue();
            boolean idem = idempotent.isSelected() && a.equals("all"); // Kafka's idempotence needs acks=all
            double r = rate.getValue();
            java.nio.file.Path raw = java.nio.file.Path.of(file.getText().trim());
            java.nio.file.Path specFile = java.nio.file.Path.of(spec.getText().trim());
            status.setText("preparing " + raw + "…");
            connection.control("feed " + raw, () -> {
                var prepared = io.yakraft.ingest.FeedSource.prepare(raw, specFile, (rows, bytes) -> { });
                var started = io.yakraft.kafka.PacedFeed.start(connection.bootstrapServers(), connection.probe().clientProperties(), t,
                        prepared.records(), a, idem, r, java.time.Duration.ofSeconds(30));
                String name = raw.getFileName() + " → " + t + " (acks=" + a + (idem ? ", idempotent" : "") + ")";
                javafx.application.Platform.runLater(() -> {
                    feed = started;
                    feedName = name;
                });
                return "feeding " + prepared.records().size() + " clean records of " + raw + " into " + t + " with a real KafkaProducer";
            }, this::report);
        });
    }

    private void showFeed() {
        if (feed == null) {
            return;
        }
        var p = feed.progress();
        feedProgress.setText("Feed " + feedName + ": " + p.sent() + " of " + p.total() + " sent, " + p.acked() + " acknowledged, "
                + p.failed() + " failed" + (p.done() ? " — done" : "") + (p.firstError().isEmpty() ? "" : "; first error: " + p.firstError()));
    }

    /** Shows one refresh (FX thread). */
    void show(KafkaConnection.Update u) {
        KafkaObservation o = u.observation();
        if (last != null) {
            String at = LocalTime.ofInstant(Instant.ofEpochMilli(o.observedAtMs()), ZoneId.systemDefault()).format(CLOCK);
            for (String change : ObservedChanges.between(last, o)) {
                history.add(0, at + "  " + change);
            }
            if (history.size() > HISTORY) {
                history.remove(HISTORY, history.size());
            }
        }
        last = o;
        String clock = LocalTime.ofInstant(Instant.ofEpochMilli(o.observedAtMs()), ZoneId.systemDefault()).format(CLOCK);
        summary.setText(o.quorum().value().map(q -> "leader " + (q.leaderId() < 0 ? "none" : q.leaderId()) + " · epoch "
                + q.leaderEpoch() + " · high watermark " + q.highWatermark())
                .orElse("quorum: " + o.quorum().error()) + " · observed " + clock);
        quorumRows.setAll(quorumRows(o, u));
        List<String> names = u.nodes().stream().map(LocalNode::name).toList();
        if (connection.local() != null && !names.equals(nodeBox.getItems())) {
            String chosen = nodeBox.getValue();
            nodeBox.getItems().setAll(names); // a node added here or by `kafka add-broker` beside the window
            nodeBox.setValue(chosen);
        }
        brokerRows.setAll(brokerRows(o, u));
        List<PartitionRow> parts = new ArrayList<>();
        o.topics().value().ifPresent(ts -> ts.forEach(t -> t.partitions().forEach(p -> parts.add(new PartitionRow(
                t.name() + (t.internal() ? " (internal)" : ""), p.partition(), p.leader() < 0 ? "none" : String.valueOf(p.leader()),
                ids(p.replicas()), ids(p.isr()), ids(p.elr()), ids(p.lastKnownElr()))))));
        partitionRows.setAll(parts);
        showLog(u, o);
        showFeed();
        if (o.topics().value().isEmpty() && !o.topics().error().isEmpty()) {
            status.setText("topics: " + o.topics().error());
        }
        // Inside the main window the tables were left unlaid-out and unpainted after a refresh (the window's own
        // dirty-region trouble, see base.css); laying out this pane and nudging its opacity repaints all of it.
        root.layout();
        root.setOpacity(root.getOpacity() == 1.0 ? 0.999 : 1.0);
    }

    private void showLog(KafkaConnection.Update u, KafkaObservation o) {
        long hw = o.quorum().value().map(KafkaObservation.Quorum::highWatermark).orElse(-1L);
        String snapshot = u.log().entries().stream().filter(io.yakraft.kafka.metalog.MetadataLogReader.Entry::inSnapshot).findFirst()
                .map(e -> " · from snapshot " + e.snapshot()).orElse("");
        logSource.setText("Metadata log of " + u.log().source() + " · Kafka's MetadataRecordSerde" + snapshot);
        logSource.setTooltip(new javafx.scene.control.Tooltip(u.log().directory()));
        List<LogRow> rows = logRows(u.log(), hw, hideNoOps.isSelected());
        if (!rows.equals(logRows)) {
            logRows.setAll(rows);
            // keep the newest record in view unless the person selected one to read (as the simulation's Records view)
            recordsTable().filter(t -> t.getSelectionModel().isEmpty() && !logRows.isEmpty()).ifPresent(t -> t.scrollTo(logRows.size() - 1));
        }
    }

    private java.util.Optional<TableView<?>> recordsTable() {
        return java.util.Optional.ofNullable((TableView<?>) root.lookup("#kafkaRecords"));
    }

    /** The log's records as the Records view's rows; committed = below the quorum's high watermark ("?" when unknown). */
    static List<LogRow> logRows(KafkaConnection.MetadataLog log, long highWatermark, boolean hideNoOps) {
        List<LogRow> rows = log.entries().stream().filter(e -> !hideNoOps || !e.type().equals("NoOpRecord"))
                .map(e -> new LogRow(e.offset(), e.epoch(), e.inSnapshot() ? "snapshot" : highWatermark < 0 ? "?" : e.offset() < highWatermark ? "yes" : "no",
                        e.type(), e.fields())).toList();
        return rows.subList(Math.max(0, rows.size() - KafkaConnection.RECORDS_SHOWN), rows.size());
    }

    static List<QuorumRow> quorumRows(KafkaObservation o, KafkaConnection.Update u) {
        List<QuorumRow> rows = new ArrayList<>();
        o.quorum().value().ifPresent(q -> {
            for (KafkaObservation.Replica r : q.voters()) {
                rows.add(row(r.id() == q.leaderId() ? "leader" : "voter", r, o.observedAtMs(), u));
            }
            for (KafkaObservation.Replica r : q.observers()) {
                rows.add(row("observer", r, o.observedAtMs(), u));
            }
        });
        return rows;
    }

    private static QuorumRow row(String role, KafkaObservation.Replica r, long now, KafkaConnection.Update u) {
        return new QuorumRow(role, r.id(), r.logEndOffset() < 0 ? "unknown" : String.valueOf(r.logEndOffset()),
                r.lag() < 0 ? "?" : String.valueOf(r.lag()), ago(r.lastFetchMs(), now), ago(r.lastCaughtUpMs(), now), process(r.id(), u));
    }

    static List<BrokerRow> brokerRows(KafkaObservation o, KafkaConnection.Update u) {
        return o.brokers().value().map(bs -> bs.stream().map(b -> new BrokerRow(b.id(), b.host() + ":" + b.port(),
                b.fenced() ? "FENCED" : "unfenced", process(b.id(), u))).toList()).orElse(List.of());
    }

    private static String process(int id, KafkaConnection.Update u) {
        return u.nodes().stream().filter(n -> n.id() == id).findFirst()
                .map(n -> !u.running().contains(id) ? "NOT RUNNING" : "pid " + n.pid() + (u.paused().contains(id) ? " PAUSED (SIGSTOP)" : " running"))
                .orElse("");
    }

    private static String ago(long ms, long now) {
        return ms < 0 ? "never" : String.format("%.1f s ago", Math.max(0, now - ms) / 1000.0);
    }

    private static String ids(List<Integer> xs) {
        return xs.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
