package io.yakraft.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench lincheck} on a small history: it reports the history, the verdict and the figures (never judged here). */
class BenchLincheckCommandTest extends ConsoleCapture {
    @Test
    void checksAGeneratedHistoryAndPrintsTheFigures() {
        int code = Main.run("bench", "lincheck", "--operations", "600", "--keys", "12", "--repeats", "1");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, () -> text + err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("history: 600 operations over 12 keys, 4 clients per key"), text);
        assertTrue(text.contains("verdict: linearizable"), text);
        assertTrue(text.matches("(?s).*check: [0-9.]+ ms best of 1 .*operations/s.*"), text);
    }

    @Test
    void refusesAnEmptyHistory() {
        assertEquals(2, Main.run("bench", "lincheck", "--operations", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("must be at least 1"));
    }
}
