package io.yakraft.ui;

import io.yakraft.session.ScenarioStatus;
import io.yakraft.session.Frame;
import io.yakraft.session.Session;
import io.yakraft.session.LiveSession;
import io.yakraft.cluster.Action;
import io.yakraft.cluster.MessageView;
import io.yakraft.cluster.NodeRef;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.NodeView;
import io.yakraft.sim.TraceEvent;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Wires the FXML view to the driver and the view-model: every menu item, button and shortcut
 * becomes a driver action (a timed input of the simulation); one AnimationTimer draws the
 * latest frame.
 */
public final class MainController {
    @FXML private BorderPane root;
    @FXML private StackPane canvasHost;
    @FXML private TableView<NodeRow> nodeTable;
    @FXML private TableView<TraceEvent> eventTable;
    @FXML private TextField filterField;
    @FXML private Label statusLabel;
    @FXML private Label feedStatusLabel;
    @FXML private Label speedLabel;
    @FXML private Label selectionLabel;
    @FXML private Slider speedSlider;
    @FXML private Button playButton;
    @FXML private CheckMenuItem labelsItem;
    @FXML private CheckMenuItem presenterItem;
    @FXML private CheckMenuItem darkItem;
    @FXML private CheckMenuItem fpsItem;
    @FXML private CheckMenuItem paletteItem;
    @FXML private StackPane replicationHost;
    // the pane under the cluster: metadata log or a partition's replica logs
    @FXML private StackPane partitionHost;
    @FXML private ToggleButton metadataLogTab;
    @FXML private ToggleButton partitionLogTab;
    @FXML private ComboBox<String> partitionBox;
    @FXML private Label partitionSummary;
    @FXML private Label metadataLegend;
    private LogViews logViews;
    @FXML private ComboBox<String> seenByBox;
    @FXML private Label metadataSummary;
    @FXML private HBox sideTabs;
    @FXML private StackPane sidePages;
    @FXML private javafx.scene.layout.VBox quorumPage;
    private QuorumPanel quorumPanel;
    private final ToggleGroup sideTabGroup = new ToggleGroup();
    @FXML private TableView<MetadataRows.BrokerRow> brokerTable;
    @FXML private TableView<MetadataRows.TopicRow> topicTable;
    @FXML private TableView<MetadataRows.PartitionRow> partitionTable;
    @FXML private TableView<MetadataRows.ProducerRow> producerTable;
    @FXML private TableView<MetadataRows.RecordRow> recordTable;
    @FXML private javafx.scene.control.Menu lessonsMenu;
    @FXML private javafx.scene.control.MenuBar menuBar;
    @FXML private HBox captionBar;
    @FXML private javafx.scene.control.ToolBar toolBar;
    @FXML private MenuItem apiItem;
    private io.yakraft.api.ApiServer api;
    @FXML private StackPane timelineHost;
    @FXML private Label captionLabel;
    @FXML private Label scenarioProgress;
    @FXML private Button continueButton;
    @FXML private Button nextStepButton;
    @FXML private Slider lossSlider;
    @FXML private Label lossLabel;
    @FXML private Slider latencySlider;
    @FXML private Label latencyLabel;
    @FXML private javafx.scene.control.SplitPane mainSplit;
    @FXML private javafx.scene.control.SplitPane verticalSplit;
    @FXML private javafx.scene.control.SplitPane canvasSplit;
    @FXML private javafx.scene.layout.VBox sidePanel;
    @FXML private javafx.scene.layout.VBox logPanel;
    @FXML private ToggleButton drawerButton;
    @FXML private Button closeCaptionButton;
    @FXML private HBox forkBar;
    @FXML private Label forkLabel;
    private WindowLayout windowLayout;
    private EventLogPlace eventPlace;
    private final ForkPrompt forkPrompt = new ForkPrompt(() -> root.getScene().getWindow());
    /** The person closed the caption of a finished lesson; it stays closed until another one plays. */
    private boolean captionClosed;
    private boolean captionShown;

    private final LiveSession driver;
    /** A lesson's question choices, caption history and the slow-motion toggle. */
    private NarrationBar narrationBar;
    private javafx.stage.Stage shortcutSheet;
    private WelcomeCard welcome;
    /** File work run off the JavaFX thread (preprocessing, feed previews). */
    private final BackgroundWork background = new BackgroundWork();
    private static final javafx.css.PseudoClass PICKED = javafx.css.PseudoClass.getPseudoClass("picked");
    private final ClusterViewModel model = new ClusterViewModel();
    private final MetadataViewModel metadata = new MetadataViewModel();
    private final ClusterRenderer renderer = new ClusterRenderer();
    private final ReplicationRenderer replication = new ReplicationRenderer();
    private final Canvas canvas = new Canvas(800, 500);
    private final Canvas replicationCanvas = new Canvas(800, 200);
    private final Canvas timelineCanvas = new Canvas(800, 34);
    private final TimelineRenderer timeline = new TimelineRenderer();
    /** While dragging on the timeline: the time under the pointer, else -1. */
    private long timelinePreview = -1;
    private FileTarget files;
    private ClusterLayout layout;
    /** The backdrop layer, the state card, the message popover and the canvas's right-click menus. */
    private CanvasOverlay overlay;
    private AnimationTimer timer;
    private final FrameStats frameStats = new FrameStats();
    /** Time spent in each frame's own work (view-model update and drawing). */
    private final FrameStats workStats = new FrameStats();
    private volatile long firstFrameWallMillis;
    /** Tables refresh at most this often (about 8 times a second); the canvases every frame. */
    static final long TABLE_PERIOD_NANOS = 120_000_000L;
    private long lastTablesNanos = Long.MIN_VALUE / 2;

    public MainController(LiveSession driver) {
        this.driver = driver;
    }

    public ClusterViewModel model() {
        return model;
    }

    public MetadataViewModel metadata() {
        return metadata;
    }

    public FrameStats frameStats() {
        return frameStats;
    }

    public FrameStats workStats() {
        return workStats;
    }

    /** Wall-clock time (ms since the epoch) the first frame with the cluster was drawn, 0 before. */
    public long firstFrameWallMillis() {
        return firstFrameWallMillis;
    }

    public void setFileTarget(FileTarget target) {
        this.files = target;
    }

