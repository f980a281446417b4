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

    public boolean passed() {
        return expectations().stream().allMatch(StepReport::passed);
    }
}
