package io.yakraft.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.Cluster;
import io.yakraft.metadata.ControllerReply;

import java.util.function.Consumer;

/**
 * An action the window performs now, in the scenario vocabulary ({"action": "kill", "node": "n2"}):
 * it reads in the trace and acts exactly as the same step does when a scenario plays it, which
 * is what lets a recorded session replay to the same trace hash.
 */
public final class LiveAction {
    private LiveAction() {
    }

    private static Step step(ObjectNode json) {
        ObjectNode args = json.deepCopy();
        String action = args.remove("action").asText();
        if (!Vocabulary.ACTIONS.containsKey(action) || action.equals("expect")) {
            throw new IllegalArgumentException("not a live action: " + action);
        }
        return new Step(-1, 0, 0, -1, -1, null, 0, action, args);
    }

    /**
     * Schedules it as a timed input at the cluster's current time (see {@link Actions#asInput});
     * {@code outcome} hears what happened in words, {@code replies} a controller command's answer.
     */
    public static void asInput(ObjectNode json, Cluster c, Consumer<String> outcome, Consumer<ControllerReply> replies) {
        Actions.asInput(step(json), c, answer -> { }, replies, outcome);
    }
}