    @FXML
    private void initialize() {
        windowLayout = new WindowLayout(mainSplit, verticalSplit, canvasSplit, sidePanel, logPanel);
        driver.setForkGuard(forkPrompt);
        canvasHost.getChildren().add(canvas);
        canvas.widthProperty().bind(canvasHost.widthProperty());
        canvas.heightProperty().bind(canvasHost.heightProperty());
        overlay = new CanvasOverlay(canvasHost, canvas, driver::perform);
        canvas.setOnMouseClicked(e -> {
            if (layout == null) {
                return;
            }
            int hit = layout.nodeAt(e.getX(), e.getY());
            if (hit >= 0) {
                model.selectedNodeProperty().set(hit);
                overlay.nodePicked();
                if (e.getButton() == MouseButton.SECONDARY) {
                    nodeMenu().show(canvas, e.getScreenX(), e.getScreenY());
                }
                return;
            }
            Frame f = model.frameProperty().get();
            MessageView m = f == null ? null : CanvasOverlay.message(f.snapshot(), renderer.messageAt(e.getX(), e.getY()));
            if (m != null) {
                if (e.getButton() == MouseButton.SECONDARY) {
                    overlay.messageMenu(m).show(canvas, e.getScreenX(), e.getScreenY());
                } else {
                    overlay.pin(m.id());
                }
                return;
            }
            int[] link = f == null ? null : layout.linkAt(e.getX(), e.getY(), ClusterRenderer.links(f.snapshot()));
            if (link != null && e.getButton() == MouseButton.PRIMARY) {
                toggleLink(link, e.isShiftDown() ? layout.nearerEnd(link, e.getX(), e.getY()) : -1);
            } else if (link != null && e.getButton() == MouseButton.SECONDARY) {
                overlay.linkMenu(link[0], link[1], isCut(f, link[0], link[1]), isCut(f, link[1], link[0]))
                        .show(canvas, e.getScreenX(), e.getScreenY());
            } else if (link == null) {
                overlay.clickedNothing();
            }
        });
        Tooltip.install(canvasHost, new Tooltip("Click a node to select it and see its state card (right-click: its actions)."
                + " Click a link to cut or heal it; Shift+click cuts only the direction leaving the nearer node; right-click"
                + " a link for its menu. Point at or click a message to read its fields; right-click it to drop it."));
        replicationHost.getChildren().add(replicationCanvas);
        replicationCanvas.widthProperty().bind(replicationHost.widthProperty());
        replicationCanvas.heightProperty().bind(replicationHost.heightProperty());
        replicationCanvas.setOnScroll(e -> {
            if (e.isControlDown()) {
                replication.zoom(e.getDeltaY() > 0 ? 1.25 : 0.8);
            } else {
                double delta = e.getDeltaX() != 0 ? -e.getDeltaX() : e.getDeltaY();
                replication.scroll((long) Math.signum(delta) * Math.max(1, (long) (40 / replication.cellWidth())));
            }
        });
        Tooltip.install(replicationHost, new Tooltip("Each row is a node's copy of the metadata log (KRaft), each cell an"
                + " offset coloured by its epoch; thick line: the node's metadata HW. Wheel scrolls back in history, Ctrl+wheel zooms."));
        logViews = new LogViews(metadataLogTab, partitionLogTab, partitionBox, partitionSummary, replicationHost, partitionHost);
        metadataLegend.visibleProperty().bind(metadataLogTab.selectedProperty());
        metadataLegend.managedProperty().bind(metadataLogTab.selectedProperty());
        quorumPanel = new QuorumPanel(quorumPage);
        setUpSideTabs();
        setUpTimeline();
        KafkaMenu.install(root);
        // a toolbar button keeps its whole text: what does not fit goes to the overflow menu (») instead of
        // reading "Kill lea…" (presenter mode's larger text on a laptop)
        toolBar.getItems().addListener((ListChangeListener<Node>) c -> keepWholeText());
        keepWholeText();
        seenByBox.setItems(metadata.nodeChoices());
        seenByBox.getSelectionModel().selectedItemProperty().addListener((o, a, choice) -> {
            if (choice != null) {
                int node = MetadataViewModel.parseChoice(choice);
                metadata.seenByProperty().set(node);
                driver.showRecordsOf(node);
            }
        });
        metadataSummary.textProperty().bind(metadata.summaryProperty());
        setUpNetworkSliders();
        setUpNodeTable();
        setUpEventTable();
        filterField.textProperty().bindBidirectional(model.eventFilterProperty());
        setUpGlossaryTips();
        statusLabel.textProperty().bind(model.statusProperty());
        Tooltip statusWhole = new Tooltip(); // the whole line, when a narrow window ends it in an ellipsis
        statusWhole.textProperty().bind(model.statusProperty());
        statusLabel.setTooltip(statusWhole);
        setUpVariantMenu();
        speedLabel.textProperty().bind(model.speedTextProperty());
        speedSlider.setValue(ClusterViewModel.sliderFromSpeed(driver.speed()));
        speedSlider.valueProperty().addListener((o, a, v) -> driver.setSpeed(ClusterViewModel.speedFromSlider(v.doubleValue())));
        model.selectedNodeProperty().addListener((o, a, v) -> nodeTable.refresh());
        timer = new AnimationTimer() {
            @Override
            public void handle(long nanos) {
                long start = System.nanoTime();
                frameStats.tick(nanos);
                if (model.update(driver.latest(), nanos) && tablesPhase == 0 && nanos - lastTablesNanos >= TABLE_PERIOD_NANOS) {
                    tablesPhase = 1;
                }
                if (tablesPhase > 0) {
                    updateTablesPart(nanos);
                }
                drawCanvas(nanos);
                workStats.sample(System.nanoTime() - start);
                if (firstFrameWallMillis == 0 && model.frameProperty().get() != null) {
                    firstFrameWallMillis = System.currentTimeMillis();
                    // the first frame does not need the lessons: reading them all (and the JSON parser's
                    // classes) waits until just after it
                    javafx.application.Platform.runLater(MainController.this::setUpLessons);
                    javafx.application.Platform.runLater(MainController.this::attachSidePages);
                }
            }
        };
        timer.start();
    }

    private void updateTables(long nanos) {
        lastTablesNanos = nanos;
        eventPlace.beforeUpdate();
        model.updateTables();
        metadata.update(model.frameProperty().get(), nanos);
        updateQuorum();
        refresh();
    }

    /**
     * Which part of the tables the next running frame updates (0: none due). While time runs the
     * tables are updated in three parts on three frames (the nodes and the event log, the
     * metadata tabs, the quorum), so no single frame pays for all of them.
     */
    private int tablesPhase;

