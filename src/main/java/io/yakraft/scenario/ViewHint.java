package io.yakraft.scenario;

/**
 * What a caption wants on screen beside the cluster: the metadata log ({@code METADATA}) or a
 * partition's replica logs ({@code PARTITION}, {@code partition} as "topic-n"). Written in a
 * scenario as {@code "view": {"show": "partition", "partition": "payments-0"}} on a caption or a
 * question. Only the window reads it: it is not an input of the simulation, so the trace is the
 * same with or without it.
 */
public record ViewHint(Kind show, String partition) {
    public enum Kind { METADATA, PARTITION }

    public ViewHint {
        if (show == Kind.PARTITION && (partition == null || !partition.matches(".+-\\d+"))) {
            throw new IllegalArgumentException("a partition view names its partition as topic-n (payments-0), got '"
                    + partition + "'");
        }
    }

    /** The topic of a partition hint ("payments" of "payments-0"). */
    public String topic() {
        return partition.substring(0, partition.lastIndexOf('-'));
    }

    /** The partition number of a partition hint (0 of "payments-0"). */
    public int partitionNumber() {
        return Integer.parseInt(partition.substring(partition.lastIndexOf('-') + 1));
    }
}
