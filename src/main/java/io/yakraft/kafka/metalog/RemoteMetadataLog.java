package io.yakraft.kafka.metalog;

import io.yakraft.kafka.KafkaLib;
import io.yakraft.kafka.KafkaProbe;
import io.yakraft.kafka.MetadataFetch;
import org.apache.kafka.clients.admin.QuorumInfo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The metadata log of a cluster whose log directories are not on this machine (an attached cluster): read from the
 * active controller with {@link MetadataFetch} (a raw Fetch as a non-replica) from offset 0, then only what is new on
 * each refresh; the last {@code keep} records stay. Not thread-safe: one refresh thread owns it.
 */
public final class RemoteMetadataLog implements AutoCloseable {
    /** What one refresh read: the records kept, where from, and why there are none or some are missing ("" when all is well). */
    public record View(List<MetadataLogReader.Entry> entries, String source, String note) {
    }

    /** Fetches per refresh, at most: a megabyte each, so a large log fills over several refreshes instead of stalling one. */
    private static final int CHUNKS_PER_POLL = 8;

    private final int keep;
    private final MetadataFetch fetch = new MetadataFetch();
    private final Deque<MetadataLogReader.Entry> entries = new ArrayDeque<>();
    private MetadataLogReader reader;
    private long offset;
    private int lastEpoch;
    private String note = "";

    public RemoteMetadataLog(int keep) {
        this.keep = keep;
    }

    /** Reads what the leader has beyond the last call; failures become the view's note, never an exception. */
    public View poll(KafkaProbe probe) {
        QuorumInfo q;
        try {
            q = probe.quorumInfo();
        } catch (Exception e) {
            return view("", "describeMetadataQuorum failed: " + e.getMessage());
        }
        Optional<InetSocketAddress> leader = MetadataFetch.leaderEndpoint(q);
        if (leader.isEmpty()) {
            return view("", "describeMetadataQuorum names no endpoint for leader " + q.leaderId()
                    + " (a static quorum, before KIP-853's voter records, lists none)");
        }
        String source = "leader " + q.leaderId() + " at " + leader.get().getHostString() + ":" + leader.get().getPort() + " (raw Fetch, replica id -1)";
        try {
            if (reader == null) {
                reader = MetadataLogReader.open(KafkaLib.locate());
            }
            for (MetadataFetch.Chunk c : MetadataFetch.readUpTo(fetch, leader.get(), (int) q.leaderEpoch(), offset, lastEpoch, CHUNKS_PER_POLL)) {
                if (!c.note().isEmpty()) {
                    note = c.note();
                }
                if (c.note().startsWith("the leader's log diverges")) {
                    entries.removeIf(e -> e.offset() >= c.nextOffset());
                }
                if (c.snapshotEnd() >= 0) {
                    // what came before is replaced by the snapshot's state, read with FetchSnapshot as a follower would
                    entries.clear();
                    String origin = String.format("%020d-%010d.checkpoint", c.snapshotEnd(), c.lastEpoch());
                    for (MetadataLogReader.Entry e : reader.decode(fetch.fetchSnapshot(leader.get(), (int) q.leaderEpoch(), c.snapshotEnd(), c.lastEpoch()))) {
                        entries.addLast(new MetadataLogReader.Entry(e.offset(), e.epoch(), e.type(), e.fields(), origin));
                    }
                }
                for (MetadataLogReader.Entry e : reader.decode(c.records())) {
                    if (e.offset() >= offset) {
                        entries.addLast(e);
                    }
                    if (entries.size() > keep) {
                        entries.removeFirst();
                    }
                }
                offset = c.nextOffset();
                lastEpoch = c.lastEpoch();
            }
            return view(source, note);
        } catch (IOException | RuntimeException e) {
            fetch.close();
            return view(source, "Fetch from " + source + " failed: " + e.getMessage()
                    + " (the controller listener must be reachable from here in PLAINTEXT; SASL or TLS on it is not spoken)");
        }
    }

    private View view(String source, String why) {
        return new View(List.copyOf(entries), source, why);
    }

    @Override
    public void close() {
        fetch.close();
        if (reader != null) {
            reader.close();
        }
    }
}
