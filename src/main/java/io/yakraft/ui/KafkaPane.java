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
        quorum.getColumns().addAll(List.of(Tables.column("replica", QuorumRow::role, 80), Tables.column("id", QuorumRow::id, 50),
                Tables.column("log end", QuorumRow::logEnd, 80), Tables.column("lag", QuorumRow::lag, 60),
                Tables.column("last fetch", QuorumRow::lastFetch, 110), Tables.column("last caught up", QuorumRow::lastCaughtUp, 120),
                Tables.column("process", QuorumRow::process, 160)));
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
        SplitPane tables = new SplitPane(titled("Metadata quorum (describeMetadataQuorum)", quorum),
                titled("Brokers (describeCluster, fenced included)", brokers),
                titled("Partitions (describeTopics)", partitions));
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.34, 0.6);
        root.setCenter(tables);
        root.setRight(controls());
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
        VBox box = new VBox(6, new Label("Controls on this real cluster"), createTopic);
        if (connection.local() != null) {
            nodeBox.setPromptText("node");
            nodeBox.getItems().setAll(connection.local().state().nodes().stream().map(LocalNode::name).toList());
            Button kill = new Button("kill -9");
            kill.setOnAction(e -> onSelectedNode("kill -9", id -> connection.local().kill(id) ? "killed node " + id : "node " + id + " was not running"));
            Button stop = new Button("Stop");
            stop.setOnAction(e -> onSelectedNode("stop", id -> connection.local().stop(id) ? "stopped node " + id : "node " + id + " was not running"));
            Button restart = new Button("Restart");
            restart.setOnAction(e -> onSelectedNode("restart", id -> "node " + id + " runs as pid " + connection.local().restart(id).pid()));
            Button killLeader = new Button("Kill the leader (kill -9)");
            killLeader.setId("kafkaKillLeader");
            killLeader.setOnAction(e -> killLeader());
            box.getChildren().addAll(new HBox(4, nodeBox, kill, stop, restart), killLeader);
        } else {
            box.getChildren().add(wrapped("Attached cluster: its processes are not ours to kill or restart."));
        }
        Button cut = new Button("Cut / heal links");
        cut.setDisable(true);
        box.getChildren().addAll(cut, wrapped("Not built: cutting a link between real nodes needs loopback proxies between"
                + " them, which this lab does not run yet; only kill, stop and restart are real here."));
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

    private void createTopic() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Create topic on the real cluster");
        TextField name = new TextField("orders");
        Spinner<Integer> partitions = new Spinner<>(1, 1000, 3);
        int brokers = last == null ? 1 : last.brokers().value().map(List::size).orElse(1);
        Spinner<Integer> rf = new Spinner<>(1, Math.max(1, brokers), Math.min(3, Math.max(1, brokers)));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("name"), name);
        g.addRow(1, new Label("partitions"), partitions);
        g.addRow(2, new Label("replication factor"), rf);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
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
        brokerRows.setAll(brokerRows(o, u));
        List<PartitionRow> parts = new ArrayList<>();
        o.topics().value().ifPresent(ts -> ts.forEach(t -> t.partitions().forEach(p -> parts.add(new PartitionRow(
                t.name() + (t.internal() ? " (internal)" : ""), p.partition(), p.leader() < 0 ? "none" : String.valueOf(p.leader()),
                ids(p.replicas()), ids(p.isr()), ids(p.elr()), ids(p.lastKnownElr()))))));
        partitionRows.setAll(parts);
        if (o.topics().value().isEmpty() && !o.topics().error().isEmpty()) {
            status.setText("topics: " + o.topics().error());
        }
        // Inside the main window the tables were left unlaid-out and unpainted after a refresh (the window's own
        // dirty-region trouble, see base.css); laying out this pane and nudging its opacity repaints all of it.
        root.layout();
        root.setOpacity(root.getOpacity() == 1.0 ? 0.999 : 1.0);
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
                .map(n -> u.running().contains(id) ? "pid " + n.pid() + " running" : "NOT RUNNING").orElse("");
    }

    private static String ago(long ms, long now) {
        return ms < 0 ? "never" : String.format("%.1f s ago", Math.max(0, now - ms) / 1000.0);
    }

    private static String ids(List<Integer> xs) {
        return xs.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
