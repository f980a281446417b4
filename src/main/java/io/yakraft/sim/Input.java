package io.yakraft.sim;

/**
 * A timed input from outside the simulation (a click, a scenario step, a REST call, a fault).
 * The action must itself be deterministic; its description goes into the trace.
 */
public record Input(String description, Runnable action) {
    /**
     * A periodic check that leaves no trace line of its own (its description is empty); whatever
     * it does is traced by what it calls. Keeps a trace free of a line every few hundred ms.
     */
    public static Input quiet(Runnable action) {
        return new Input("", action);
    }

    public boolean quiet() {
        return description.isEmpty();
    }
}
