package io.yakraft.scenario;

import io.yakraft.cluster.ClusterConfig;

import java.util.List;

/** A scripted session: a name, the cluster it runs on, and its steps in order. */
public record Scenario(String name, String description, ClusterConfig cluster, List<Step> steps) {
    public Scenario {
        steps = List.copyOf(steps);
    }
}
