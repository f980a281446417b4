package io.yakraft.session;

import io.yakraft.scenario.Narration;
import io.yakraft.scenario.Question;
import io.yakraft.scenario.ScenarioPlayer;
import io.yakraft.scenario.Step;
import io.yakraft.scenario.StepReport;
import io.yakraft.scenario.ViewHint;

import java.util.List;

/**
 * What the caption bar shows of the scenario being played: immutable, published with each frame.
 * {@code narration} is on screen now and {@code history} every caption and question so far (each
 * a rewind target); {@code asked} a question waiting for an answer, {@code revealed} one answered
 * ({@code picked}: the choice picked); {@code heldForReading}: the lesson waits for the audience
 * to finish reading before it moves on; {@code view} the view the lesson last asked the window to
 * show beside the cluster (null when it asked for none), which only the window reads.
 */
public record ScenarioStatus(String name, String caption, boolean heldByCaption, int stepsPlayed, int totalSteps,
                             int passed, int failed, String lastExpectation, Narration narration, List<Narration> history,
                             Question asked, Question revealed, int picked, boolean heldForReading, ViewHint view) {

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
                p.picked(), p.heldForReading(), viewOf(p));
    }

    /** The view hint of the latest step played that has one, or null. */
    private static ViewHint viewOf(ScenarioPlayer p) {
        List<Step> steps = p.scenario().steps();
        for (int i = Math.min(p.nextStep(), steps.size()) - 1; i >= 0; i--) {
            if (steps.get(i).view() != null) {
                return steps.get(i).view();
            }
        }
        return null;
    }

    public boolean finished() {
        return stepsPlayed >= totalSteps;
    }
}
