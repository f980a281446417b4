package io.yakraft.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.util.Duration;

/**
 * Puts the {@link Glossary}'s meanings where its words appear: on the column headers of the
 * window's tables and on the caption bar's narration. A header's text stays as it is; the
 * tooltip is installed on the header node the table's skin draws.
 */
final class GlossaryTips {
    /** Where a header or label keeps the term it explains (tests and the sheet read it). */
    static final String TERM_KEY = "yakraft.glossary";

    private GlossaryTips() {
    }

    /** Tooltips on every header of {@code table} that names a glossary term, now and whenever the skin redraws its headers. */
    static void onHeaders(TableView<?> table) {
        Runnable install = () -> Platform.runLater(() -> installOnHeaders(table));
        table.skinProperty().addListener((o, a, skin) -> install.run());
        table.getColumns().addListener((javafx.collections.ListChangeListener<Object>) c -> install.run());
        table.sceneProperty().addListener((o, a, scene) -> install.run());
        install.run();
    }

    private static void installOnHeaders(TableView<?> table) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() != null && !h.getProperties().containsKey(TERM_KEY)) {
                Glossary.Entry e = Glossary.forHeader(h.getTableColumn().getText());
                if (e != null) {
                    h.getProperties().put(TERM_KEY, e.term());
                    Tooltip.install(h, tip(e.line()));
                }
            }
        }
    }

    /** Keeps {@code label}'s tooltip on the glossary words its text holds (none: no tooltip). */
    static void onText(Label label) {
        label.textProperty().addListener((o, a, text) -> explain(label, text));
        explain(label, label.getText());
    }

    private static void explain(Label label, String text) {
        String words = Glossary.tooltipFor(text);
        if (words == null) {
            label.setTooltip(null);
            label.getProperties().remove(TERM_KEY);
        } else if (label.getTooltip() == null || !words.equals(label.getTooltip().getText())) {
            label.setTooltip(tip(words));
            label.getProperties().put(TERM_KEY, words);
        }
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(460);
        t.setShowDelay(Duration.millis(250));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }
}
