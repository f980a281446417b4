package io.yakraft.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV as it comes: quotes, stray quotes, extra cells, odd bytes; one bad row costs one row, not the file. */
class CsvRowsTest {
    @TempDir
    Path dir;
    private final List<CleanRecord> clean = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();

    private Report run(String spec, byte[] csv) throws Exception {
        Path raw = dir.resolve("in.csv");
        Files.write(raw, csv);
        return new Preprocessor(PipelineSpec.read("s.json", spec)).run(raw, clean::add, rejects::add, n -> { });
    }

    private Report run(String spec, String csv) throws Exception {
        return run(spec, csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnterminatedQuoteRejectsItsRowAndReadingGoesOn() throws Exception {
        Report r = run("{}", "id,name\n1,\"ann\n2,bob\n3,cy\n");
        assertEquals(3, r.read());
        assertEquals(Map.of("malformed", 1L), r.byRule());
        assertEquals(2, r.clean(), "the rows after the stray quote are read again as rows: " + clean);
        assertEquals(1, rejects.get(0).row());
        assertEquals("the quote opened on line 2 is never closed", rejects.get(0).message());
        assertEquals("1,\"ann", rejects.get(0).value());
    }

    @Test
    void aStrayQuoteClosedByALaterRowsQuoteCostsOneRow() throws Exception {
        Report r = run("{}", "id,name\n1,\"ann\n2,bob\n3,\"cy, \"\"the\"\" third\"\n");
        assertEquals(3, r.read());
        assertEquals(Map.of("malformed", 1L), r.byRule());
        assertEquals(2, r.clean(), "the rows after the stray quote are read again as rows: " + clean);
        assertEquals(1, rejects.get(0).row());
        assertTrue(rejects.get(0).message().startsWith("the quote opened on line 2 closes on line 4 into a broken row"),
                rejects.get(0).message());
        assertEquals("cy, \"the\" third", clean.get(1).value().get("name"), "commas and doubled quotes inside quotes");
    }

    @Test
    void aQuotedCellMayHoldALineBreak() throws Exception {
        Report r = run("{\"trim\": false}", "id,note\r\n1,\"two\r\nlines\"\r\n2,x\r\n");
        assertEquals(2, r.clean());
        assertEquals("two\nlines", clean.get(0).value().get("note"));
    }

    @Test
    void tooManyCellsIsMalformedAndTooFewLeaveBlanks() throws Exception {
        Report r = run("{\"fields\": {\"b\": {\"required\": true}}}", "a,b\n1,2,3\n4\n5,6\n");
        assertEquals(3, r.read());
        assertEquals(Map.of("malformed", 1L, "required", 1L), r.byRule());
        assertEquals("line 2 has 3 cells; the header has 2 columns", rejects.get(0).message());
        assertEquals("1,2,3", rejects.get(0).value());
        assertEquals("6", clean.get(0).value().get("b"));
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() throws Exception {
        Report r = run("{}", "a,b\n\"x\"y,1\n2,3\n");
        assertEquals(Map.of("malformed", 1L), r.byRule());
        assertEquals(1, r.clean());
    }

    @Test
    void aDuplicateHeaderIsAnError() {
        var e = assertThrows(Preprocessor.UnreadableException.class, () -> run("{}", "id, name ,name\n1,a,b\n"));
        assertTrue(e.getMessage().endsWith("in.csv:1: the header names column 'name' twice (columns 2 and 3); each column needs"
                + " its own name"), e.getMessage());
    }

    @Test
    void trimFalseKeepsTheBlanksOfUnquotedCells() throws Exception {
        run("{\"trim\": false}", "a,b\n  x  ,\" y \"\n");
        assertEquals("  x  ", clean.get(0).value().get("a"));
        assertEquals(" y ", clean.get(0).value().get("b"));
        clean.clear();
        run("{}", "a,b\n  x   z  ,\" y \"\n");
        assertEquals("x z", clean.get(0).value().get("a"), "trimmed and inner blanks folded by default");
        assertEquals("y", clean.get(0).value().get("b"));
    }

    @Test
    void bytesThatAreNotUtf8RejectTheirLineOnly() throws Exception {
        byte[] head = "a\nok\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '\n'};
        byte[] tail = "fine\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        Report r = run("{}", all);
        assertEquals(3, r.read());
        assertEquals(Map.of("malformed", 1L), r.byRule());
        assertEquals("line 3 is not valid UTF-8", rejects.get(0).message());
    }

    @Test
    void aLineLongerThanTheRowLimitIsRejectedWithoutHoldingIt() throws Exception {
        String huge = "9".repeat(Limits.MAX_ROW_BYTES + 10);
        Report r = run("{\"fields\": {\"n\": {\"type\": \"decimal\"}}}", "n\n" + huge + "\n1.5\n");
        assertEquals(2, r.read());
        assertEquals(1, r.clean());
        assertTrue(rejects.get(0).message().contains("a row may have at most " + Limits.MAX_ROW_BYTES), rejects.get(0).message());
    }

    @Test
    void aHugeNumberCellIsARejectNotAGigabyteLine() throws Exception {
        Report r = run("{\"fields\": {\"amount\": {\"type\": \"decimal\"}}}", "amount\n1e999999999\n1e2147483647\n2.5\n");
        assertEquals(Map.of("range", 2L), r.byRule());
        assertEquals(Map.of("amount", Map.of("range", 2L)), r.byField());
        assertTrue(rejects.get(0).message().contains("1e-308..1e308"), rejects.get(0).message());
        assertEquals(1, clean.size());
    }

    @Test
    void aByteOrderMarkAndBlankLinesAreNotData() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "id\n\n1\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        Report r = run("{\"fields\": {\"id\": {\"type\": \"integer\"}}}", all);
        assertEquals(1, r.read());
        assertEquals(1L, clean.get(0).value().get("id"));
    }

    @Test
    void anEmptyFileHasNoRows() throws Exception {
        assertEquals(0, run("{}", "").read());
    }

    @Test
    void aBrokenHeaderMakesTheFileUnreadable() {
        IOException e = assertThrows(Preprocessor.UnreadableException.class, () -> run("{}", "\"a,b\n"));
        assertTrue(e.getMessage().contains(":1: the header row is unreadable"), e.getMessage());
    }
}
