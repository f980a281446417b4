package io.yakraft.scenario;

import io.yakraft.check.InvariantChecker;
import io.yakraft.cluster.Cluster;

import java.util.List;
import java.util.function.Consumer;

/** A scenario played headless from start to end, with every invariant checked on the way. */
public record ScenarioRun(Scenario scenario, List<StepReport> reports, List<String> answers, long simulatedMs, long events,
                          String traceSha256) {

    public static ScenarioRun play(Scenario scenario) {
        return play(scenario, c -> { });
    }

    /** Plays the scenario; {@code setup} sees the cluster before it starts (e.g. to listen to its trace). */
    public static ScenarioRun play(Scenario scenario, Consumer<Cluster> setup) {
        Cluster cluster = new Cluster(scenario.cluster());
        new InvariantChecker(cluster);
        setup.accept(cluster);
        cluster.start();
        ScenarioPlayer player = new ScenarioPlayer(scenario, cluster);
        List<StepReport> reports = player.playToEnd();
        return new ScenarioRun(scenario, reports, player.answers(), cluster.now(), cluster.eventCount(),
                cluster.traceSha256());
    }

    public List<StepReport> expectations() {
        return reports.stream().filter(StepReport::expectation).toList();
    }

    /** A question and whether a later expectation tied to it ({@code "proves"}) passed. */
    public record QuestionResult(Question question, int provedAtStep) {
        public boolean proved() {
            return provedAtStep > 0;
        }
    }

    /**
     * Every question the scenario asked, each proved when an expectation naming it in
     * {@code "proves"} played and passed (all its reports, a wait included).
     */
    public List<QuestionResult> questions() {
        List<QuestionResult> out = new java.util.ArrayList<>();
        for (Step q : scenario.steps()) {
            if (q.question() == null || reports.stream().noneMatch(r -> r.step() == q.index() + 1)) {
                continue;
            }
            int proved = 0;
            for (Step s : scenario.steps()) {
                if (q.question().id().equals(s.proves()) && s.index() > q.index() && proved == 0) {
                    List<StepReport> mine = reports.stream().filter(r -> r.step() == s.index() + 1 && r.expectation()).toList();
                    if (!mine.isEmpty() && mine.stream().allMatch(StepReport::passed)) {
                        proved = s.index() + 1;
                    }
                }
            }
            out.add(new QuestionResult(q.question(), proved));
        }
        return out;
    }

    /** Every expectation passed and every question asked was proved. */
    public boolean passed() {
        return expectations().stream().allMatch(StepReport::passed) && questions().stream().allMatch(QuestionResult::proved);
    }
}
