package io.yakraft.scenario;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.Outcome;
import io.yakraft.metadata.ControllerReply;

import java.util.function.Consumer;

/**
 * An action the window, the API or a recording's replay performs now: it reads in the trace
 * as the same action does in a scenario file ("kill node=n2", from {@link ActionJson#describe}),
 * which is what lets a recorded session replay to the same trace hash.
 */
public final class LiveAction {
    private LiveAction() {
    }

    /**
     * Schedules it as a timed input at the cluster's current time (see {@link Actions#asInput});
     * {@code outcome} hears what happened, {@code replies} a controller command's answer.
     */
    public static void asInput(Action action, Cluster c, Consumer<Outcome> outcome, Consumer<ControllerReply> replies) {
        Actions.asInput(action, ActionJson.describe(action), c, outcome, replies);
    }
}
