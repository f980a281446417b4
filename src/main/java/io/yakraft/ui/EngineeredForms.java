package io.yakraft.ui;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.MessageKind;
import io.yakraft.cluster.NodeRef;
import io.yakraft.cluster.NodeView;
import io.yakraft.cluster.Outcome;
import io.yakraft.session.LiveSession;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The window's forms for the engineered moments: "Split vote…" (two voters time out together) and
 * "Drop next message…" (one message of a kind on a link is lost). A refusal is shown in the form
 * in the cluster's words; success closes it and says what was done.
 */
final class EngineeredForms {
    private final Window owner;
    private final LiveSession driver;
    private final Consumer<String> status;

    EngineeredForms(Window owner, LiveSession driver, Consumer<String> status) {
        this.owner = owner;
        this.driver = driver;
        this.status = status;
    }

    void splitVote(int selected) {
        List<String> voters = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        int leader = driver.latest().snapshot().leaderId();
        for (NodeView v : driver.latest().snapshot().nodes()) {
            if (v.voter()) {
                voters.add("n" + v.id());
                if (v.id() != leader && v.status() == io.yakraft.sim.NodeStatus.UP) { // who could stand now
                    candidates.add("n" + v.id());
                }
            }
        }
        ComboBox<String> first = choice(voters, "splitFirst");
        ComboBox<String> second = choice(voters, "splitSecond");
        String a = selected >= 0 && candidates.contains("n" + selected) ? "n" + selected : candidates.isEmpty() ? null : candidates.get(0);
        first.setValue(a);
        second.setValue(candidates.stream().filter(c -> !c.equals(a)).findFirst().orElse(null));
        new CommandForm(owner, "Split vote", "Both voters' election timers (a follower's: its fetch timeout) run out at the"
                + " same instant: they start pre-votes together and stand in one epoch. With the leader gone and no third voter"
                + " to break the tie, each votes for itself and neither wins; randomized timeouts settle it later.")
                .field("First voter", first, "splitFirst").field("Second voter", second, "splitSecond")
                .show(done -> {
                    NodeRef x = NodeRef.node(id("First voter", first.getValue()));
                    NodeRef y = NodeRef.node(id("Second voter", second.getValue()));
                    driver.perform(new Action.SplitVote(List.of(x, y)), o -> done.accept(problem(o)), r -> { });
                }, () -> status.accept("Split vote: " + first.getValue() + " and " + second.getValue() + " time out together."));
    }

    void dropMessage(int selected) {
        List<String> nodes = new ArrayList<>();
        driver.latest().snapshot().nodes().forEach(v -> nodes.add("n" + v.id()));
        int leader = driver.latest().snapshot().leaderId();
        ComboBox<String> from = choice(nodes, "dropFrom");
        ComboBox<String> to = choice(nodes, "dropTo");
        List<String> kinds = new ArrayList<>();
        for (MessageKind k : MessageKind.values()) {
            kinds.add(k.label());
        }
        ComboBox<String> kind = choice(kinds, "dropKind");
        from.setValue(leader >= 0 ? "n" + leader : nodes.isEmpty() ? null : nodes.get(0));
        to.setValue(selected >= 0 && selected != leader ? "n" + selected
                : nodes.stream().filter(n -> !n.equals(from.getValue())).findFirst().orElse(null));
        kind.setValue(MessageKind.FETCH_RESPONSE.label());
        new CommandForm(owner, "Drop next message", "The next message of this kind on the link from → to (one on its way"
                + " now, else the next one sent) is lost when it arrives. Only that one: the link stays up.")
                .field("From", from, "dropFrom").field("To", to, "dropTo").field("Kind", kind, "dropKind")
                .show(done -> {
                    MessageKind k = io.yakraft.scenario.MessageKinds.parse(required("Kind", kind.getValue()));
                    driver.perform(new Action.DropMessage(NodeRef.node(id("From", from.getValue())),
                            NodeRef.node(id("To", to.getValue())), k), o -> done.accept(problem(o)), r -> { });
                }, () -> status.accept("The next " + kind.getValue() + " on " + from.getValue() + "→" + to.getValue()
                        + " will be dropped."));
    }

    private static ComboBox<String> choice(List<String> items, String id) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        return box;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": choose one");
        }
        return value;
    }

    private static int id(String field, String value) {
        return Integer.parseInt(required(field, value).substring(1));
    }

    /** The refusal in words, or null when the cluster did it. */
    private static String problem(Outcome o) {
        return o instanceof Outcome.Refused r ? r.describe() : null;
    }
}
