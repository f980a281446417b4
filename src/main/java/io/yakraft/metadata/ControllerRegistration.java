package io.yakraft.metadata;

import java.util.List;

/** A controller as the image knows it from its RegisterControllerRecord (Kafka's ControllerRegistration). */
public record ControllerRegistration(int id, Uuid incarnationId, List<MetadataRecord.Endpoint> listeners,
                                     List<MetadataRecord.FeatureRange> supportedFeatures) {
    public ControllerRegistration {
        listeners = List.copyOf(listeners);
        supportedFeatures = List.copyOf(supportedFeatures);
    }
}
