package io.yakraft.session;

import io.yakraft.scenario.Narration;
import io.yakraft.scenario.Question;
import io.yakraft.scenario.ScenarioPlayer;
import io.yakraft.scenario.StepReport;

import java.util.List;

/**
 * What the caption bar shows of the scenario being played: immutable, published with each frame.
 * {@code narration} is on screen now and {@code history} every caption and question so far (each
 * a rewind target); {@code asked} a question waiting for an answer, {@code revealed} one answered
 * ({@code picked}: the choice picked); {@code heldForReading}: the lesson waits for the audience
 * to finish reading before it moves on.
 */
public record ScenarioStatus(String name, String caption, boolean heldByCaption, int stepsPlayed, int totalSteps,
                             int passed, int failed, String lastExpectation, Narration narration, List<Narration> history,
                             Question asked, Question revealed, int picked, boolean heldForReading) {

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
                p.scenario().steps().size(), passed, failed, last, p.narration(), p.history(), p.asked(), p.revealed(),
                p.picked(), p.heldForReading());
    }

    public boolean finished() {
        return stepsPlayed >= totalSteps;
    }
}
