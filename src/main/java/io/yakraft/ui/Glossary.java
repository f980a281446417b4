package io.yakraft.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of KRaft a class meets in the window, each with a one- or two-sentence meaning: the
 * one source of the Help ▸ Glossary list and of the tooltips on table headers and captions.
 */
final class Glossary {
    /** A term, the spellings it appears under (a header, a caption's words), and what it means. */
    record Entry(String term, List<String> spellings, String meaning) {
        /** The entry as a tooltip line. */
        String line() {
            return term + ": " + meaning;
        }
    }

    static final List<Entry> ENTRIES = List.of(
            entry("Epoch", "A term of leadership. Each election bumps it by one; a message from an older epoch is refused,"
                    + " so a deposed leader cannot do harm.", "epoch", "epochs"),
            entry("Leader epoch", "A partition's leadership term, bumped by the controller each time the partition gets a"
                    + " new leader.", "leader epoch", "leader\nepoch"),
            entry("Partition epoch", "Bumped by the controller on any change to a partition (leader, ISR, replicas).",
                    "partition epoch", "partition\nepoch"),
            entry("High watermark (HW)", "The offset up to which the log is committed: held by a majority of voters"
                    + " (for a partition: by every replica in the ISR). Only entries below it are applied or read.",
                    "HW", "high watermark", "metadata\nHW", "metadata HW", "partition HW"),
            entry("Log end offset (LEO)", "The offset after the last entry a replica holds, committed or not.",
                    "LEO", "log end offset", "log end"),
            entry("Log start", "The first offset still in the log; everything before it lives in a snapshot.",
                    "start", "log start"),
            entry("ISR (in-sync replicas)", "The replicas of a partition that are caught up with its leader. acks=all"
                    + " waits for all of them; a new partition leader is chosen from them.", "ISR", "in-sync replicas"),
            entry("ELR (eligible leader replicas)", "KIP-966, on in Kafka 4.3: replicas that left the ISR while it was"
                    + " below min.insync.replicas. They hold every committed record, so when the ISR is empty one of them"
                    + " may lead cleanly. \"last\" is the last leader, kept while the partition has none.",
                    "ELR", "eligible leader replicas"),
            entry("Fenced", "A broker the controller will not give leadership to: it has not registered or caught up,"
                    + " or its heartbeats stopped and its session (9 s) ran out.", "fenced", "unfenced", "fencing"),
            entry("Observer", "A node that replicates the metadata log but never votes: in KRaft, every broker.",
                    "observer", "observers"),
            entry("Voter", "A controller in the quorum: it votes in elections and counts towards the majority that"
                    + " commits.", "voter", "voters"),
            entry("Pre-vote", "KIP-996: before bumping the epoch, a node asks whether it could win. A node that hears"
                    + " from its leader refuses, so a cut-off node cannot disturb a healthy quorum.",
                    "pre-vote", "pre-votes", "prospective"),
            entry("Split vote", "Two candidates stand in the same epoch, each votes for itself, and neither reaches a"
                    + " majority. Randomized election timeouts make a repeat unlikely.", "split vote"),
            entry("Snapshot", "The metadata image at an offset, written to disk so the log before it can be dropped;"
                    + " a replica that is too far behind fetches it (FetchSnapshot).", "snapshot", "snapshots"),
            entry("Check quorum", "A leader that has not heard from a majority of voters within 1.5 × the fetch timeout"
                    + " resigns, so an isolated leader stops accepting writes.", "check quorum", "check-quorum"),
            entry("BeginQuorumEpoch", "A new leader's announcement to the voters: it leads this epoch.",
                    "BeginQuorumEpoch"),
            entry("Active controller", "The controller that leads the metadata quorum: it alone decides and writes"
                    + " metadata records.", "active controller"),
            entry("Applied", "The offset up to which a node has applied committed records to its metadata image.",
                    "applied"),
            entry("Truncation", "A follower drops the entries past the point where its log diverges from the leader's"
                    + " (KIP-279 for partitions; divergence detection in Fetch for KRaft).", "truncate", "truncates",
                    "truncation", "truncated"));

    /** Spellings that name a column but are everyday words in a sentence ("three controllers start"). */
    private static final java.util.Set<String> HEADER_ONLY = java.util.Set.of("start", "applied");
    private static final Map<String, Entry> BY_SPELLING = new LinkedHashMap<>();
    private static final Pattern WORDS;

    static {
        List<String> alternatives = new ArrayList<>();
        for (Entry e : ENTRIES) {
            for (String s : e.spellings()) {
                BY_SPELLING.put(s.toLowerCase(Locale.ROOT), e);
                if (!s.contains("\n") && !HEADER_ONLY.contains(s)) {
                    alternatives.add(Pattern.quote(s));
                }
            }
        }
        // longest first, so "leader epoch" wins over "epoch"
        alternatives.sort((a, b) -> b.length() - a.length());
        WORDS = Pattern.compile("(?<![\\w-])(" + String.join("|", alternatives) + ")(?![\\w-])", Pattern.CASE_INSENSITIVE);
    }

    private Glossary() {
    }

    private static Entry entry(String term, String meaning, String... spellings) {
        return new Entry(term, List.of(spellings), meaning);
    }

    /** The entry a table header or label names exactly ("HW", "Leader\nepoch"), or null. */
    static Entry forHeader(String header) {
        return header == null ? null : BY_SPELLING.get(header.trim().toLowerCase(Locale.ROOT));
    }

    /** The entries whose words appear in {@code text}, in order of first appearance, each once. */
    static List<Entry> in(String text) {
        List<Entry> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            Entry e = BY_SPELLING.get(m.group(1).toLowerCase(Locale.ROOT));
            if (e != null && !out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The tooltip text for the glossary words in {@code text}, or null when it has none. */
    static String tooltipFor(String text) {
        List<Entry> found = in(text);
        if (found.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Entry e : found) {
            b.append(b.length() == 0 ? "" : "\n").append(e.line());
        }
        return b.toString();
    }
}
