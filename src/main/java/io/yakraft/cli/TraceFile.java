package io.yakraft.cli;

import io.yakraft.sim.TraceEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes trace records as JSON lines ({@code --trace FILE} of sim and run); buffered, closed with the run. */
final class TraceFile implements AutoCloseable {
    private final BufferedWriter out;

    TraceFile(Path path) throws IOException {
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    void write(TraceEvent e) {
        try {
            out.write(e.toJsonLine());
            out.write('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
