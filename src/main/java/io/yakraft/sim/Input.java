package io.yakraft.sim;

/**
 * A timed input from outside the simulation (a click, a scenario step, a REST call, a fault).
 * The action must itself be deterministic; its description goes into the trace.
 */
public record Input(String description, Runnable action) {
}
