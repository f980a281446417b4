package io.yakraft.check.lin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The operations of one run, in the order they were invoked; immutable. */
public record History(List<Operation> operations) {
    public static final History EMPTY = new History(List.of());

    public History {
        operations = List.copyOf(operations);
    }

    /** The operations per key, each list in invocation order (P-compositionality checks each on its own). */
    public Map<String, List<Operation>> byKey() {
        Map<String, List<Operation>> m = new TreeMap<>();
        for (Operation o : operations) {
            m.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(o);
        }
        m.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return m;
    }

    public int size() {
        return operations.size();
    }

    public long pendingCount() {
        return operations.stream().filter(Operation::pending).count();
    }
}
