package io.yakraft.metadata;

import java.util.List;

/** A registered broker as the image knows it; {@code logDirs} are its log directories' ids. */
public record BrokerRegistration(int id, long epoch, Uuid incarnationId, List<MetadataRecord.Endpoint> listeners,
                                 String rack, boolean fenced, boolean inControlledShutdown, List<Uuid> logDirs) {
    public BrokerRegistration {
        listeners = List.copyOf(listeners);
        logDirs = List.copyOf(logDirs);
    }

    public BrokerRegistration(int id, long epoch, Uuid incarnationId, List<MetadataRecord.Endpoint> listeners,
                              String rack, boolean fenced, boolean inControlledShutdown) {
        this(id, epoch, incarnationId, listeners, rack, fenced, inControlledShutdown, List.of());
    }

    BrokerRegistration withFenced(boolean f) {
        return new BrokerRegistration(id, epoch, incarnationId, listeners, rack, f, inControlledShutdown, logDirs);
    }

    BrokerRegistration withControlledShutdown(boolean s) {
        return new BrokerRegistration(id, epoch, incarnationId, listeners, rack, fenced, s, logDirs);
    }

    BrokerRegistration withLogDirs(List<Uuid> dirs) {
        return new BrokerRegistration(id, epoch, incarnationId, listeners, rack, fenced, inControlledShutdown, dirs);
    }

    /**
     * The directory a new replica on this broker goes to, as ClusterControlManager.defaultDir: its
     * only directory, MIGRATING when it registered none, UNASSIGNED when it has several.
     */
    public Uuid defaultDir() {
        if (logDirs.size() == 1) {
            return logDirs.get(0);
        }
        return logDirs.isEmpty() ? DirectoryIds.MIGRATING : DirectoryIds.UNASSIGNED;
    }
}
