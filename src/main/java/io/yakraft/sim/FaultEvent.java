package io.yakraft.sim;

/** The detail of a FAULT record: what happened to the node and its incarnation
 * (the new one after a start or restart, else the one the fault hit). */
public record FaultEvent(Fault fault, int incarnation) implements TraceDetail {

    public FaultEvent {
        if (fault == null) {
            throw new IllegalArgumentException("a fault event needs a fault");
        }
    }
}
