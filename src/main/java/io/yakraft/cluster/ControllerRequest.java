package io.yakraft.cluster;

import io.yakraft.metadata.ControllerCommand;

/** A broker's request to the controller it believes active, on the simulated network. */
public record ControllerRequest(long correlationId, ControllerCommand command) {
}
