package io.yakraft.cluster;

import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerReply;

/** The controller's answer to a {@link ControllerRequest}, sent once its records are committed. */
public record ControllerResponse(long correlationId, ControllerCommand command, ControllerReply reply) {
}
