package io.yakraft.ui;

import io.yakraft.sim.TraceEvent;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes what the window shows to files: a PNG of a node (the whole window) and the trace. */
public final class Exporter {
    private Exporter() {
    }

    /** Renders {@code node} as it is on screen into a PNG file. Call on the FX thread. */
    public static void png(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(null, null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** The trace records as JSON lines, the same format as {@code sim --trace}. */
    public static void trace(List<TraceEvent> events, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (TraceEvent e : events) {
                w.write(e.toJsonLine());
                w.write('\n');
            }
        }
    }
}
