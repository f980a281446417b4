package io.yakraft.sim;

/** Process state of a simulated node as the kernel sees it. */
public enum NodeStatus {
    UP, DOWN, PAUSED
}
