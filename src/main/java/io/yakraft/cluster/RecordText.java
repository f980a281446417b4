package io.yakraft.cluster;

import io.yakraft.metadata.MetadataJson;
import io.yakraft.metadata.MetadataRecord;
import io.yakraft.raft.KRaftVersionRecord;
import io.yakraft.raft.LeaderChangeMessage;
import io.yakraft.raft.LogEntry;
import io.yakraft.raft.VoterSet;
import io.yakraft.raft.VotersRecord;

/**
 * A metadata-log entry in words, the way kafka-dump-log --cluster-metadata-decoder names it:
 * the record type as Kafka's MetadataRecordType spells it (FEATURE_LEVEL_RECORD), its apiKey, and
 * its fields under the schema's names. Control records and raw raft entries are named as such.
 */
public final class RecordText {
    private RecordText() {
    }

    /** "FEATURE_LEVEL_RECORD" for a metadata record, "LEADER_CHANGE (control)" for the control record. */
    public static String type(Object payload) {
        if (payload instanceof MetadataRecord.LeaderChangeRecord || payload instanceof LeaderChangeMessage) {
            return "LEADER_CHANGE (control)";
        }
        if (payload instanceof MetadataRecord) {
            return upperSnake(payload.getClass().getSimpleName());
        }
        if (payload instanceof KRaftVersionRecord) {
            return "KRAFT_VERSION (control)"; // Kafka's ControlRecordType names
        }
        if (payload instanceof VotersRecord) {
            return "KRAFT_VOTERS (control)";
        }
        if (payload instanceof String) {
            return "raw raft entry (not metadata)";
        }
        return upperSnake(payload.getClass().getSimpleName()) + " (control)";
    }

    /** The fields: Kafka's JSON names for a metadata record, the value itself for anything else. */
    public static String fields(Object payload) {
        if (payload instanceof MetadataRecord r) {
            return MetadataJson.toJson(r).replaceFirst("^\\{\"type\":\"\\w+\",?", "{");
        }
        if (payload instanceof KRaftVersionRecord k) {
            return "{\"version\":0,\"kRaftVersion\":" + k.kraftVersion() + "}";
        }
        if (payload instanceof VotersRecord v) {
            return votersJson(v.voters());
        }
        return String.valueOf(payload);
    }

    /** One line: "offset 4 epoch 1 FEATURE_LEVEL_RECORD apiKey 12 {...}". */
    public static String line(LogEntry e) {
        Object p = e.payload();
        String key = p instanceof MetadataRecord r && r.apiKey() >= 0 ? " apiKey " + r.apiKey() : "";
        return "offset " + e.offset() + " epoch " + e.epoch() + " " + type(p) + key + " " + fields(p);
    }

    /** The VotersRecord's fields as kafka-dump-log prints them: id, directory id, endpoint, kraft.version range. */
    static String votersJson(VoterSet voters) {
        StringBuilder b = new StringBuilder("{\"version\":0,\"voters\":[");
        for (int i = 0; i < voters.voters().size(); i++) {
            VoterSet.Voter v = voters.voters().get(i);
            b.append(i == 0 ? "" : ",").append("{\"voterId\":").append(v.key().id())
                    .append(",\"voterDirectoryId\":\"").append(v.key().directoryId())
                    .append("\",\"endpoints\":[\"").append(v.endpoint())
                    .append("\"],\"kRaftVersionFeature\":{\"minSupportedVersion\":").append(v.kraftVersions().min())
                    .append(",\"maxSupportedVersion\":").append(v.kraftVersions().max()).append("}}");
        }
        return b.append("]}").toString();
    }

    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A snapshot file as kafka-dump-log prints one: its id, then its records in file order
     * (SnapshotHeaderRecord first, SnapshotFooterRecord last); the image's records, which the
     * simulation keeps as one object, as one summary line.
     */
    public static java.util.List<String> snapshotLines(io.yakraft.raft.RaftSnapshot snap) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "snapshot %020d-%010d (end offset %d, epoch %d): %d records",
                snap.id().offset(), snap.id().epoch(), snap.id().offset(), snap.id().epoch(), snap.size()));
        for (io.yakraft.raft.SnapshotRecord r : snap.records()) {
            if (r instanceof io.yakraft.raft.SnapshotRecord.Header h) {
                lines.add("  SNAPSHOT_HEADER (control) {\"version\":" + h.version() + ",\"lastContainedLogTimestamp\":"
                        + h.lastContainedLogTimestamp() + "}");
            } else if (r instanceof io.yakraft.raft.SnapshotRecord.KRaftVersion k) {
                lines.add("  KRAFT_VERSION (control) {\"kRaftVersion\":" + k.kraftVersion() + "}");
            } else if (r instanceof io.yakraft.raft.SnapshotRecord.Voters v) {
                lines.add("  VOTERS (control) " + v.voters().describe());
            } else if (r instanceof io.yakraft.raft.SnapshotRecord.State st) {
                if (st.index() == 0) {
                    lines.add("  " + st.count() + " image record(s) (features, registrations, topics, partitions, configs)");
                }
            } else if (r instanceof io.yakraft.raft.SnapshotRecord.Footer f) {
                lines.add("  SNAPSHOT_FOOTER (control) {\"version\":" + f.version() + "}");
            } else {
                throw new IllegalStateException("unknown snapshot record " + r);
            }
        }
        return lines;
    }
}
