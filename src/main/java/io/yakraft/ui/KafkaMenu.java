package io.yakraft.ui;

import io.yakraft.kafka.KafkaLib;
import io.yakraft.kafka.KafkaProbe;
import io.yakraft.kafka.LocalCluster;
import io.yakraft.kafka.LocalClusterState;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The window's Cluster menu for real Kafka: connect to any cluster, or start (or reopen) a local one, and
 * show it in the same window in place of the simulation's view; "Back to the simulation" puts that back.
 */
public final class KafkaMenu {
    private final BorderPane root;
    private Node simulationCenter;
    private KafkaConnection connection;

    private KafkaMenu(BorderPane root) {
        this.root = root;
    }

    /** Adds the Cluster menu to the window's menu bar; the returned menu also serves {@code gui --kafka}. */
    public static KafkaMenu install(BorderPane root) {
        KafkaMenu menu = new KafkaMenu(root);
        MenuBar bar = (MenuBar) root.lookup(".menu-bar");
        if (bar == null) {
            throw new IllegalStateException("the main window has no menu bar to add the Cluster menu to");
        }
        MenuItem connect = new MenuItem("Connect to Kafka…");
        connect.setOnAction(e -> menu.connectDialog());
        MenuItem local = new MenuItem("Start a local Kafka cluster…");
        local.setOnAction(e -> menu.localDialog());
        MenuItem back = new MenuItem("Back to the simulation");
        back.setOnAction(e -> menu.backToSimulation());
        MenuItem links = new MenuItem("Cut links on a real cluster (not built: needs loopback proxies)");
        links.setDisable(true);
        Menu cluster = new Menu("_Cluster", null, connect, local, back, links);
        bar.getMenus().add(cluster);
        root.getProperties().put(KafkaMenu.class, menu);
        return menu;
    }

    /** The menu {@link #install} put on this window. */
    public static KafkaMenu of(javafx.scene.Parent root) {
        Object m = root.getProperties().get(KafkaMenu.class);
        if (m == null) {
            throw new IllegalStateException("this window has no Cluster menu");
        }
        return (KafkaMenu) m;
    }

    /** Attaches to any cluster (FX thread). {@code clientProperties} may be null. */
    public void attach(String bootstrapServers, Path clientProperties) {
        try {
            Properties p = new Properties();
            if (clientProperties != null) {
                try (Reader r = Files.newBufferedReader(clientProperties)) {
                    p.load(r);
                }
            }
            show(new KafkaConnection(KafkaProbe.attach(bootstrapServers, p), null));
        } catch (IOException | RuntimeException e) {
            error("Cannot connect to " + bootstrapServers, (clientProperties != null ? clientProperties + ": " : "") + e.getMessage());
        }
    }

    /** Starts the local cluster in {@code dir} (formatting it first if new) on a background thread, then shows it. */
    public void startLocal(Path dir, int controllers, int brokers) {
        Label waiting = new Label("Starting a local Kafka cluster in " + dir + ": formatting storage and starting "
                + (controllers + brokers) + " JVMs (this takes a while on a busy machine)…");
        waiting.setStyle("-fx-font-size: 15px; -fx-padding: 20;");
        swapCenter(waiting);
        Thread t = new Thread(() -> {
            try {
                LocalCluster cluster = Files.exists(dir.resolve(LocalClusterState.FILE_NAME)) ? LocalCluster.open(dir)
                        : LocalCluster.create(dir, controllers, brokers, KafkaLib.locate());
                cluster.startControllersFirst(java.time.Duration.ofSeconds(120));
                KafkaConnection c = new KafkaConnection(KafkaProbe.local(cluster), cluster);
                Platform.runLater(() -> show(c));
            } catch (Exception e) {
                Platform.runLater(() -> {
                    backToSimulation();
                    error("Cannot start a local Kafka cluster in " + dir, e.getMessage());
                });
            }
        }, "kafka-local-start");
        t.setDaemon(true);
        t.start();
    }

    private void show(KafkaConnection c) {
        closeConnection();
        connection = c;
        KafkaPane pane = new KafkaPane(c, this::backToSimulation);
        swapCenter(pane.root());
        c.start(pane::show);
    }

    private void swapCenter(Node node) {
        if (simulationCenter == null) {
            simulationCenter = root.getCenter();
            simulationChrome(false);
        }
        root.setCenter(node);
    }

    /** The simulation's tool bar and timeline/status bar act on the simulation: hidden while a real cluster shows. */
    private void simulationChrome(boolean shown) {
        for (Node n : new Node[] {root.lookup(".tool-bar"), root.getBottom()}) {
            if (n != null) {
                n.setVisible(shown);
                n.setManaged(shown);
            }
        }
    }

    private void backToSimulation() {
        closeConnection();
        if (simulationCenter != null) {
            root.setCenter(simulationCenter);
            simulationCenter = null;
            simulationChrome(true);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void connectDialog() {
        Dialog<ButtonType> d = dialog("Connect to a Kafka cluster");
        TextField bootstrap = new TextField("127.0.0.1:9092");
        bootstrap.setPrefColumnCount(28);
        TextField props = new TextField();
        props.setPromptText("optional: client.properties (SASL, TLS…)");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Client properties");
            var f = chooser.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                props.setText(f.getAbsolutePath());
            }
        });
        GridPane g = grid();
        g.addRow(0, new Label("bootstrap servers"), bootstrap);
        g.addRow(1, new Label("client properties"), new HBox(4, props, browse));
        d.getDialogPane().setContent(g);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> attach(bootstrap.getText().trim(),
                props.getText().isBlank() ? null : Path.of(props.getText().trim())));
    }

    private void localDialog() {
        Dialog<ButtonType> d = dialog("Start a local Kafka cluster (real Kafka 4.3.1 processes)");
        Spinner<Integer> controllers = new Spinner<>(1, 9, 3);
        Spinner<Integer> brokers = new Spinner<>(0, 9, 3);
        TextField dir = new TextField(Path.of(System.getProperty("user.home"), ".yakraft", "kafka").toString());
        dir.setPrefColumnCount(28);
        GridPane g = grid();
        g.addRow(0, new Label("controllers"), controllers);
        g.addRow(1, new Label("brokers"), brokers);
        g.addRow(2, new Label("directory"), dir);
        g.add(new Label("A directory that already holds a cluster is reopened (its stopped nodes started)."), 0, 3, 2, 1);
        d.getDialogPane().setContent(g);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> startLocal(Path.of(dir.getText().trim()),
                controllers.getValue(), brokers.getValue()));
    }

    private Dialog<ButtonType> dialog(String title) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(title);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
        return d;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        return g;
    }

    private void error(String header, String detail) {
        Alert a = new Alert(Alert.AlertType.ERROR, detail, ButtonType.OK);
        a.setHeaderText(header);
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        a.show();
    }

    /** Closes the connection (the window is closing); a local cluster's processes keep running. */
    public void stop() {
        closeConnection();
    }
}
