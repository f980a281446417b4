package io.yakraft.kafka.metalog;

import io.yakraft.kafka.KafkaLib;
import io.yakraft.kafka.LocalCluster;
import io.yakraft.kafka.LocalNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The records of a local real cluster's metadata log, read from a controller's log directory
 * ({@code data/__cluster_metadata-0/*.log}) and decoded with Kafka's own serde. The decoding runs in a class loader
 * over Kafka's jars in {@code kafka-lib} (plus this app's code, for {@link SegmentDecoder}), because the app ships
 * only kafka-clients: the metadata serde lives in kafka-metadata and kafka-server-common. The loader is made on
 * first use, so nothing of it is loaded unless a real cluster's log is asked for.
 */
public final class MetadataLogReader implements AutoCloseable {
    /**
     * One record: offset, the leader epoch of its batch, its type ("… (control)" for KRaft's own) and its fields;
     * {@code snapshot} names the snapshot file it came from ("" for the log; a snapshot's offsets count from 0 inside it).
     */
    public record Entry(long offset, int epoch, String type, String fields, String snapshot) {
        public Entry(long offset, int epoch, String type, String fields) {
            this(offset, epoch, type, fields, "");
        }

        public boolean inSnapshot() {
            return !snapshot.isEmpty();
        }
    }

    private final URLClassLoader loader;
    private final BiFunction<String, long[], List<String[]>> decoder;

    private final java.util.function.Function<byte[], List<String[]>> batches;

    private MetadataLogReader(URLClassLoader loader, BiFunction<String, long[], List<String[]>> decoder,
                              java.util.function.Function<byte[], List<String[]>> batches) {
        this.loader = loader;
        this.decoder = decoder;
        this.batches = batches;
    }

    /** A reader over the given Kafka jars. */
    @SuppressWarnings("unchecked")
    public static MetadataLogReader open(KafkaLib lib) {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib.dir())) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
            urls.add(MetadataLogReader.class.getProtectionDomain().getCodeSource().getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Kafka's jars in " + lib.dir(), e);
        }
        // the platform loader as parent: Kafka's classes come from kafka-lib only, never from the app's shaded copy
        URLClassLoader loader = new URLClassLoader("kafka-metadata-log", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        try {
            Class<?> c = Class.forName(SegmentDecoder.class.getName(), true, loader);
            Class<?> b = Class.forName(BatchDecoder.class.getName(), true, loader);
            return new MetadataLogReader(loader, (BiFunction<String, long[], List<String[]>>) c.getDeclaredConstructor().newInstance(),
                    (java.util.function.Function<byte[], List<String[]>>) b.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            close(loader);
            throw new IllegalStateException("cannot load Kafka's metadata serde from " + lib.dir() + ": " + e, e);
        }
    }

    /** The metadata log directory of a local cluster's node (a controller's holds the quorum's log). */
    public static Path logDir(LocalCluster cluster, LocalNode node) {
        return cluster.nodeDir(node).resolve("data").resolve("__cluster_metadata-0");
    }

    /**
     * The last {@code limit} records, oldest first: the directory's segments, preceded by the snapshot that covers the
     * log's deleted prefix when there is one (so the log still reads from the start).
     */
    public List<Entry> read(Path metadataLogDir, int limit) {
        return read(metadataLogDir, limit, false);
    }

    /** As {@link #read(Path, int)}; {@code fromNewestSnapshot}: the newest snapshot's records, then the log after its end offset. */
    public List<Entry> read(Path metadataLogDir, int limit, boolean fromNewestSnapshot) {
        if (!Files.isDirectory(metadataLogDir)) {
            throw new IllegalArgumentException("no metadata log in " + metadataLogDir);
        }
        List<Entry> out = new ArrayList<>();
        for (String[] row : decoder.apply(metadataLogDir.toString(), new long[]{limit, fromNewestSnapshot ? SegmentDecoder.FROM_NEWEST_SNAPSHOT : 0})) {
            out.add(new Entry(Long.parseLong(row[0]), row[1].equals("-") ? -1 : Integer.parseInt(row[1]), row[2], row[3], row[4]));
        }
        return out;
    }

    /** The records of fetched batches (a Fetch response's records, as {@link io.yakraft.kafka.MetadataFetch} gets them). */
    public List<Entry> decode(byte[] recordBatches) {
        List<Entry> out = new ArrayList<>();
        for (String[] row : batches.apply(recordBatches)) {
            out.add(new Entry(Long.parseLong(row[0]), row[1].equals("-") ? -1 : Integer.parseInt(row[1]), row[2], row[3], row[4]));
        }
        return out;
    }

    /**
     * Waits until the directory holds a finished snapshot ({@code .checkpoint}) that the controller wrote itself; a
     * controller writes one on its own schedule (metadata.log.max.snapshot.interval.ms), so real time is waited on
     * here. The bootstrap checkpoint the storage tool writes at offset 0 (voters only) does not count. True when one
     * appeared in time.
     */
    /** The end offset in the bootstrap checkpoint's file name (Kafka's Snapshots.BOOTSTRAP_SNAPSHOT_ID is 0-0). */
    private static final String BOOTSTRAP_CHECKPOINT_OFFSET = "00000000000000000000-";

    public static boolean awaitSnapshot(Path metadataLogDir, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Stream<Path> files = Files.list(metadataLogDir)) {
                if (files.map(p -> p.getFileName().toString())
                        .anyMatch(n -> n.endsWith(".checkpoint") && !n.startsWith(BOOTSTRAP_CHECKPOINT_OFFSET))) {
                    return true;
                }
            } catch (IOException e) {
                // not there yet (a controller still formatting); asked again below
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    @Override
    public void close() {
        close(loader);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // the jars stay open until the loader is collected; nothing else depends on it
        }
    }
}