    private void updateTablesPart(long nanos) {
        switch (tablesPhase) {
            case 1 -> {
                lastTablesNanos = nanos;
                eventPlace.beforeUpdate();
                model.updateTables();
                refresh();
            }
            case 2 -> metadata.update(model.frameProperty().get(), nanos);
            case 3 -> updateQuorum();
            default -> throw new IllegalStateException("no table update part " + tablesPhase);
        }
        tablesPhase = tablesPhase == 3 ? 0 : tablesPhase + 1;
    }

    private void updateQuorum() {
        quorumPanel.update(model.frameProperty().get() == null ? null : model.frameProperty().get().snapshot());
        if (seenByBox.getSelectionModel().isEmpty() && !seenByBox.getItems().isEmpty()) {
            seenByBox.getSelectionModel().selectFirst();
        }
    }

    /**
     * Shows the session's latest frame at once, tables and canvas included, instead of at the
     * animation timer's pace (FX thread): tests move simulated time, then look.
     */
    BackgroundWork background() {
        return background;
    }

    /** The scene's shortcuts: K, R, M, … act wherever the focus is, except in a field being typed in (see {@link SceneShortcuts}). */
    void installShortcuts(javafx.scene.Scene scene) {
        SceneShortcuts.install(scene, canvas);
        SceneShortcuts.onQuestionMark(scene, this::showShortcuts);
    }

    /** The canvas's overlay: state card, message popover (tests read them). */
    CanvasOverlay overlay() {
        return overlay;
    }

    ClusterRenderer renderer() {
        return renderer;
    }

    /** Where the canvas placed the nodes last frame (tests check labels against it). */
    ClusterLayout clusterLayout() {
        return layout;
    }

    /** The metadata log view's renderer (its row geometry, for tests). */
    ReplicationRenderer replicationRenderer() {
        return replication;
    }

    /** The pane under the cluster: the metadata log or a partition's replica logs. */
    LogViews logViews() {
        return logViews;
    }

    /** The cluster canvas: where the focus goes back to. */
    Canvas canvas() {
        return canvas;
    }

    void showLatestFrame() {
        attachSidePages();
        long nanos = System.nanoTime();
        model.update(driver.latest(), nanos);
        updateTables(nanos);
        drawCanvas(nanos);
    }

    private void setUpNodeTable() {
        nodeTable.getColumns().setAll(List.of(
                Tables.column("Node", r -> "n" + r.id(), 50),
                Tables.column("Role", NodeRow::role, 88),
                Tables.column("Metadata", NodeRow::metadata, 80),
                Tables.column("Epoch", NodeRow::epoch, 50),
                Tables.column("Leader", NodeRow::leader, 55),
                Tables.column("Voted", NodeRow::votedFor, 50),
                Tables.column("Log end", NodeRow::logEnd, 64),
                Tables.column("Metadata\nHW", NodeRow::highWatermark, 78),
                Tables.column("Applied", NodeRow::applied, 64),
                Tables.column("Start", NodeRow::logStart, 45)));
        nodeTable.setItems(model.nodes());
        nodeTable.getStyleClass().add("fixed-rows");
        nodeTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // The table's rows are replaced several times a second; rather than fight its selection
        // model over them, a click picks the node and the picked row wears :picked.
        nodeTable.setSelectionModel(null);
        nodeTable.setRowFactory(t -> {
            TableRow<NodeRow> row = new TableRow<>() {
                @Override
                protected void updateItem(NodeRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(PICKED, !empty && item != null && item.id() == model.selectedNodeProperty().get());
                }
            };
            row.setOnMouseClicked(e -> {
                if (row.getItem() != null) {
                    model.selectedNodeProperty().set(row.getItem().id());
                }
            });
            return row;
        });
        nodeTable.setContextMenu(nodeMenu());
    }

