package io.yakraft.session;

import io.yakraft.scenario.ScenarioPlayer;
import io.yakraft.scenario.StepReport;

/** What the caption bar shows of the scenario being played: immutable, published with each frame. */
public record ScenarioStatus(String name, String caption, boolean heldByCaption, int stepsPlayed, int totalSteps,
                             int passed, int failed, String lastExpectation) {

    public static ScenarioStatus of(ScenarioPlayer p) {
        int passed = 0;
        int failed = 0;
        String last = "";
        for (StepReport r : p.reports()) {
            if (r.expectation()) {
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                }
                last = (r.passed() ? "✔ " : "✘ ") + r.description() + " — " + r.message();
            }
        }
        return new ScenarioStatus(p.scenario().name(), p.caption(), p.heldByCaption(), p.nextStep(),
                p.scenario().steps().size(), passed, failed, last);
    }

    public boolean finished() {
        return stepsPlayed >= totalSteps;
    }
}
