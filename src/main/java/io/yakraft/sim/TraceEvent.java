package io.yakraft.sim;

/**
 * One immutable line of the trace. {@code node} is -1 for cluster-wide happenings.
 * {@code reason} is written for a person ("vote rejected: candidate's last epoch 3 < ours 4").
 * For message events (send, deliver, drop, duplicate) {@code peer} is the other end and
 * {@code messageId} the envelope's id, so a view can point at the link and the message;
 * both are -1 otherwise. {@code detail} is the typed part code classifies by
 * ({@link TraceDetail#NONE} when there is none); it stays in memory and out of the JSON line, so
 * adding or changing details never changes a trace hash.
 */
public record TraceEvent(long seq, long time, int node, TraceKind kind, String reason, int peer, long messageId,
                         TraceDetail detail) {

    public TraceEvent {
        if (detail == null) {
            throw new IllegalArgumentException("a trace event's detail is TraceDetail.NONE, never null");
        }
    }

    public TraceEvent(long seq, long time, int node, TraceKind kind, String reason) {
        this(seq, time, node, kind, reason, -1, -1, TraceDetail.NONE);
    }

    public TraceEvent(long seq, long time, int node, TraceKind kind, String reason, TraceDetail detail) {
        this(seq, time, node, kind, reason, -1, -1, detail);
    }

    public TraceEvent(long seq, long time, int node, TraceKind kind, String reason, int peer, long messageId) {
        this(seq, time, node, kind, reason, peer, messageId, TraceDetail.NONE);
    }

    /** One JSON object on one line; the canonical form that the trace hash is taken over (the detail is not in it). */
    public String toJsonLine() {
        StringBuilder sb = new StringBuilder(64 + reason.length());
        sb.append("{\"seq\":").append(seq)
          .append(",\"t\":").append(time)
          .append(",\"node\":").append(node)
          .append(",\"kind\":\"").append(kind.name()).append('"');
        if (peer >= 0) {
            sb.append(",\"peer\":").append(peer);
        }
        if (messageId >= 0) {
            sb.append(",\"msg\":").append(messageId);
        }
        sb.append(",\"reason\":\"");
        appendEscaped(sb, reason);
        return sb.append("\"}").toString();
    }

    private static void appendEscaped(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return String.format("%8d ms  n%-3s %-14s %s", time, node < 0 ? "-" : String.valueOf(node), kind, reason);
    }
}
