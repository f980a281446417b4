package io.yakraft.metadata;

/** The producer ids [{@code firstProducerId}, {@code nextProducerId}) last granted to a broker. */
public record ProducerIdBlock(int brokerId, long brokerEpoch, long firstProducerId, long nextProducerId) {
}
