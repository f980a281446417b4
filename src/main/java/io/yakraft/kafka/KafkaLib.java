package io.yakraft.kafka;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where Kafka's own jars are for the node processes: {@code target/kafka-lib} beside the app's jar (or
 * beside {@code target/classes} in a build), filled by the build's maven-dependency-plugin. The app
 * never loads these classes itself; it starts {@code java -cp kafka-lib/*} processes with them.
 * {@code -Dyakraft.kafka.lib=DIR} or {@code YAKRAFT_KAFKA_LIB} point elsewhere.
 */
public record KafkaLib(Path dir) {

    /** Finds the directory or explains where it looked and how to make it. */
    public static KafkaLib locate() {
        String explicit = System.getProperty("yakraft.kafka.lib", System.getenv("YAKRAFT_KAFKA_LIB"));
        Path candidate = explicit != null ? Path.of(explicit) : besideTheApp();
        if (candidate == null || !Files.isDirectory(candidate) || !containsKafka(candidate)) {
            throw new IllegalStateException("Kafka's jars were not found in " + candidate
                    + " (expected kafka_2.13-4.3.1.jar and its dependencies; `mvn package` copies them to target/kafka-lib,"
                    + " or set -Dyakraft.kafka.lib=DIR)");
        }
        return new KafkaLib(candidate.toAbsolutePath().normalize());
    }

    /** The java command line's class path for a node process. */
    public String classPath() {
        return dir.resolve("*").toString();
    }

    /** The java launcher of the running JVM, so the nodes run on the same Java. */
    public static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path besideTheApp() {
        try {
            Path codeSource = Path.of(KafkaLib.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/yakraft.jar or target/classes: both have target/ as parent
            Path parent = codeSource.toAbsolutePath().getParent();
            return parent == null ? null : parent.resolve("kafka-lib");
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static boolean containsKafka(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }
}
