package io.yakraft.ui;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.MessageView;
import io.yakraft.cluster.NodeRef;
import io.yakraft.cluster.NodeView;
import io.yakraft.ui.ClusterLayout.Point;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

import java.util.List;
import java.util.function.Consumer;

/**
 * What sits on the cluster canvas besides the drawing: the backdrop layer under it (background
 * and links, redrawn only when they change), the picked node's state card, and the popover
 * with a message's fields (the message under the pointer, or the one clicked). Also the
 * right-click menus of a message in flight (drop it) and of a link (cut or heal it). Its
 * labels are updated only when their text or place changes, never rebuilt per frame.
 */
final class CanvasOverlay {
    private static final String CARD_STYLE = "-fx-background-color: rgba(255,255,252,0.94); -fx-text-fill: #222222;"
            + " -fx-border-color: #0072B2; -fx-border-width: 1.5; -fx-background-radius: 6; -fx-border-radius: 6;"
            + " -fx-padding: 6 9 6 9; -fx-font-size: %.1fpx;";
    private static final String TIP_STYLE = "-fx-background-color: rgba(34,34,34,0.92); -fx-text-fill: white;"
            + " -fx-background-radius: 5; -fx-padding: 5 8 5 8; -fx-font-size: %.1fpx;";

    private final Canvas front;
    private final Canvas backdrop = new Canvas(800, 500);
    private final Pane layer = new Pane();
    private final Label card = new Label();
    private final Label popover = new Label();
    private final Consumer<Action> perform;
    private double mouseX = -1;
    private double mouseY = -1;
    /** The message clicked: its popover stays while it flies; -1 for none. */
    private long pinned = -1;
    private boolean cardClosed;
    private double fontPx = -1;
    private Object cardKey;
    private ClusterLayout.Box cardBox;

    CanvasOverlay(StackPane host, Canvas front, Consumer<Action> perform) {
        this.front = front;
        this.perform = perform;
        backdrop.widthProperty().bind(host.widthProperty());
        backdrop.heightProperty().bind(host.heightProperty());
        backdrop.setMouseTransparent(true);
        host.getChildren().add(host.getChildren().indexOf(front), backdrop);
        layer.setMouseTransparent(true);
        layer.setPickOnBounds(false);
        card.setId("nodeCard");
        popover.setId("messagePopover");
        card.setVisible(false);
        popover.setVisible(false);
        layer.getChildren().addAll(card, popover);
        host.getChildren().add(layer);
        front.setOnMouseMoved(e -> {
            mouseX = e.getX();
            mouseY = e.getY();
        });
        front.setOnMouseExited(e -> {
            mouseX = -1;
            mouseY = -1;
        });
    }

    Canvas backdrop() {
        return backdrop;
    }

    /** A primary click on a message pins its popover; a click on nothing closes the card and the popover. */
    void pin(long messageId) {
        pinned = messageId;
    }

    void clickedNothing() {
        pinned = -1;
        cardClosed = true;
    }

    /** A node was picked: its card shows again. */
    void nodePicked() {
        cardClosed = false;
    }

    Label card() {
        return card;
    }

    Label popover() {
        return popover;
    }

    /** The right-click menu of a message in flight. */
    ContextMenu messageMenu(MessageView m) {
        ContextMenu menu = new ContextMenu();
        MenuItem drop = new MenuItem("Drop this message (" + m.label() + " n" + m.from() + " → n" + m.to() + ")");
        drop.setId("dropInFlight");
        drop.setOnAction(e -> perform.accept(new Action.DropInFlight(m.id())));
        MenuItem show = new MenuItem("Show its fields");
        show.setOnAction(e -> pin(m.id()));
        menu.getItems().addAll(drop, show);
        return menu;
    }

