package io.yakraft.scenario;

import io.yakraft.check.FuzzPlan;

/**
 * The fuzz simulation a scenario file replays (its {@code "fuzz"} section): the plan armed on the
 * cluster when the scenario starts, and what the campaign saw break ({@code rule} at simulated
 * {@code atMs}, event {@code event}; rule null when the file names none), so the window can open
 * it paused one event before.
 */
public record FuzzReplay(FuzzPlan plan, String rule, long atMs, long event) {
}
