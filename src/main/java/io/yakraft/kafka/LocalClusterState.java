package io.yakraft.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code kafka up} leaves in the cluster directory ({@code cluster.json}) so later commands
 * ({@code status}, {@code kill}, {@code restart}, {@code down}) and the window find the processes:
 * the cluster id, the Kafka jars used, and every node with its port and process id.
 */
public record LocalClusterState(String clusterId, String kafkaLib, List<LocalNode> nodes) {
    public static final String FILE_NAME = "cluster.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LocalClusterState {
        nodes = List.copyOf(nodes);
    }

    public static LocalClusterState load(Path clusterDir) throws IOException {
        Path file = clusterDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no local Kafka cluster in " + clusterDir + " (" + FILE_NAME + " is missing; start one with `kafka up`)");
        }
        try {
            return JSON.readValue(file.toFile(), LocalClusterState.class);
        } catch (IOException e) {
            throw new IOException(file + ": not a cluster state file (" + e.getMessage() + ")", e);
        }
    }

    public void save(Path clusterDir) throws IOException {
        Path tmp = clusterDir.resolve(FILE_NAME + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, clusterDir.resolve(FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public LocalNode node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id + " in this cluster; its nodes are "
                        + nodes.stream().map(n -> String.valueOf(n.id())).toList()));
    }

    public LocalClusterState with(LocalNode changed) {
        List<LocalNode> out = new ArrayList<>();
        for (LocalNode n : nodes) {
            out.add(n.id() == changed.id() ? changed : n);
        }
        return new LocalClusterState(clusterId, kafkaLib, out);
    }

    /** This state with one more node (ids are unique: {@link NewNodes#checkFree} was asked first). */
    public LocalClusterState plus(LocalNode added) {
        List<LocalNode> out = new ArrayList<>(nodes);
        out.add(added);
        return new LocalClusterState(clusterId, kafkaLib, out);
    }

    public List<LocalNode> controllers() {
        return nodes.stream().filter(n -> n.role() == NodeRole.CONTROLLER).toList();
    }

    public List<LocalNode> brokers() {
        return nodes.stream().filter(n -> n.role() == NodeRole.BROKER).toList();
    }
}
