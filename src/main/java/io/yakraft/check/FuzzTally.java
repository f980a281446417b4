package io.yakraft.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's figures as seeds finish (in any order): seeds run, events, failures by rule, and
 * the ride-along check's histories, operations and non-linearizable histories. Not thread-safe:
 * one collector adds to it.
 */
public final class FuzzTally {
    private long seeds;
    private long events;
    private long histories;
    private long operations;
    private long nonLinearizable;
    private final List<FuzzCampaign.Failure> failures = new ArrayList<>();
    private final Map<String, Integer> byRule = new TreeMap<>();

    public void add(FuzzCampaign.Outcome o, FuzzCampaign.Failure shrunk) {
        seeds++;
        events += o.events();
        histories += o.verdict().histories();
        operations += o.verdict().operations();
        nonLinearizable += o.verdict().nonLinearizable();
        if (o.failed()) {
            byRule.merge(o.violation().rule(), 1, Integer::sum);
            if (shrunk != null) {
                failures.add(shrunk);
            }
        }
    }

    public long seeds() {
        return seeds;
    }

    public long events() {
        return events;
    }

    public long histories() {
        return histories;
    }

    public long operations() {
        return operations;
    }

    public long nonLinearizable() {
        return nonLinearizable;
    }

    public int failed() {
        return byRule.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The failures, by seed. */
    public List<FuzzCampaign.Failure> failures() {
        List<FuzzCampaign.Failure> out = new ArrayList<>(failures);
        out.sort(Comparator.comparingLong(FuzzCampaign.Failure::seed));
        return out;
    }

    public Map<String, Integer> byRule() {
        return Map.copyOf(byRule);
    }
}
