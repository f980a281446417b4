package io.yakraft.check.lin;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Histories from a sequential run, with random overlaps and pending calls, are always
 * linearizable; swapping the answers of two calls of the allocator or of one partition's log
 * that did not overlap in time (so their order is fixed) is always caught.
 */
class LinearizabilityProperties {

    @Property
    void sequentialRunsWithRandomOverlapsAreLinearizable(@ForAll @LongRange(min = 1) long seed,
                                                         @ForAll @IntRange(min = 1, max = 300) int size,
                                                         @ForAll @IntRange(min = 4, max = 40) int keys,
                                                         @ForAll @IntRange(min = 0, max = 60) int spread) {
        History h = SequentialHistories.generate(seed, size, keys, spread);
        Verdict v = Linearizability.check(h);
        assertTrue(v.linearizable(), v::describe);
        assertTrue(v.undecided().isEmpty(), () -> "undecided " + v.undecided());
    }

    @Property
    void swappedAnswersOfOrderedCallsAreCaught(@ForAll @LongRange(min = 1) long seed,
                                               @ForAll @IntRange(min = 20, max = 300) int size,
                                               @ForAll @IntRange(min = 4, max = 40) int keys,
                                               @ForAll @IntRange(min = 0, max = 60) int spread) {
        History h = SequentialHistories.generate(seed, size, keys, spread);
        List<Operation> ops = new ArrayList<>(h.operations());
        int[] pair = orderedPairWithDifferentAnswers(ops);
        Assume.that(pair != null);
        Operation a = ops.get(pair[0]);
        Operation b = ops.get(pair[1]);
        ops.set(pair[0], new Operation(a.id(), a.client(), a.invokedAt(), a.completedAt(), a.call(), b.result()));
        ops.set(pair[1], new Operation(b.id(), b.client(), b.invokedAt(), b.completedAt(), b.call(), a.result()));
        Verdict v = Linearizability.check(new History(ops));
        assertFalse(v.linearizable(), () -> "swapped #" + a.id() + " and #" + b.id() + " went unnoticed");
        assertTrue(v.violations().stream().anyMatch(x -> x.key().equals(a.key())));
    }

    /** Two answered allocations (or acknowledged produces of one partition, equal in size) where the first answered before the second began. */
    private static int[] orderedPairWithDifferentAnswers(List<Operation> ops) {
        for (int i = 0; i < ops.size(); i++) {
            Operation a = ops.get(i);
            if (a.pending() || !(a.result() instanceof Result.ProducerIds || a.result() instanceof Result.Produced)) {
                continue;
            }
            for (int j = i + 1; j < ops.size(); j++) {
                Operation b = ops.get(j);
                if (!b.pending() && b.key().equals(a.key()) && b.call().equals(a.call().getClass() == Call.Produce.class ? a.call() : b.call())
                        && b.result().getClass() == a.result().getClass() && !b.result().equals(a.result())
                        && a.completedAt() < b.invokedAt()) {
                    return new int[]{i, j};
                }
            }
        }
        return null;
    }
}
