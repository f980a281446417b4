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

    /** How the action reads in the trace. */
    public static String describe(ObjectNode json) {
        return step(json).describe();
    }

    /** Applies it; {@code replies} hears a controller command's answer. Returns what happened, in words. */
    public static String apply(ObjectNode json, Cluster c, Consumer<ControllerReply> replies) {
        return Actions.apply(step(json), c, answer -> { }, replies);
    }
}
