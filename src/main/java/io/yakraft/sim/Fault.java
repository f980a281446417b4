package io.yakraft.sim;

/** A change in a node's life the kernel makes: its first start, and the faults injected into it. */
public enum Fault {
    /** The node's first boot when it joins the simulation; not a fault, listed so every FAULT record has a value. */
    STARTED,
    CRASHED,
    /** Shut down cleanly (a broker after its controlled shutdown, a controller after resigning): disk kept. */
    STOPPED,
    RESTARTED_FROM_DISK,
    RESTARTED_EMPTY_DISK,
    PAUSED,
    RESUMED;

    /** True for everything injected from outside, false for the first start. */
    public boolean injected() {
        return this != STARTED;
    }
}
