package io.yakraft.scenario;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.Outcome;
import io.yakraft.metadata.ControllerReply;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Schedules an action as a timed input of the simulation: the one way actions enter a run,
 * whether a scenario plays them, a person clicks, or a recording replays them, so all three
 * give the same trace. The cluster carries the action out ({@link Cluster#apply}).
 */
final class Actions {
    private Actions() {
    }

    /**
     * Schedules {@code action} at the cluster's current time, traced as {@code description};
     * {@code outcome} hears what happened once the input runs, {@code replies} a controller
     * command's later answer.
     */
    static void asInput(Action action, String description, Cluster c, Consumer<Outcome> outcome,
                        Consumer<ControllerReply> replies) {
        c.at(c.now(), description, cl -> outcome.accept(applied(cl, action, description, replies)));
    }

    /**
     * The cluster carries the action out; an exception while it does is this action's refusal,
     * caught here where the action enters the run, so one bad input never stops the cluster.
     */
    static Outcome applied(Cluster c, Action action, String description, Consumer<ControllerReply> replies) {
        try {
            return c.apply(action, replies);
        } catch (RuntimeException e) {
            return refusal(description, e);
        }
    }

    /** The words for an action that failed while it was carried out: what, and why, without a stack trace. */
    static Outcome.Refused refusal(String description, RuntimeException e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return new Outcome.Refused(io.yakraft.cluster.ErrorCode.ACTION_FAILED, description, "could not be carried out: " + why);
    }

    /**
     * As {@link #asInput(Action, String, Cluster, Consumer, Consumer)}, and {@code answers} hears
     * each controller answer as a line ("createTopic orders: ok") for a scenario's 'answered' check.
     */
    static void answered(Action action, String description, Cluster c, Consumer<String> answers, Consumer<Outcome> outcome) {
        c.at(c.now(), description, cl -> {
            // an answer can come before apply returns (no active controller): it waits for the outcome's words
            List<ControllerReply> early = new ArrayList<>();
            String[] subject = new String[1];
            Outcome o = applied(cl, action, description, r -> {
                if (subject[0] == null) {
                    early.add(r);
                } else {
                    answers.accept(subject[0] + ": " + words(r));
                }
            });
            subject[0] = answerSubject(o);
            early.forEach(r -> answers.accept(subject[0] + ": " + words(r)));
            outcome.accept(o);
        });
    }

    /** What an answer line names: the command, or the broker that asked for producer ids. */
    private static String answerSubject(Outcome o) {
        if (o instanceof Outcome.CommandSent s) {
            return s.command().describe();
        }
        if (o instanceof Outcome.ProducerIdsRequested p) {
            return "registerProducer b" + p.brokerId();
        }
        return o.describe(); // no other outcome is answered later
    }

    private static String words(ControllerReply r) {
        return r.ok() ? "ok" : r.error() + " (" + r.message() + ")";
    }
}
