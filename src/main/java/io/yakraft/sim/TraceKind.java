package io.yakraft.sim;

/** What a trace record is about. */
public enum TraceKind {
    SEND, DELIVER, DROP, DUPLICATE, TIMER, ROLE, VOTE, APPEND, TRUNCATE, HIGH_WATERMARK, SNAPSHOT,
    FAULT, NETWORK, INPUT, COMMAND, NOTE, VIOLATION,
    /** The data plane: partition leadership, produce appends and answers, replica truncation, ISR requests. */
    DATA
}
