package io.yakraft.scenario;

import io.yakraft.cluster.ClusterConfig;

import java.util.List;

/**
 * A scripted session: a name, the cluster it runs on, and its steps in order. {@code slowMotion}:
 * whether the window slows down at key events while it plays (wall-clock pacing only).
 */
public record Scenario(String name, String description, ClusterConfig cluster, List<Step> steps, boolean slowMotion,
                       FuzzReplay fuzz, boolean stopAtViolation) {
    public Scenario {
        steps = List.copyOf(steps);
    }

    /** A scenario that replays no fuzz simulation. */
    public Scenario(String name, String description, ClusterConfig cluster, List<Step> steps, boolean slowMotion) {
        this(name, description, cluster, steps, slowMotion, null, true);
    }

    public Scenario(String name, String description, ClusterConfig cluster, List<Step> steps) {
        this(name, description, cluster, steps, true);
    }

    /** The questions the scenario asks, in order. */
    public List<Question> questions() {
        return steps.stream().filter(s -> s.question() != null).map(Step::question).toList();
    }
}
