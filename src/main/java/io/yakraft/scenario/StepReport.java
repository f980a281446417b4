package io.yakraft.scenario;

/**
 * What one step did. {@code expectation} is true for {@code expect} steps and for waits (a wait
 * that times out fails); {@code passed} is meaningful for those.
 */
public record StepReport(int step, long line, long simulatedMs, String description, boolean expectation, boolean passed,
                         String message) {
}
