package io.yakraft.cli;

import io.yakraft.session.PacingReport;

import java.io.PrintStream;

/** Prints a {@link PacingReport}: one line per caption, one per state it names, and a verdict. */
final class PacingPrinter {
    private PacingPrinter() {
    }

    static void print(PacingReport r, PrintStream out) {
        out.printf("pacing: %s at %s× speed, slow motion %s%n", r.scenario(), r.speed(), r.slowMotion() ? "on" : "off");
        for (PacingReport.Caption c : r.captions()) {
            out.printf("  step %2d %8.3f s  %3d words  needs %5.1f s  readable %s  %s  %s%n", c.step(), c.atMs() / 1000.0,
                    c.words(), c.readingMs() / 1000.0, c.last() ? "(last, stays up)" : String.format("%5.1f s", c.readableMs() / 1000.0),
                    c.readableLongEnough() ? "ok  " : "FAIL", abbreviate(c.text()));
            if (c.shows() != null) {
                out.printf("           shows %s: visible %.1f s  %s%n", c.shows(), c.visibleMs() / 1000.0,
                        c.stateVisibleLongEnough() ? "ok" : "FAIL (under " + PacingReport.MIN_VISIBLE_MS / 1000 + " s)");
            }
        }
        long failed = r.captions().stream().filter(c -> !c.passed()).count();
        out.printf("%s: %d captions, %d too short; the lesson takes %.0f s of wall time (%.3f s simulated); trace sha256 %s%n",
                r.passed() ? "PACING PASSED" : "PACING FAILED", r.captions().size(), failed, r.wallMs() / 1000.0,
                r.simulatedMs() / 1000.0, r.traceSha256());
    }

    private static String abbreviate(String text) {
        return text.length() <= 70 ? text : text.substring(0, 67) + "...";
    }
}