    private void setUpEventTable() {
        TableColumn<TraceEvent, Object> time = Tables.column("Time (ms)", TraceEvent::time, 80);
        TableColumn<TraceEvent, Object> node = Tables.column("Node", e -> e.node() < 0 ? "—" : "n" + e.node(), 55);
        TableColumn<TraceEvent, Object> kind = Tables.column("Kind", e -> e.kind().name(), 140);
        TableColumn<TraceEvent, Object> reason = Tables.column("Reason", TraceEvent::reason, 700);
        eventTable.getColumns().setAll(List.of(time, node, kind, reason));
        eventTable.setItems(model.events());
        eventTable.getStyleClass().add("fixed-rows");
        // a broken invariant's row stands out in red: it is what a fuzz failure or a lesson is about
        eventTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(TraceEvent item, boolean empty) {
                super.updateItem(item, empty);
                boolean violation = !empty && item != null && item.kind() == io.yakraft.sim.TraceKind.VIOLATION;
                pseudoClassStateChanged(VIOLATION_ROW, violation);
                setTooltip(violation ? new javafx.scene.control.Tooltip(item.reason()) : null); // the whole detail
            }
        });
        // a person's pick, pinned to the event (not its row): rows coming and going never change it
        eventPlace = new EventLogPlace(eventTable, e -> {
            model.highlightedEventProperty().set(e);
            renderer.setHighlight(e);
            if (e != null && e.node() >= 0) {
                model.selectedNodeProperty().set(e.node());
            }
        });
    }

    private void setUpNetworkSliders() {
        lossSlider.setValue(driver.config().network().lossProbability());
        latencySlider.setValue(driver.config().network().maxLatencyMs());
        lossLabel.setText(percent(lossSlider.getValue()));
        latencyLabel.setText((long) latencySlider.getValue() + " ms");
        lossSlider.valueProperty().addListener((o, a, v) -> lossLabel.setText(percent(v.doubleValue())));
        latencySlider.valueProperty().addListener((o, a, v) -> latencyLabel.setText(v.longValue() + " ms"));
        lossSlider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                applyLoss();
            }
        });
        latencySlider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                applyLatency();
            }
        });
        lossSlider.setOnMouseReleased(e -> applyLoss());
        latencySlider.setOnMouseReleased(e -> applyLatency());
    }

    private static String percent(double p) {
        return Math.round(p * 100) + " %";
    }

    private void applyLoss() {
        double loss = Math.round(lossSlider.getValue() * 100) / 100.0;
        driver.perform(new Action.Network(loss, null, null, null));
    }

    private void applyLatency() {
        long max = Math.max(1, Math.round(latencySlider.getValue()));
        long min = Math.max(1, max / 4);
        driver.perform(new Action.Network(null, min, max, null));
    }

    /** Click on a link: heal it if cut, else cut both ways; with {@code from} ≥ 0 only the direction leaving {@code from}. */
    private void toggleLink(int[] link, int from) {
        Frame f = model.frameProperty().get();
        int a = from >= 0 ? from : link[0];
        int b = a == link[0] ? link[1] : link[0];
        boolean ab = isCut(f, a, b);
        boolean ba = isCut(f, b, a);
        if (from >= 0) {
            driver.perform(ab ? new Action.Heal(NodeRef.node(a), NodeRef.node(b))
                    : new Action.Cut(NodeRef.node(a), NodeRef.node(b), true));
        } else {
            driver.perform(ab || ba ? new Action.Heal(NodeRef.node(a), NodeRef.node(b)) : new Action.Cut(NodeRef.node(a), NodeRef.node(b), false));
        }
    }

    private static boolean isCut(Frame f, int from, int to) {
        return f != null && f.snapshot().cutLinks().stream().anyMatch(l -> l[0] == from && l[1] == to);
    }

    private void refresh() {
        Frame f = model.frameProperty().get();
        showScenario(f.scenario());
        playButton.setText(f.paused() ? "Play" : "Pause");
        NodeView sel = model.selectedView();
        boolean notice = violationNotice != null && f.snapshot().events() < violationNotice.event();
        selectionLabel.pseudoClassStateChanged(VIOLATION_NEXT, sel == null && notice);
        selectionLabel.setText(sel == null ? (notice ? violationNotice.text() : "Click a node to select it; right-click for its actions.")
                : "Selected n" + sel.id() + ": " + sel.displayRole() + ", epoch " + sel.epoch()
                + ", log " + sel.logStartOffset() + ".." + sel.logEndOffset() + ", metadata HW " + sel.highWatermark()
                + ", incarnation " + sel.incarnation());
        showFeeds(f.snapshot().feeds());
        // keep the newest event in view unless the person is reading older ones, and the pick on its event
        eventPlace.afterUpdate();
        showFork();
    }

    /** After acting in the past: what the fork dropped and an Undo, while it can be undone. */
    private void showFork() {
        boolean on = driver.canUndoFork();
        forkBar.setVisible(on);
        forkBar.setManaged(on);
        if (on) {
            String what = forkPrompt.lastFork();
            forkLabel.setText((what.isEmpty() ? "A new future" : what.replace("This drops", "Dropped")) + ".");
        }
    }

    @FXML
    void undoFork() {
        if (!driver.canUndoFork()) {
            statusFlash("Nothing to undo: no action has dropped a recorded future.");
            return;
        }
        replication.reset();
        driver.undoFork();
    }

    /** The status bar's feed line: every unfinished feed, hidden when there is none. */
    private void showFeeds(List<io.yakraft.data.FeedStatus> feeds) {
        StringBuilder sb = new StringBuilder();
        for (io.yakraft.data.FeedStatus s : feeds) {
            if (!s.done()) {
                sb.append(sb.length() == 0 ? "" : "   |   ").append(FeedDialog.statusLine(s));
            }
        }
        boolean on = sb.length() > 0;
        feedStatusLabel.setText(sb.toString());
        feedStatusLabel.setVisible(on);
        feedStatusLabel.setManaged(on);
    }

    private void keepWholeText() {
        for (Node item : toolBar.getItems()) {
            if (item instanceof ButtonBase button) { // the values' labels have their widths in CSS
                button.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    /** The caption height, node count and window height the canvas last grew for during this lesson (-1: none). */
    private int canvasGrownFor = -1;

    /**
     * During a lesson, a canvas too short for its cluster takes room from the event log and the
     * log views, once per caption height, node count and window height: a person who then drags
     * the dividers keeps what they chose.
     */
    private void growCanvasForLesson(ClusterSnapshot s, double w, double h) {
        int key = java.util.Objects.hash((int) captionBar.getHeight(), s.nodes().size(), (int) root.getHeight());
        if (key == canvasGrownFor) {
            return;
        }
        canvasGrownFor = key;
        windowLayout.growCanvas(h, ClusterRenderer.heightToFit(s, w, 1.0, 1_000) + 4);
    }

    private void drawCanvas(long nanos) {
        Frame f = model.frameProperty().get();
        if (f == null) {
            return;
        }
        if (replicationHost.isVisible()) { // behind the partition view it is not drawn
            replication.draw(replicationCanvas.getGraphicsContext2D(), f.snapshot(), replicationCanvas.getWidth(),
                    replicationCanvas.getHeight(), nanos, model.selectedNodeProperty().get());
        }
        logViews.draw(f.snapshot(), nanos);
        timeline.draw(timelineCanvas.getGraphicsContext2D(), timelineCanvas.getWidth(), timelineCanvas.getHeight(),
                f.snapshot().now(), f.horizon(), f.markers(), timelinePreview, nanos);
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        layout = ClusterRenderer.layoutFor(f.snapshot(), w, h, windowLayout.presenter() ? PRESENTER_SCALE : 1.0);
        if (captionShown && !layout.fits()) {
            growCanvasForLesson(f.snapshot(), w, h);
        }
        renderer.setDrops(model.drops(), nanos);
        renderer.setCallouts(model.callouts());
        boolean drawn = renderer.draw(overlay.backdrop().getGraphicsContext2D(), canvas.getGraphicsContext2D(), f.snapshot(),
                layout, driver.config().raft(), model.selectedNodeProperty().get(), w, h);
        overlay.update(f.snapshot(), layout, renderer, model.selectedNodeProperty().get(),
                windowLayout.presenter() ? PRESENTER_SCALE : 1.0);
        if (drawn && fpsItem.isSelected()) {
            var g = canvas.getGraphicsContext2D();
            g.setFill(javafx.scene.paint.Color.web("#D55E00"));
            g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
            g.fillText(String.format(Locale.ROOT, "%.0f fps · p99 %.1f ms", frameStats.fps(), frameStats.p99Millis()), w - 10, 10);
        }
    }

    private ContextMenu nodeMenu() {
        ContextMenu m = new ContextMenu();
        m.getItems().addAll(
                item("Kill", e -> kill()), item("Stop gracefully", e -> stopNode()), item("Restart", e -> restart()),
                item("Restart with an empty disk", e -> restartEmptyDisk()), item("Pause / resume", e -> pauseResume()),
                item("Force timeout", e -> forceTimeout()), item("Isolate", e -> isolateSelected()),
                item("Compact log into a snapshot", e -> compact()));
        return m;
    }

    private static MenuItem item(String text, javafx.event.EventHandler<javafx.event.ActionEvent> h) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(h);
        return i;
    }

    // ---------------------------------------------------------------- run

    @FXML
    void togglePlay() {
        driver.setPaused(!driver.paused());
    }

    @FXML
    void step() {
        driver.setPaused(true);
        driver.step();
    }

    @FXML
    void faster() {
        driver.setSpeed(driver.speed() * 2);
        speedSlider.setValue(ClusterViewModel.sliderFromSpeed(driver.speed()));
    }

    @FXML
    void slower() {
        driver.setSpeed(driver.speed() / 2);
        speedSlider.setValue(ClusterViewModel.sliderFromSpeed(driver.speed()));
    }

    @FXML
    void newCluster() {
        ClusterConfig current = driver.config();
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("New cluster");
        d.setHeaderText("Controllers vote; brokers (the quorum's observers) replicate the metadata log, register and heartbeat.");
        Spinner<Integer> controllers = typedSpinner(1, 9, current.controllers());
        Spinner<Integer> observers = typedSpinner(0, 9, current.observers());
        TextField seed = new TextField(String.valueOf(current.seed()));
        Label error = new Label();
        error.setStyle("-fx-text-fill: #D32F2F;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Controllers (1–9)"), controllers);
        grid.addRow(1, new Label("Brokers (0–9)"), observers);
        grid.addRow(2, new Label("Seed"), seed);
        grid.add(error, 0, 3, 2, 1);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, ev -> {
            try {
                Long.parseLong(seed.getText().trim());
            } catch (NumberFormatException ex) {
                error.setText("Seed: '" + seed.getText() + "' is not a whole number");
                ev.consume();
                return;
            }
            String bad = commitTyped(controllers, "Controllers");
            bad = bad != null ? bad : commitTyped(observers, "Brokers");
            if (bad != null) {
                error.setText(bad);
                ev.consume();
            }
        });
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            replication.reset();
            driver.restart(
                Session.defaultConfig(Long.parseLong(seed.getText().trim()), controllers.getValue(), observers.getValue()));
        });
    }

    /** A spinner whose field takes typed digits (committed on Enter, on leaving it and on OK). */
    static Spinner<Integer> typedSpinner(int min, int max, int initial) {
        Spinner<Integer> s = new Spinner<>(min, max, initial);
        s.setEditable(true);
        s.getEditor().focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitTyped(s, "");
            }
        });
        return s;
    }

    /** Takes the spinner's typed text as its value; the problem in words when it is not a number in range, else null. */
    static String commitTyped(Spinner<Integer> s, String what) {
        var range = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
        String text = s.getEditor().getText().trim();
        try {
            int v = Integer.parseInt(text);
            if (v < range.getMin() || v > range.getMax()) {
                return what + ": " + v + " is not between " + range.getMin() + " and " + range.getMax();
            }
            range.setValue(v);
            return null;
        } catch (NumberFormatException e) {
            s.getEditor().setText(String.valueOf(s.getValue()));
            return what + ": '" + text + "' is not a whole number";
        }
    }

    @FXML
    void restartSameSeed() {
        ClusterConfig c = driver.config();
        replication.reset();
        driver.restart(c);
    }

    /** Saves every action since the cluster started, with its simulated time, as a replayable scenario. */
    @FXML
    void saveSession() {
        Path file = fileTarget().choose("Save this session as a scenario", "session.json", "json");
        if (file == null) {
            return;
        }
        driver.saveRecording(file, problem -> Platform.runLater(() -> {
            if (problem == null) {
                statusFlash("Saved the session to " + file + "; replay it with: java -jar yakraft.jar run " + file.getFileName());
            } else {
                error("Could not write " + file, problem);
            }
        }));
    }

    /** Starts (or stops) the REST API in front of this window's cluster; the status bar shows its address. */
    @FXML
    void toggleApi() {
        if (api != null) {
            api.close();
            api = null;
            apiItem.setText("Start the REST API on 127.0.0.1:6000");
            model.apiAddressProperty().set("");
            return;
        }
        try {
            api = new io.yakraft.api.ApiServer(driver, "127.0.0.1", 6000);
            apiItem.setText("Stop the REST API (" + api.address() + ")");
            model.apiAddressProperty().set(api.address());
        } catch (java.io.IOException e) {
            error("Could not start the REST API on 127.0.0.1:6000", e.getMessage());
        }
    }

    @FXML
    void quit() {
        stop();
        Platform.exit();
    }

    // ---------------------------------------------------------------- node

    private void onSelected(String verb, Consumer<Integer> then) {
        int id = model.selectedNodeProperty().get();
        if (id < 0) {
            statusFlash("Select a node first (click it on the cluster view or in the table) to " + verb + ".");
            return;
        }
        then.accept(id);
    }

    private void statusFlash(String text) {
        selectionLabel.setText(text);
    }

    @FXML
    void kill() {
        onSelected("kill it", id -> driver.perform(new Action.Kill(NodeRef.node(id))));
    }

    /** A clean stop: a broker's controlled shutdown, a controller's resignation, then the process ends. */
    @FXML
    void stopNode() {
        onSelected("stop it", id -> driver.perform(new Action.Stop(NodeRef.node(id))));
    }

    @FXML
    void killLeader() {
        driver.perform(new Action.Kill(new NodeRef.Leader()));
    }

    @FXML
    void restart() {
        onSelected("restart it", id -> driver.perform(new Action.Restart(NodeRef.node(id), false)));
    }

    @FXML
    void restartEmptyDisk() {
        onSelected("restart it", id -> driver.perform(new Action.Restart(NodeRef.node(id), true)));
    }

    @FXML
    void pauseResume() {
        onSelected("pause or resume it", id -> {
            NodeView v = model.selectedView();
            boolean paused = v != null && v.status() == io.yakraft.sim.NodeStatus.PAUSED;
            driver.perform(paused ? new Action.Resume(NodeRef.node(id)) : new Action.Pause(NodeRef.node(id)));
        });
    }

    @FXML
    void forceTimeout() {
        onSelected("force its timeout", id -> driver.perform(new Action.ForceTimeout(NodeRef.node(id))));
    }

    @FXML
    void resign() {
        driver.perform(new Action.Resign(null));
    }

    @FXML
    void compact() {
        onSelected("compact its log", id -> driver.perform(new Action.Compact(NodeRef.node(id))));
    }

    // ---------------------------------------------------------------- network

    @FXML
    void isolateLeader() {
        driver.perform(new Action.Isolate(new NodeRef.Leader()));
    }

    @FXML
    void isolateSelected() {
        onSelected("isolate it", id -> driver.perform(new Action.Isolate(NodeRef.node(id))));
    }

    @FXML
    void splitMajority() {
        driver.perform(new Action.Partition(new Action.MajorityMinority(null)));
    }

    @FXML
    void bridge() {
        onSelected("use it as the bridge", id -> driver.perform(new Action.Partition(new Action.Bridge(NodeRef.node(id)))));
    }

    @FXML
    void ring() {
        driver.perform(new Action.Partition(new Action.MajoritiesRing()));
    }

    @FXML
    void cutToLeader() {
        onSelected("cut its link to the leader", id -> driver.perform(new Action.Cut(NodeRef.node(id),
                new NodeRef.Leader(), true)));
    }

    @FXML
    void lossy() {
        driver.perform(new Action.Network(0.10, null, null, null));
    }

    @FXML
    void slow() {
        driver.perform(new Action.Network(null, 50L, 200L, null));
    }

    @FXML
    void healAll() {
        driver.perform(Action.Heal.all());
    }

    // ---------------------------------------------------------------- metadata

    private MetadataForms forms() {
        return new MetadataForms(driver, root.getScene().getWindow(), this::statusFlash);
    }

    @FXML
    void preprocessFile() {
        new PreprocessDialog(root.getScene().getWindow(), fileTarget(), background).show();
    }

    /** Data → Feed data into a topic: preview a file through its spec, then feed it as a traced, recorded action. */
    @FXML
    void feedData() {
        new FeedDialog(root.getScene().getWindow(), fileTarget(), driver, background).show();
    }

    @FXML
    void registerBroker() {
        forms().registerBroker();
    }

    @FXML
    void createTopic() {
        forms().createTopic();
    }

    @FXML
    void createPartitions() {
        forms().createPartitions();
    }

    @FXML
    void alterTopicConfig() {
        forms().alterTopicConfig();
    }

    @FXML
    void electPreferredLeaders() {
        forms().electPreferredLeaders();
    }

    @FXML
    void deleteTopic() {
        forms().deleteTopic();
    }

    @FXML
    void registerProducer() {
        forms().registerProducer();
    }

    // ---------------------------------------------------------------- protocol variants

    @FXML private javafx.scene.control.Menu variantMenu;
    private static final javafx.css.PseudoClass BROKEN_PROTOCOL = javafx.css.PseudoClass.getPseudoClass("broken-protocol");

    /** Run → Protocol variant: one item per protocol; picking one restarts the cluster on it (the status bar turns red). */
    private void setUpVariantMenu() {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (io.yakraft.cluster.ProtocolVariant v : io.yakraft.cluster.ProtocolVariants.all()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(v.name()
                    + (v.isDefault() ? " (Kafka's)" : " — " + v.breaks()));
            item.setToggleGroup(group);
            item.setUserData(v.name());
            item.setSelected(v.name().equals(driver.config().variant()));
            item.setOnAction(e -> {
                replication.reset();
                driver.restart(driver.config().withVariant(v.name()));
                statusFlash(v.isDefault() ? "Kafka's protocol again." : "Protocol variant " + v.name() + ": " + v.breaks()
                        + ". Expect " + v.shows() + ".");
            });
            variantMenu.getItems().add(item);
        }
        model.frameProperty().addListener((o, a, f) -> {
            String variant = f == null ? io.yakraft.cluster.ProtocolVariants.DEFAULT : f.config().variant();
            statusLabel.pseudoClassStateChanged(BROKEN_PROTOCOL, !variant.equals(io.yakraft.cluster.ProtocolVariants.DEFAULT));
            group.getToggles().forEach(t -> t.setSelected(variant.equals(t.getUserData())));
        });
    }

    // ---------------------------------------------------------------- scenarios and lessons

    private void setUpLessons() {
        for (String name : io.yakraft.scenario.Lessons.names()) {
            try {
                io.yakraft.scenario.Scenario lesson = io.yakraft.scenario.Lessons.load(name);
                MenuItem item = new MenuItem(lesson.name());
                item.setOnAction(e -> play(lesson));
                lessonsMenu.getItems().add(item);
            } catch (io.yakraft.scenario.ScenarioException e) {
                // a broken built-in lesson is a build error (LessonsTest); keep the menu usable anyway
                MenuItem item = new MenuItem(name + " (invalid: " + e.getMessage() + ")");
                item.setDisable(true);
                lessonsMenu.getItems().add(item);
            }
        }
    }

    /** Plays a scenario in the window from its start, at classroom speed. */
    public void play(io.yakraft.scenario.Scenario scenario) {
        violationNotice = null;
        selectionLabel.setTooltip(null);
        replication.reset();
        logViews.restore();
        windowLayout.restore();
        canvasGrownFor = -1;
        captionClosed = false;
        driver.setSpeed(StudioApp.DEFAULT_SPEED);
        speedSlider.setValue(ClusterViewModel.sliderFromSpeed(driver.speed()));
        driver.play(scenario);
    }

    @FXML
    void openScenario() {
        Path file = fileTarget().open("Open a scenario", "json");
        if (file != null) {
            open(file);
        }
    }

    /** The words shown (in red) while a fuzz failure stands before its violating event {@code event}. */
    private record ViolationNotice(long event, String text) {
    }

    private ViolationNotice violationNotice;
    private static final javafx.css.PseudoClass VIOLATION_NEXT = javafx.css.PseudoClass.getPseudoClass("violation-next");
    private static final javafx.css.PseudoClass VIOLATION_ROW = javafx.css.PseudoClass.getPseudoClass("violation");

    /** Opens a scenario file; a fuzz failure opens paused one event before its violation (gui FILE, File → Open). */
    public void open(Path file) {
        try {
            // read from its path, so a feed's data file beside the scenario is found
            io.yakraft.scenario.Scenario s = io.yakraft.scenario.ScenarioReader.read(file);
            io.yakraft.scenario.FuzzReplay fuzz = s.fuzz();
            if (fuzz == null || fuzz.rule() == null || fuzz.event() < 1) {
                play(s);
                statusFlash("Playing " + file.getFileName());
                return;
            }
            replication.reset();
            captionClosed = false;
            driver.playPausedBefore(s, fuzz.event());
            // the rule first: the line is cut at the pane's width, and the rule is what the person came for
            violationNotice = new ViolationNotice(fuzz.event(), "Next event #" + fuzz.event() + " (t = " + fuzz.atMs()
                    + " ms) breaks " + fuzz.rule() + ". Paused one event before it: Step (.) to see it; step back (,) to go"
                    + " further back.");
            selectionLabel.setTooltip(new javafx.scene.control.Tooltip(s.description()));
        } catch (io.yakraft.scenario.ScenarioException e) {
            error("This scenario cannot be played", e.getMessage());
        }
    }

    /** After a lesson ended: its caption closes and the panes return to where they start. */
    @FXML
    void closeCaption() {
        captionClosed = true;
        Frame f = model.frameProperty().get();
        if (f != null) {
            showScenario(f.scenario());
        }
    }

    @FXML
    void proceedScenario() {
        driver.proceed();
    }

    @FXML
    void nextScenarioStep() {
        driver.nextStep();
    }

    private void showScenario(ScenarioStatus s) {
        if (s == null || !s.finished()) {
            captionClosed = false;
        }
        boolean on = s != null && !captionClosed;
        captionBar.setVisible(on);
        captionBar.setManaged(on);
        if (captionShown && !on) {
            canvasGrownFor = -1;
            windowLayout.restore(); // the lesson is over: the panes go back where they were
            logViews.restore();
        }
        if (on) {
            logViews.follow(s.view()); // a caption may ask for the partition view
        }
        captionShown = on;
        if (narrationBar == null) {
            narrationBar = new NarrationBar(driver, captionBar, toolBar, replication::reset);
        }
        if (!on) {
            narrationBar.showSlowMotion();
            return;
        }
        closeCaptionButton.setVisible(s.finished());
        closeCaptionButton.setManaged(s.finished());
        narrationBar.show(s);
        captionLabel.setText(s.caption().isEmpty() ? s.name() : s.caption());
        boolean mayContinue = s.heldByCaption() && s.asked() == null; // a question waits for a pick
        continueButton.setVisible(mayContinue);
        continueButton.setManaged(mayContinue);
        nextStepButton.setVisible(!s.finished());
        nextStepButton.setManaged(!s.finished());
        scenarioProgress.setText(s.name() + "  ·  step " + Math.min(s.stepsPlayed(), s.totalSteps()) + " of " + s.totalSteps()
                + (s.finished() ? " (finished)" : "") + "  ·  expectations: " + s.passed() + " passed, " + s.failed() + " failed"
                + (s.lastExpectation().isEmpty() ? "" : "  ·  " + s.lastExpectation()));
        scenarioProgress.getStyleClass().removeAll("caption-failed");
        if (s.failed() > 0) {
            scenarioProgress.getStyleClass().add("caption-failed");
        }
    }

    // ---------------------------------------------------------------- view and export

    @FXML
    void togglePalette() {
        RolePalette.setColourBlindSafe(paletteItem.isSelected());
    }

    /** Selects a side tab: 0 Nodes, 1 Brokers, 2 Topics, 3 Partitions, 4 Producers, 5 Records. */
    public void showTab(int index) {
        ((ToggleButton) sideTabs.getChildren().get(index)).setSelected(true);
    }

    private void setUpTimeline() {
        timelineHost.getChildren().add(timelineCanvas);
        Tooltip.install(timelineHost, new Tooltip("Click or drag to rewind to that moment (replayed deterministically);"
                + " Run → Step back one event (,) goes back one event"));
        timelineCanvas.widthProperty().bind(timelineHost.widthProperty());
        timelineCanvas.heightProperty().bind(timelineHost.heightProperty());
        timelineCanvas.setOnMouseDragged(e -> timelinePreview = timeAt(e.getX()));
        timelineCanvas.setOnMousePressed(e -> timelinePreview = timeAt(e.getX()));
        timelineCanvas.setOnMouseReleased(e -> {
            long t = timeAt(e.getX());
            timelinePreview = -1;
            replication.reset();
            driver.rewindTo(t);
        });
    }

    private long timeAt(double x) {
        Frame f = model.frameProperty().get();
        return f == null ? 0 : TimelineRenderer.timeAt(x, timelineCanvas.getWidth(), f.horizon());
    }

    @FXML
    void stepBack() {
        replication.reset();
        driver.stepBack();
    }

    @FXML
    void rewindToStart() {
        replication.reset();
        driver.rewindTo(0);
    }

    private void setUpSideTabs() {
        sidePageList = List.copyOf(sidePages.getChildren());
        for (int i = 0; i < sideTabs.getChildren().size(); i++) {
            ToggleButton tab = (ToggleButton) sideTabs.getChildren().get(i);
            tab.setToggleGroup(sideTabGroup);
            javafx.scene.Node page = sidePageList.get(i);
            page.visibleProperty().bind(tab.selectedProperty());
            tab.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    attachSidePage(page);
                }
            });
        }
        // only the first page is in the first frame: the hidden tables' styles, skins and layout
        // cost more than the rest of the window; they join once it is drawn (attachSidePages)
        sidePages.getChildren().setAll(sidePageList.get(0));
        // one tab is always selected: clicking the selected one keeps it
        sideTabGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        showTab(0);
    }

    private boolean metadataTablesBound;

    /** The side panel's pages in tab order, whether they are in the scene yet or not. */
    private List<javafx.scene.Node> sidePageList;

    /** Puts a side page into the scene (once), at its place in tab order. */
    private void attachSidePage(javafx.scene.Node page) {
        if (sidePages.getChildren().contains(page)) {
            return;
        }
        if (!metadataTablesBound) {
            // the metadata tables' columns and rows wait with their pages (the view-model keeps its rows meanwhile)
            metadataTablesBound = true;
            MetadataPanel.bind(metadata, brokerTable, topicTable, partitionTable, producerTable, recordTable);
        }
        int at = 0;
        for (javafx.scene.Node p : sidePageList) {
            if (p == page) {
                break;
            }
            if (sidePages.getChildren().contains(p)) {
                at++;
            }
        }
        sidePages.getChildren().add(at, page);
    }

    /**
     * After the first frame: every side page joins the scene, hidden, so the window's tables all
     * exist (a tab then shows at once, and a lookup by id finds every table).
     */
    private void attachSidePages() {
        sidePageList.forEach(this::attachSidePage);
    }

    /** View → a tab: the menu item's userData is the tab's index. */
    @FXML
    void showTabOfItem(javafx.event.ActionEvent e) {
        showTab(Integer.parseInt(String.valueOf(((MenuItem) e.getSource()).getUserData())));
    }

    @FXML
    void toggleLabels() {
        renderer.setShowLabels(labelsItem.isSelected());
    }

    @FXML
    void togglePresenter() {
        boolean on = presenterItem.isSelected();
        if (on == windowLayout.presenter()) {
            return;
        }
        // the canvas scales, not only the text: nodes (through the layout), labels, message glyphs, log cells
        renderer.setScale(on ? PRESENTER_SCALE : 1.0);
        replication.setScale(on ? PRESENTER_SCALE : 1.0);
        replication.zoom(on ? 2.0 : 0.5);
        logViews.setScale(on ? PRESENTER_SCALE : 1.0);
        logViews.zoom(on ? PRESENTER_SCALE : 1 / PRESENTER_SCALE);
        if (on) {
            root.getStyleClass().add("presenter");
            root.getScene().getStylesheets().add(StudioApp.stylesheet("presenter.css")); // menus and tooltips too
        } else {
            root.getStyleClass().remove("presenter");
            root.getScene().getStylesheets().removeIf(sheet -> sheet.endsWith("presenter.css"));
        }
        windowLayout.setPresenter(on);
        drawerButton.setVisible(on);
        drawerButton.setManaged(on);
        drawerButton.setSelected(false);
        // the buttons presenter mode's larger text pushed into the toolbar's overflow menu missed the style
        // change there and came back with that text (the toolbar stayed 9 px taller): give them the toolbar again
        Platform.runLater(() -> toolBar.getItems().setAll(List.copyOf(toolBar.getItems())));
    }

    /** How much presenter mode enlarges the canvas drawing (and the window's text, in the style sheet). */
    static final double PRESENTER_SCALE = 1.6;

    /** Presenter mode: the drawer with the tables and the event log opens or closes. */
    @FXML
    void toggleDrawer() {
        if (!windowLayout.presenter()) {
            drawerButton.setSelected(false);
            return;
        }
        windowLayout.toggleDrawer();
        drawerButton.setSelected(windowLayout.drawerOpen());
    }

    @FXML
    void toggleDark() {
        boolean on = darkItem.isSelected();
        renderer.setDark(on);
        replication.setDark(on);
        logViews.setDark(on);
        timeline.setDark(on);
        var sheets = root.getScene().getStylesheets();
        sheets.removeIf(s -> s.endsWith("light.css") || s.endsWith("dark.css"));
        sheets.add(StudioApp.stylesheet(on ? "dark.css" : "light.css"));
    }

    @FXML
    void exportPng() {
        Path file = fileTarget().choose("Export the window as PNG", "yakraft.png", "png");
        if (file == null) {
            return;
        }
        try {
            Exporter.png(root, file);
            statusFlash("Saved " + file);
        } catch (java.io.IOException e) {
            error("Could not write " + file, e.getMessage());
        }
    }

    @FXML
    void exportTrace() {
        Path file = fileTarget().choose("Export the trace as JSON lines", "trace.jsonl", "jsonl");
        if (file == null) {
            return;
        }
        driver.exportTrace(file, problem -> Platform.runLater(() -> {
            if (problem == null) {
                statusFlash("Saved the trace to " + file);
            } else {
                error("Could not write " + file, problem);
            }
        }));
    }

    private FileTarget fileTarget() {
        return files != null ? files : FileTarget.dialog(root.getScene().getWindow());
    }

    private void error(String header, String detail) {
        Alert a = new Alert(Alert.AlertType.ERROR, detail, ButtonType.OK);
        a.setHeaderText(header);
        a.show();
    }

    void stop() {
        if (api != null) {
            api.close();
        }
        KafkaMenu.of(root).stop();
        timer.stop();
    }

    // ---------------------------------------------------------------- engineered moments, help, welcome

    @FXML
    void splitVote() {
        new EngineeredForms(root.getScene().getWindow(), driver, this::statusFlash).splitVote(model.selectedNodeProperty().get());
    }

    @FXML
    void addController() {
        new VoterForms(root.getScene().getWindow(), driver, this::statusFlash).addController();
    }

    @FXML
    void addVoter() {
        new VoterForms(root.getScene().getWindow(), driver, this::statusFlash).addVoter(model.selectedNodeProperty().get());
    }

    @FXML
    void removeVoter() {
        new VoterForms(root.getScene().getWindow(), driver, this::statusFlash).removeVoter(model.selectedNodeProperty().get());
    }

    @FXML
    void dropMessage() {
        new EngineeredForms(root.getScene().getWindow(), driver, this::statusFlash).dropMessage(model.selectedNodeProperty().get());
    }

    /** The shortcut sheet's rows, read from the menus' accelerators (and the scene's own keys). */
    List<ShortcutSheet.Row> shortcutRows() {
        return ShortcutSheet.rows(menuBar);
    }

    @FXML
    void showShortcuts() {
        if (shortcutSheet != null && shortcutSheet.isShowing()) {
            shortcutSheet.toFront();
            return;
        }
        shortcutSheet = ShortcutSheet.show(root.getScene().getWindow(), shortcutRows());
    }

    @FXML
    void showGlossary() {
        StringBuilder text = new StringBuilder();
        for (Glossary.Entry e : Glossary.ENTRIES) {
            text.append(text.length() == 0 ? "" : "\n\n").append(e.line());
        }
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text.toString());
        area.setId("glossaryText");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(640, 520);
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        a.initOwner(root.getScene().getWindow());
        a.setTitle("Glossary");
        a.setHeaderText("The words of KRaft in this window (their tooltips say the same)");
        a.getDialogPane().setContent(area);
        a.show();
    }

    /**
     * The welcome card over the window: the cluster waits paused until a choice is made. {@code
     * remember} hears the "Show this card at start" box.
     */
    void showWelcome(boolean showAtStart, Consumer<Boolean> remember) {
        driver.setPaused(true);
        welcome = new WelcomeCard(root.getScene().getWindow(), shortcutRows(), showAtStart, new WelcomeCard.Choices() {
            @Override
            public void freePlay() {
                driver.setPaused(false);
                canvas.requestFocus();
            }

            @Override
            public void lesson(io.yakraft.scenario.Scenario lesson) {
                play(lesson);
                canvas.requestFocus();
            }

            @Override
            public void showAtStart(boolean on) {
                remember.accept(on);
            }
        });
        welcome.show();
    }

    private void setUpGlossaryTips() {
        for (javafx.scene.control.TableView<?> t : List.of(nodeTable, eventTable, brokerTable, topicTable, partitionTable,
                producerTable, recordTable)) {
            GlossaryTips.onHeaders(t);
        }
        GlossaryTips.onText(captionLabel);
    }
}
