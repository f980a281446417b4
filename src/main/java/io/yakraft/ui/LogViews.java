package io.yakraft.ui;

import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.scenario.ViewHint;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

import java.util.List;

/**
 * The pane under the cluster: two views of two different logs, one at a time. "Metadata log"
 * draws every node's copy of the KRaft log (its HW is the metadata HW); "Partition logs" draws
 * the replicas of one topic-partition picked in the combo (its HW is the partition HW). A lesson
 * may ask for a view (a caption's {@code "view"}); the person can switch back at any time.
 */
final class LogViews {
    private final ToggleButton metadataTab;
    private final ToggleButton partitionTab;
    private final ComboBox<String> partitionBox;
    private final Label summary;
    private final StackPane replicationHost;
    private final StackPane partitionHost;
    private final Canvas partitionCanvas = new Canvas(800, 200);
    private final PartitionRenderer renderer = new PartitionRenderer();
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private PartitionPicture picture;
    /** The last hint a lesson gave, so each hint switches the view once and the person may switch away. */
    private ViewHint followed;

    LogViews(ToggleButton metadataTab, ToggleButton partitionTab, ComboBox<String> partitionBox, Label summary,
             StackPane replicationHost, StackPane partitionHost) {
        this.metadataTab = metadataTab;
        this.partitionTab = partitionTab;
        this.partitionBox = partitionBox;
        this.summary = summary;
        this.replicationHost = replicationHost;
        this.partitionHost = partitionHost;
        ToggleGroup group = new ToggleGroup();
        metadataTab.setToggleGroup(group);
        partitionTab.setToggleGroup(group);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true); // one view is always shown
            }
        });
        replicationHost.visibleProperty().bind(metadataTab.selectedProperty());
        partitionHost.visibleProperty().bind(partitionTab.selectedProperty());
        partitionBox.visibleProperty().bind(partitionTab.selectedProperty());
        partitionBox.managedProperty().bind(partitionTab.selectedProperty());
        summary.visibleProperty().bind(partitionTab.selectedProperty());
        summary.managedProperty().bind(partitionTab.selectedProperty());
        metadataTab.setSelected(true);
        partitionBox.setItems(choices);
        partitionBox.valueProperty().addListener((o, a, b) -> renderer.reset());
        partitionHost.getChildren().add(partitionCanvas);
        partitionCanvas.widthProperty().bind(partitionHost.widthProperty());
        partitionCanvas.heightProperty().bind(partitionHost.heightProperty());
        partitionCanvas.setOnScroll(e -> {
            if (e.isControlDown()) {
                renderer.zoom(e.getDeltaY() > 0 ? 1.25 : 0.8);
            } else {
                double delta = e.getDeltaX() != 0 ? -e.getDeltaX() : e.getDeltaY();
                renderer.scroll((long) Math.signum(delta) * Math.max(1, (long) (40 / renderer.cellWidth())));
            }
        });
        Tooltip.install(partitionHost, new Tooltip("Each row is a broker's replica of the partition, each cell a record"
                + " coloured by the leader epoch that wrote it. Thick line: that replica's partition HW; blue: its LEO;"
                + " faded: records above the partition HW. The ISR is the controller's (committed metadata)."
                + " Wheel scrolls back, Ctrl+wheel zooms."));
    }

    /** Draws the partition view from the snapshot (the metadata log view draws itself). */
    void draw(ClusterSnapshot s, long nanos) {
        List<String> now = PartitionPicture.choices(s);
        if (!now.equals(choices)) {
            String kept = partitionBox.getValue();
            choices.setAll(now);
            partitionBox.setValue(kept);
        }
        if (partitionBox.getValue() == null && !choices.isEmpty()) {
            partitionBox.setValue(choices.get(0));
        }
        if (!partitionTab.isSelected()) {
            return;
        }
        picture = PartitionPicture.of(s, partitionBox.getValue());
        String line = picture == null ? "" : picture.summary();
        if (!line.equals(summary.getText())) {
            summary.setText(line);
        }
        renderer.draw(partitionCanvas.getGraphicsContext2D(), picture, partitionCanvas.getWidth(),
                partitionCanvas.getHeight(), nanos);
    }

    /** Follows a lesson's hint once: a new hint switches the view (and picks its partition). */
    void follow(ViewHint hint) {
        if (hint == null || hint.equals(followed)) {
            return;
        }
        followed = hint;
        switch (hint.show()) {
            case METADATA -> metadataTab.setSelected(true);
            case PARTITION -> showPartition(hint.partition());
            default -> throw new IllegalStateException("unknown view " + hint.show());
        }
    }

    /** Shows the partition view of {@code name} ("topic-n"), even before the partition exists. */
    void showPartition(String name) {
        if (!choices.contains(name)) {
            choices.add(name);
        }
        partitionBox.setValue(name);
        partitionTab.setSelected(true);
    }

    /** Back to the metadata log view, forgetting the lesson's hint (a lesson ended or starts). */
    void restore() {
        followed = null;
        metadataTab.setSelected(true);
    }

    boolean showingPartition() {
        return partitionTab.isSelected();
    }

    /** What the partition view drew last (null when it shows no partition). */
    PartitionPicture picture() {
        return picture;
    }

    void setScale(double s) {
        renderer.setScale(s);
    }

    void zoom(double factor) {
        renderer.zoom(factor);
    }

    void setDark(boolean on) {
        renderer.setDark(on);
    }

    void reset() {
        renderer.reset();
    }

    PartitionRenderer renderer() {
        return renderer;
    }
}
