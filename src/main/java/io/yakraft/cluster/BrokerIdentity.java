package io.yakraft.cluster;

import io.yakraft.metadata.MetadataRecord;

import java.util.List;

/** How a broker presents itself when it registers: its listener and (optional) rack. */
public record BrokerIdentity(String host, int port, String rack) {

    public BrokerIdentity {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        rack = rack == null || rack.isBlank() ? null : rack;
    }

    /** What the built-in brokers use: host "broker-ID", Kafka's port 9092, no rack. */
    public static BrokerIdentity defaultFor(int id) {
        return new BrokerIdentity("broker-" + id, 9092, null);
    }

    List<MetadataRecord.Endpoint> listeners() {
        return List.of(new MetadataRecord.Endpoint("PLAINTEXT", host, port, MetadataRecord.SecurityProtocol.PLAINTEXT));
    }
}
