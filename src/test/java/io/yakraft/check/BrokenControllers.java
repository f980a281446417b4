package io.yakraft.check;

import io.yakraft.cluster.QuorumControllerFactory;
import io.yakraft.metadata.MetadataRecord;
import io.yakraft.metadata.QuorumController;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Deliberately broken quorum controllers: the metadata invariants must catch each one. */
final class BrokenControllers {
    private BrokenControllers() {
    }

    static Map<String, QuorumControllerFactory> all() {
        Map<String, QuorumControllerFactory> m = new TreeMap<>();
        // answers as soon as it has appended, before the records are committed
        m.put("answers before commit", (timeout, random) -> new QuorumController(timeout, random) {
            @Override
            public boolean answersAfterCommit() {
                return false;
            }
        });
        // fences a broker but leaves it leading its partitions
        m.put("keeps leadership on a fenced broker", (timeout, random) -> new QuorumController(timeout, random) {
            @Override
            protected List<MetadataRecord> partitionChangesOnFence(int brokerId) {
                return List.of();
            }
        });
        return m;
    }
}
