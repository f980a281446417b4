package io.yakraft.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The run's trace. When disabled nothing is formatted (the fast path for benchmarks); when
 * enabled every record is hashed (SHA-256 over its JSON line plus '\n') and handed to the
 * listeners. The hash equals the SHA-256 of the JSON-lines file the same trace would write.
 */
public final class Trace {
    private final boolean enabled;
    private final MessageDigest digest;
    private final List<TraceListener> listeners = new ArrayList<>();
    private long seq;

    public Trace(boolean enabled) {
        this.enabled = enabled;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public void addListener(TraceListener listener) {
        listeners.add(listener);
    }

    public void record(long time, int node, TraceKind kind, String reason) {
        record(time, node, kind, reason, -1, -1, TraceDetail.NONE);
    }

    /** A record with a typed detail for the code that classifies it. */
    public void record(long time, int node, TraceKind kind, String reason, TraceDetail detail) {
        record(time, node, kind, reason, -1, -1, detail);
    }

    /**
     * A message event: {@code peer} is the other end, {@code messageId} the envelope (-1 when none
     * was made), {@code detail} what happened to it and its type.
     */
    public void record(long time, int node, TraceKind kind, String reason, int peer, long messageId, TraceDetail detail) {
        if (!enabled) {
            return;
        }
        TraceEvent event = new TraceEvent(seq++, time, node, kind, reason, peer, messageId, detail);
        digest.update(event.toJsonLine().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        for (TraceListener l : listeners) {
            l.onTrace(event);
        }
    }

    /** Number of records so far. */
    public long size() {
        return seq;
    }

    /** SHA-256 (hex) of every record so far; the run can continue afterwards. */
    public String sha256() {
        try {
            MessageDigest copy = (MessageDigest) digest.clone();
            return HexFormat.of().formatHex(copy.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest not cloneable", e);
        }
    }
}
