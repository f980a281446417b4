package io.yakraft.check.lin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Wing and Gong's search for a linearization of one key's operations, with Lowe's memoization:
 * call and return events in time order on a doubly linked list; the search linearizes a call
 * whose model step fits, lifts it out of the list and starts over, and backtracks when it meets
 * the return of an operation it has not linearized. A (linearized set, model state) pair already
 * seen is not explored twice. Pending operations may be linearized (when they change the state)
 * or left out; of interchangeable pending operations only the earliest unused one is tried.
 */
final class WingGongSearch<S> {
    /** How the search ended. */
    enum Outcome { LINEARIZABLE, NOT_LINEARIZABLE, UNDECIDED }

    private record Memo(BitSet linearized, Object state) {
    }

    private record Frame<S>(int op, S before) {
    }

    private static final int HEAD = 0;

    private final Model<S> model;
    private final Operation[] ops;
    private final long budget;
    // the event list: entry 0 is the head sentinel
    private final int[] next;
    private final int[] prev;
    private final int[] entryOp;
    private final boolean[] isCall;
    private final int[] callEntry;
    private final int[] returnEntry;
    private final int[] effectClass;
    private final int[] rankInClass;
    private final int[] usedInClass;
    private long steps;
    /** Ceilings of the answered operations not yet linearized, as a multiset (see {@link Model#ceiling}). */
    private final java.util.TreeMap<Long, Integer> ceilings = new java.util.TreeMap<>();
    private final long[] ceiling;

