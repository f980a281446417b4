package io.yakraft.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.Action;

/**
 * One step of a scenario, as read from its file ({@code line}/{@code column} point at it).
 * When it starts: {@code atMs} (absolute simulated time), else {@code afterMs} after the previous
 * step, else at once; with {@code waitFor} it then waits (up to {@code timeoutMs}) for a check to
 * hold. What it does: {@code action} with its {@code args} as written (null action: a pure wait),
 * and {@code typed}, the action built from them (null for a wait, an 'expect' or a 'question').
 * {@code shows} (captions and questions, else null) names the state the narration speaks of, so a
 * pacing report can tell how long it is visible; {@code proves} (expectations, else null) names
 * the question whose answer this expectation shows; {@code question} is a question step's;
 * {@code view} (captions and questions, else null) is the view the window should show beside the
 * cluster from this step on, which the simulation never sees.
 */
public record Step(int index, long line, long column, long atMs, long afterMs, Check waitFor, long timeoutMs,
                   String action, ObjectNode args, Action typed, Check shows, String proves, Question question,
                   ViewHint view) {

    /** A step that asks for no particular view. */
    public Step(int index, long line, long column, long atMs, long afterMs, Check waitFor, long timeoutMs,
                String action, ObjectNode args, Action typed, Check shows, String proves, Question question) {
        this(index, line, column, atMs, afterMs, waitFor, timeoutMs, action, args, typed, shows, proves, question, null);
    }

    /** Passive steps only look at the cluster: a caption being read never holds them. */
    public boolean passive() {
        return "expect".equals(action);
    }

    /** A short human name: "kill leader", "expect leaderElected", "wait for brokerUnfenced". */
    public String describe() {
        if (action == null) {
            return "wait for " + waitFor.describe();
        }
        if (action.equals("expect")) {
            return "expect " + Check.of(args).describe();
        }
        if (question != null) {
            return "question " + question.id() + ": " + question.text();
        }
        return describe(action, args);
    }

    /** "kill node=leader": the action and its fields in order; also the trace's words for the action's input. */
    static String describe(String action, ObjectNode args) {
        StringBuilder sb = new StringBuilder(action);
        args.fields().forEachRemaining(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue().isTextual()
                ? e.getValue().asText() : e.getValue().toString()));
        return sb.toString();
    }
}
