package io.yakraft.check.lin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides whether a {@link History} is linearizable against the sequential model of the cluster's
 * metadata and partition logs. By P-compositionality (a history is linearizable iff its
 * restriction to every key is, when every operation touches one key) each key is searched on its
 * own ({@link WingGongSearch}); a key that fails is shrunk to a minimal sub-history that still
 * fails (removing any one of its operations makes it linearizable), so the explanation names only
 * the operations that conflict.
 *
 * <p>Pure and single-threaded: the same history always gives the same verdict.
 */
public final class Linearizability {
    /** Search steps per key before it is reported undecided. */
    public static final long DEFAULT_BUDGET = 5_000_000;
    /** Operations an explanation lists; the middle of a longer one is elided. */
    private static final int SHOWN = 24;

    private Linearizability() {
    }

    public static Verdict check(History history) {
        return check(history, DEFAULT_BUDGET);
    }

    public static Verdict check(History history, long budgetPerKey) {
        Map<String, List<Operation>> byKey = history.byKey();
        List<Verdict.NonLinearizable> violations = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (Map.Entry<String, List<Operation>> e : byKey.entrySet()) {
            Model<?> model = Model.forKey(e.getKey());
            WingGongSearch.Outcome outcome = WingGongSearch.search(model, e.getValue(), budgetPerKey);
            if (outcome == WingGongSearch.Outcome.UNDECIDED) {
                undecided.add(e.getKey());
            } else if (outcome == WingGongSearch.Outcome.NOT_LINEARIZABLE) {
                List<Operation> minimal = shrink(model, e.getValue(), budgetPerKey);
                violations.add(new Verdict.NonLinearizable(e.getKey(), minimal, explain(e.getKey(), model, minimal,
                        e.getValue().size())));
            }
        }
        return new Verdict(history.size(), byKey.size(), history.pendingCount(), violations, undecided);
    }

    /** Whether one key's operations are linearizable on their own (UNDECIDED counts as not refuted). */
    static boolean fails(Model<?> model, List<Operation> ops, long budget) {
        return WingGongSearch.search(model, ops, budget) == WingGongSearch.Outcome.NOT_LINEARIZABLE;
    }

    /**
     * Delta debugging in two passes, each dropping chunks of operations (halving the chunk size
     * down to one) and keeping every removal after which the rest still fails. The first pass drops
     * observations (reads, errors, pending operations); the second drops successful changes, but
     * never so far that an operation is left which is impossible on its own (a read of a topic
     * nobody created): the explanation keeps the changes the conflicting answers build on.
     */
    static List<Operation> shrink(Model<?> model, List<Operation> ops, long budget) {
        Set<Operation> alone = new HashSet<>();
        for (Operation o : ops) {
            if (fails(model, List.of(o), budget)) {
                alone.add(o);
            }
        }
        List<Operation> current = removeWhileFailing(model, ops, budget, o -> !changes(o), alone, true);
        current = removeWhileFailing(model, current, budget, Linearizability::changes, alone, false);
        return removeWhileFailing(model, current, budget, o -> !changes(o), alone, true);
    }

    /** A definite success that changes the key's state (a create, delete, registration, allocation, acknowledged produce). */
    private static boolean changes(Operation o) {
        return !o.pending() && !(o.result() instanceof Result.Failed) && !(o.call() instanceof Call.ReadTopic)
                && !(o.call() instanceof Call.ReadBroker) && !(o.call() instanceof Call.ReadProducerIds);
    }

    private static List<Operation> removeWhileFailing(Model<?> model, List<Operation> ops, long budget,
                                                      Predicate<Operation> removable, Set<Operation> alone,
                                                      boolean orphansAllowed) {
        List<Operation> current = new ArrayList<>(ops);
        for (int chunk = Math.max(1, current.size() / 2); ; chunk = Math.max(1, chunk / 2)) {
            boolean removed;
            do {
                removed = false;
                for (int start = 0; start < current.size(); ) {
                    int end = Math.min(current.size(), start + chunk);
                    List<Operation> without = new ArrayList<>(current.subList(0, start));
                    without.addAll(current.subList(end, current.size()));
                    boolean allRemovable = current.subList(start, end).stream().allMatch(removable);
                    boolean orphanOk = orphansAllowed || without.stream().noneMatch(alone::contains);
                    if (allRemovable && !without.isEmpty() && orphanOk && fails(model, without, budget)) {
                        current = without;
                        removed = true;
                    } else {
                        start += chunk;
                    }
                }
            } while (removed && chunk == 1);
            if (chunk == 1) {
                return current;
            }
        }
    }

    private static String explain(String key, Model<?> model, List<Operation> minimal, int total) {
        StringBuilder b = new StringBuilder();
        b.append(key).append(": not linearizable. These ").append(minimal.size()).append(" of its ").append(total)
                .append(" operation(s) admit no order that respects real time (an operation that answered before another")
                .append(" was invoked comes first) and the rule that ").append(model.rules()).append(':');
        for (int i = 0; i < minimal.size(); i++) {
            if (minimal.size() > SHOWN && i == SHOWN / 2) {
                b.append("\n  … ").append(minimal.size() - SHOWN).append(" more …");
                i = minimal.size() - SHOWN / 2;
            }
            b.append("\n  ").append(minimal.get(i).describe());
        }
        return b.toString();
    }
}
