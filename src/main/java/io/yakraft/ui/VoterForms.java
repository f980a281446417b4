package io.yakraft.ui;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.NodeRef;
import io.yakraft.cluster.NodeView;
import io.yakraft.cluster.Outcome;
import io.yakraft.session.LiveSession;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Node menu's forms for dynamic controller quorums (KIP-853): start a new controller (an
 * observer on a fresh disk), add a controller to the voter set, remove one. A refusal (Kafka's
 * error: DUPLICATE_VOTER, a change still uncommitted, a new voter not caught up) stays in the form.
 */
final class VoterForms {
    private final Window owner;
    private final LiveSession driver;
    private final Consumer<String> status;

    VoterForms(Window owner, LiveSession driver, Consumer<String> status) {
        this.owner = owner;
        this.driver = driver;
        this.status = status;
    }

    void addController() {
        int next = 1;
        List<Integer> taken = new ArrayList<>();
        driver.latest().snapshot().nodes().forEach(v -> taken.add(v.id()));
        while (taken.contains(next)) {
            next++;
        }
        TextField id = new TextField(String.valueOf(next));
        new CommandForm(owner, "Add controller", "Starts a new controller process on a freshly formatted disk (a new"
                + " directory id). It fetches the log as an observer; add it as a voter once it has caught up.")
                .field("Controller id", id, "controllerId")
                .show(done -> {
                    int c = CommandForm.integer("Controller id", id.getText(), 1, ClusterConfig.FIRST_OBSERVER_ID - 1);
                    driver.perform(new Action.AddController(c), o -> done.accept(problem(o)), r -> { });
                }, () -> status.accept("Controller n" + id.getText().trim() + " started as an observer."));
    }

    void addVoter(int selected) {
        voterChange(selected, true);
    }

    void removeVoter(int selected) {
        voterChange(selected, false);
    }

    private void voterChange(int selected, boolean add) {
        List<String> controllers = new ArrayList<>();
        for (NodeView v : driver.latest().snapshot().nodes()) {
            if (v.voter()) {
                controllers.add("n" + v.id());
            }
        }
        ComboBox<String> node = new ComboBox<>(FXCollections.observableArrayList(controllers));
        node.setId(add ? "addVoterNode" : "removeVoterNode");
        node.setValue(selected >= 0 && controllers.contains("n" + selected) ? "n" + selected
                : controllers.isEmpty() ? null : controllers.get(controllers.size() - 1));
        String title = add ? "Add voter" : "Remove voter";
        String help = add ? "AddRaftVoter: the leader adds the controller, on the disk it runs now, to the voter set once it"
                + " is a caught-up observer. One change at a time: the previous one must be committed."
                : "RemoveRaftVoter: the leader writes a voter set without it. A leader that removes itself leads until"
                + " that record is committed, then resigns.";
        new CommandForm(owner, title, help).field("Controller", node, node.getId())
                .show(done -> {
                    String v = node.getValue();
                    if (v == null || v.isBlank()) {
                        throw new IllegalArgumentException("Controller: choose one");
                    }
                    NodeRef ref = NodeRef.node(Integer.parseInt(v.substring(1)));
                    driver.perform(add ? new Action.AddVoter(ref) : new Action.RemoveVoter(ref), o -> done.accept(problem(o)),
                            r -> { });
                }, () -> status.accept(title + " " + node.getValue() + ": done when the VotersRecord is committed."));
    }

    /** The refusal in words, or null when the cluster did it. */
    private static String problem(Outcome o) {
        return o instanceof Outcome.Refused r ? r.describe() : null;
    }
}