    private WingGongSearch(Model<S> model, List<Operation> operations, long budget) {
        this.model = model;
        this.budget = budget;
        List<Operation> sorted = new ArrayList<>(operations);
        sorted.sort(Comparator.comparingLong(Operation::invokedAt).thenComparingInt(Operation::id));
        this.ops = sorted.toArray(new Operation[0]);
        int n = ops.length;
        List<long[]> events = new ArrayList<>(); // {time, 0 call / 1 return, op}
        for (int i = 0; i < n; i++) {
            events.add(new long[]{ops[i].invokedAt(), 0, i});
            if (!ops[i].pending()) {
                events.add(new long[]{ops[i].completedAt(), 1, i});
            }
        }
        // calls before returns at one instant: operations that meet in the same millisecond count as concurrent
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2]));
        int size = events.size() + 1;
        next = new int[size];
        prev = new int[size];
        entryOp = new int[size];
        isCall = new boolean[size];
        callEntry = new int[n];
        returnEntry = new int[n];
        java.util.Arrays.fill(returnEntry, -1);
        for (int k = 0; k < events.size(); k++) {
            int e = k + 1;
            long[] ev = events.get(k);
            entryOp[e] = (int) ev[2];
            isCall[e] = ev[1] == 0;
            if (isCall[e]) {
                callEntry[entryOp[e]] = e;
            } else {
                returnEntry[entryOp[e]] = e;
            }
            prev[e] = e - 1;
            next[e] = e + 1 < size ? e + 1 : -1;
        }
        next[HEAD] = size > 1 ? 1 : -1;
        prev[HEAD] = -1;
        effectClass = new int[n];
        rankInClass = new int[n];
        Map<Object, Integer> classes = new HashMap<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (ops[i].pending()) {
                int c = classes.computeIfAbsent(model.effectClass(ops[i].call()), k -> {
                    counts.add(0);
                    return counts.size() - 1;
                });
                effectClass[i] = c;
                rankInClass[i] = counts.get(c);
                counts.set(c, counts.get(c) + 1);
            }
        }
        usedInClass = new int[counts.size()];
        ceiling = new long[n];
        for (int i = 0; i < n; i++) {
            ceiling[i] = ops[i].pending() ? Long.MAX_VALUE : model.ceiling(ops[i].call(), ops[i].result());
            if (ceiling[i] != Long.MAX_VALUE) {
                ceilings.merge(ceiling[i], 1, Integer::sum);
            }
        }
    }

    /** Searches {@code operations} of one key against {@code model}, giving up after {@code budget} steps. */
    static <S> Outcome search(Model<S> model, List<Operation> operations, long budget) {
        return new WingGongSearch<>(model, operations, budget).run();
    }

    private Outcome run() {
        int remaining = 0;
        for (Operation o : ops) {
            if (!o.pending()) {
                remaining++;
            }
        }
        S state = model.initial();
        BitSet linearized = new BitSet(ops.length);
        Set<Memo> seen = new HashSet<>();
        ArrayDeque<Frame<S>> stack = new ArrayDeque<>();
        int e = next[HEAD];
        while (remaining > 0) {
            if (++steps > budget) {
                return Outcome.UNDECIDED;
            }
            if (e < 0) {
                throw new IllegalStateException("the event list ran out with " + remaining + " operation(s) unlinearized");
            }
            if (isCall[e]) {
                int op = entryOp[e];
                S after = tryStep(state, op);
                if (after != null) {
                    linearized.set(op);
                    if (seen.add(new Memo((BitSet) linearized.clone(), after))) {
                        stack.push(new Frame<>(op, state));
                        state = after;
                        lift(op);
                        if (ops[op].pending()) {
                            usedInClass[effectClass[op]]++;
                        } else {
                            remaining--;
                        }
                        e = next[HEAD];
                        continue;
                    }
                    linearized.clear(op);
                }
                e = next[e];
            } else {
                // the earliest unlinearized return: whatever was linearized so far cannot be extended; undo the last
                if (stack.isEmpty()) {
                    return Outcome.NOT_LINEARIZABLE;
                }
                Frame<S> f = stack.pop();
                int op = f.op();
                state = f.before();
                linearized.clear(op);
                unlift(op);
                if (ops[op].pending()) {
                    usedInClass[effectClass[op]]--;
                } else {
                    remaining++;
                }
                e = next[callEntry[op]];
            }
        }
        return Outcome.LINEARIZABLE;
    }

    /** The state after linearizing {@code op} now, or null when it cannot be (or, pending, would change nothing). */
    private S tryStep(S state, int op) {
        Operation o = ops[op];
        S after;
        if (o.pending()) {
            if (rankInClass[op] != usedInClass[effectClass[op]]) {
                return null; // an earlier interchangeable pending operation comes first
            }
            after = model.step(state, o.call(), o.result());
            if (after == null || after.equals(state)) {
                return null;
            }
        } else {
            after = model.step(state, o.call(), o.result());
        }
        return after == null || passesACeiling(op, after) ? null : after;
    }

    /** True when {@code after} has moved past what some other answered operation still to be placed needs. */
    private boolean passesACeiling(int op, S after) {
        long progress = model.progress(after);
        if (progress == Long.MIN_VALUE || ceilings.isEmpty()) {
            return false;
        }
        Map.Entry<Long, Integer> lowest = ceilings.firstEntry();
        if (ceiling[op] == lowest.getKey() && lowest.getValue() == 1) {
            Long nextLowest = ceilings.higherKey(lowest.getKey()); // op itself is being placed now
            return nextLowest != null && progress > nextLowest;
        }
        return progress > lowest.getKey();
    }

    private void lift(int op) {
        if (ceiling[op] != Long.MAX_VALUE) {
            ceilings.compute(ceiling[op], (k, c) -> c == 1 ? null : c - 1);
        }
        remove(callEntry[op]);
        if (returnEntry[op] >= 0) {
            remove(returnEntry[op]);
        }
    }

    /** Undoes {@link #lift} (in reverse order: the list's links are restored exactly). */
    private void unlift(int op) {
        if (ceiling[op] != Long.MAX_VALUE) {
            ceilings.merge(ceiling[op], 1, Integer::sum);
        }
        if (returnEntry[op] >= 0) {
            restore(returnEntry[op]);
        }
        restore(callEntry[op]);
    }

    private void remove(int e) {
        next[prev[e]] = next[e];
        if (next[e] >= 0) {
            prev[next[e]] = prev[e];
        }
    }

    private void restore(int e) {
        next[prev[e]] = e;
        if (next[e] >= 0) {
            prev[next[e]] = e;
        }
    }
}
