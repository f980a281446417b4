package io.yakraft.kafka.run;

/**
 * What one scenario step did on a real cluster, {@code atMs} real milliseconds after the run began.
 * {@code verdict}: DONE for an action or narration, PASS/FAIL for a check (a wait that ran out fails),
 * NOT_EVALUATED for a check a real cluster cannot answer ({@code message} says why).
 */
public record RealStep(int step, long line, long atMs, String description, Verdict verdict, String message) {
    public enum Verdict { DONE, PASS, FAIL, NOT_EVALUATED }

    public boolean check() {
        return verdict != Verdict.DONE;
    }
}
