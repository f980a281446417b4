package io.yakraft.metadata;

import java.util.List;

/** A registered broker as the image knows it. */
public record BrokerRegistration(int id, long epoch, Uuid incarnationId, List<MetadataRecord.Endpoint> listeners,
                                 String rack, boolean fenced, boolean inControlledShutdown) {
    public BrokerRegistration {
        listeners = List.copyOf(listeners);
    }

    BrokerRegistration withFenced(boolean f) {
        return new BrokerRegistration(id, epoch, incarnationId, listeners, rack, f, inControlledShutdown);
    }

    BrokerRegistration withControlledShutdown(boolean s) {
        return new BrokerRegistration(id, epoch, incarnationId, listeners, rack, fenced, s);
    }
}
