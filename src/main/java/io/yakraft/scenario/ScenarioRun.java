package io.yakraft.scenario;

import io.yakraft.check.InvariantChecker;
import io.yakraft.cluster.Cluster;

import java.util.List;

/** A scenario played headless from start to end, with every invariant checked on the way. */
public record ScenarioRun(Scenario scenario, List<StepReport> reports, List<String> answers, long simulatedMs, long events,
                          String traceSha256) {

    public static ScenarioRun play(Scenario scenario) {
        Cluster cluster = new Cluster(scenario.cluster());
        new InvariantChecker(cluster);
        cluster.start();
        ScenarioPlayer player = new ScenarioPlayer(scenario, cluster);
        List<StepReport> reports = player.playToEnd();
        return new ScenarioRun(scenario, reports, player.answers(), cluster.now(), cluster.simulation().eventCount(),
                cluster.simulation().trace().sha256());
    }

    public List<StepReport> expectations() {
        return reports.stream().filter(StepReport::expectation).toList();
    }

    public boolean passed() {
        return expectations().stream().allMatch(StepReport::passed);
    }
}
