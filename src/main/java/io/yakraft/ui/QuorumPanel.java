package io.yakraft.ui;

import io.yakraft.cluster.ClusterSnapshot;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

import static io.yakraft.ui.Tables.column;

/**
 * The Quorum tab: the leader's DescribeQuorum answer (Kafka's fields) with each node's own log
 * end beside the one the leader believes, filled from each frame.
 */
final class QuorumPanel {
    private final Label headline = new Label();
    private final TableView<QuorumRows.Row> table = new TableView<>();
    private final ObservableList<QuorumRows.Row> rows = FXCollections.observableArrayList();

    QuorumPanel(VBox page) {
        headline.getStyleClass().add("selection-label");
        headline.setWrapText(true);
        headline.setId("quorumHeadline");
        table.setId("quorumTable");
        table.setFocusTraversable(false);
        table.setSelectionModel(null);
        table.getColumns().setAll(List.of(
                column("Replica", QuorumRows.Row::replica, 60),
                column("Kind", QuorumRows.Row::kind, 65),
                column("Leader\nknows LEO", QuorumRows.Row::leaderKnowsEnd, 80),
                column("Node\nholds LEO", QuorumRows.Row::holdsEnd, 80),
                column("Last fetch", QuorumRows.Row::lastFetch, 95),
                column("Last caught up", QuorumRows.Row::lastCaughtUp, 110)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(rows);
        table.setPlaceholder(new Label("Only a leader describes the quorum"));
        VBox.setVgrow(table, Priority.ALWAYS);
        page.setSpacing(4);
        page.getChildren().setAll(headline, table);
    }

    void update(ClusterSnapshot s) {
        if (s == null) {
            return;
        }
        headline.setText(QuorumRows.headline(s));
        List<QuorumRows.Row> now = QuorumRows.rows(s);
        if (!now.equals(rows)) {
            rows.setAll(now);
        }
    }
}
