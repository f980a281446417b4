package io.yakraft.scenario;

import io.yakraft.cluster.MessageKind;

import java.util.ArrayList;
import java.util.List;

/** A message kind as scenario files write it: its label ("Fetch", "Vote", "BeginQuorumEpoch"), case-insensitive. */
public final class MessageKinds {
    private MessageKinds() {
    }

    /** The kind the label names, or null. */
    public static MessageKind parse(String label) {
        for (MessageKind k : MessageKind.values()) {
            if (k.label().equalsIgnoreCase(label.trim())) {
                return k;
            }
        }
        return null;
    }

    /** Every label, comma-separated, for error messages. */
    public static String names() {
        List<String> out = new ArrayList<>();
        for (MessageKind k : MessageKind.values()) {
            out.add(k.label());
        }
        return String.join(", ", out);
    }
}