    /** The right-click menu of a link: cut or heal it both ways, or cut one direction. */
    ContextMenu linkMenu(int a, int b, boolean abCut, boolean baCut) {
        ContextMenu menu = new ContextMenu();
        NodeRef na = NodeRef.node(a);
        NodeRef nb = NodeRef.node(b);
        if (abCut || baCut) {
            MenuItem heal = new MenuItem("Heal link n" + a + " ↔ n" + b);
            heal.setId("healLink");
            heal.setOnAction(e -> perform.accept(new Action.Heal(na, nb)));
            menu.getItems().add(heal);
        }
        if (!(abCut && baCut)) {
            MenuItem cut = new MenuItem("Cut link n" + a + " ↔ n" + b);
            cut.setId("cutLink");
            cut.setOnAction(e -> perform.accept(new Action.Cut(na, nb, false)));
            menu.getItems().add(cut);
        }
        if (!abCut) {
            MenuItem one = new MenuItem("Cut n" + a + " → n" + b + " only");
            one.setOnAction(e -> perform.accept(new Action.Cut(na, nb, true)));
            menu.getItems().add(one);
        }
        if (!baCut) {
            MenuItem one = new MenuItem("Cut n" + b + " → n" + a + " only");
            one.setOnAction(e -> perform.accept(new Action.Cut(nb, na, true)));
            menu.getItems().add(one);
        }
        return menu;
    }

    /** The message in flight with this id in the snapshot, or null. */
    static MessageView message(ClusterSnapshot s, long id) {
        if (id < 0) {
            return null;
        }
        for (MessageView m : s.inFlight()) {
            if (m.id() == id) {
                return m;
            }
        }
        return null;
    }

    /** Brings the card and the popover up to the frame just drawn. */
    void update(ClusterSnapshot s, ClusterLayout layout, ClusterRenderer renderer, int selected, double scale) {
        double px = 12 * scale;
        if (px != fontPx) {
            fontPx = px;
            card.setStyle(String.format(java.util.Locale.ROOT, CARD_STYLE, px));
            popover.setStyle(String.format(java.util.Locale.ROOT, TIP_STYLE, px));
        }
        NodeView picked = selected < 0 || cardClosed ? null : find(s, selected);
        if (picked == null || layout.position(selected) == null) {
            card.setVisible(false);
        } else {
            setText(card, String.join("\n", NodeCard.lines(picked, s)));
            double w = card.prefWidth(-1);
            double h = card.prefHeight(w);
            // placing searches the canvas when it is crowded: only again when something it depends on moved
            List<Object> key = List.of(selected, Math.ceil(w / 20), Math.ceil(h / 15), layout.width(), layout.height(),
                    scale, renderer.calloutBoxes());
            if (!key.equals(cardKey)) {
                cardKey = key;
                cardBox = layout.placeBeside(selected, Math.ceil(w / 20) * 20, Math.ceil(h / 15) * 15, renderer.calloutBoxes());
            }
            ClusterLayout.Box b = cardBox;
            place(card, b.x(), b.y(), w, h);
            card.setVisible(true);
        }
        MessageView m = message(s, pinned);
        if (m == null) {
            pinned = -1;
            m = mouseX < 0 ? null : message(s, renderer.messageAt(mouseX, mouseY));
        }
        Point p = m == null ? null : renderer.messagePosition(m.id());
        if (p == null) {
            popover.setVisible(false);
            return;
        }
        setText(popover, String.join("\n", MessageFields.lines(m, s.now())));
        double w = popover.prefWidth(-1);
        double h = popover.prefHeight(w);
        double x = Math.max(0, Math.min(front.getWidth() - w, p.x() + 14 * scale));
        double y = Math.max(0, Math.min(front.getHeight() - h, p.y() + 14 * scale));
        place(popover, x, y, w, h);
        popover.setVisible(true);
    }

    private static NodeView find(ClusterSnapshot s, int id) {
        for (NodeView n : s.nodes()) {
            if (n.id() == id) {
                return n;
            }
        }
        return null;
    }

    private static void setText(Label l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    private static void place(Label l, double x, double y, double w, double h) {
        if (l.getLayoutX() != x || l.getLayoutY() != y || l.getWidth() != w || l.getHeight() != h) {
            l.resizeRelocate(x, y, w, h);
        }
    }

    static List<String> cardLines(Label card) {
        return card.isVisible() ? List.of(card.getText().split("\n")) : List.of();
    }
}
