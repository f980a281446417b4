package io.yakraft.cluster;

import io.yakraft.metadata.QuorumController;

import java.util.SplittableRandom;

/** Builds the quorum controller of a controller node; tests pass deliberately broken variants here. */
@FunctionalInterface
public interface QuorumControllerFactory {
    QuorumController create(long sessionTimeoutMs, SplittableRandom random);

    QuorumControllerFactory KAFKA = QuorumController::new;
}
