package io.yakraft.session;

import io.yakraft.metadata.MetadataImage;
import io.yakraft.raft.LogEntry;

import java.util.List;

/** Committed entries after an offset; {@code snapshot} is the leader's image when the offset lies before its log start. */
public record CommittedLog(long highWatermark, long logStartOffset, List<LogEntry> entries, MetadataImage snapshot) {
}
