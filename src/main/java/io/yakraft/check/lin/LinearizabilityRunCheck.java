package io.yakraft.check.lin;

import io.yakraft.check.RunCheck;
import io.yakraft.cluster.Cluster;

/**
 * The fuzz campaign's ride-along check: records every client-visible operation of one run and, when
 * the run ends, reads the committed image once more and judges the history. One history per key is
 * judged; a refuted key fails the seed with rule {@value #RULE}.
 */
public final class LinearizabilityRunCheck implements RunCheck {
    public static final String RULE = "Linearizable";

    @Override
    public Probe attach(Cluster cluster) {
        HistoryRecorder recorder = HistoryRecorder.attach(cluster);
        return () -> {
            recorder.readAll();
            io.yakraft.check.lin.Verdict v = Linearizability.check(recorder.history());
            int refuted = v.violations().size();
            return refuted == 0
                    ? new RunCheck.Verdict(v.keys(), v.operations(), 0, null, null)
                    : new RunCheck.Verdict(v.keys(), v.operations(), refuted, RULE, v.violations().get(0).explanation());
        };
    }
}
