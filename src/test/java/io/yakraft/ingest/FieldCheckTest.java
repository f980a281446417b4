package io.yakraft.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One value against one rule: types within the named limits, case, formats, strictness. */
class FieldCheckTest {

    private static FieldRule rule(String type) {
        return new FieldRule(type, false, null, null, null, null, null, false);
    }

    private static FieldCheck.Outcome check(FieldRule rule, String v) {
        return new FieldCheck(rule).check(v);
    }

    private static Object typed(FieldRule rule, String v) {
        return assertInstanceOf(FieldCheck.Typed.class, check(rule, v), v).value();
    }

    private static FieldCheck.Broken broken(FieldRule rule, String v) {
        return assertInstanceOf(FieldCheck.Broken.class, check(rule, v), v);
    }

    @ParameterizedTest
    @CsvSource({"1e999999999, too large", "1e2147483647, too large", "-1e999999999, too large", "1e-999999999, too small",
        "1e309, too large", "1e-309, too small"})
    void aHugeExponentIsARangeRejectNamingTheLimit(String cell, String what) {
        FieldCheck.Broken b = broken(rule("decimal"), cell);
        assertEquals("range", b.rule());
        assertTrue(b.message().contains(what) && b.message().contains("1e-308..1e308"), b.message());
    }

    @Test
    void decimalsAtTheLimitsPassAndStayShort() {
        assertEquals(new BigDecimal("1e308"), typed(rule("decimal"), "1e308"));
        assertEquals(new BigDecimal("1e-308"), typed(rule("decimal"), "1e-308"));
        assertEquals(BigDecimal.ZERO, typed(rule("decimal"), "0e999999999"), "zero with any exponent is 0");
        assertTrue(PreprocessFiles.json(typed(rule("decimal"), "1e308")).length() < 400, "plain JSON of the largest decimal");
        assertEquals("type", broken(rule("decimal"), "1e2147483648").rule(), "an exponent past int is not a number at all");
        FieldCheck.Broken tooLong = broken(rule("decimal"), "1".repeat(101));
        assertEquals("type", tooLong.rule());
        assertTrue(tooLong.message().contains("at most " + Limits.MAX_NUMBER_CHARS), tooLong.message());
        assertEquals(new BigDecimal("1".repeat(100)), typed(rule("decimal"), "1".repeat(100)));
    }

    @Test
    void aRangeIsComparedExactly() {
        FieldRule amount = new FieldRule("decimal", true, null, 0.0, 100000.0, null, null, false);
        assertEquals("range", broken(amount, "1e999999999").rule());
        assertEquals("range", broken(amount, "100000.0000000000000000001").rule());
        assertEquals(new BigDecimal("100000.00"), typed(amount, "100000.00"));
        assertTrue(broken(amount, "-5.00").message().endsWith("outside 0..100000"));
    }

    @ParameterizedTest
    @CsvSource({"1.0", "1e1", "1_0", "1.5", "' 1'", "0x10", "1L", "١٢"})
    void strictIntegersAreDigitsOnly(String cell) {
        FieldCheck.Broken b = broken(rule("integer"), cell);
        assertEquals("type", b.rule(), b.message());
    }

    @Test
    void lenientIntegersAcceptWholeNumbersWrittenLoosely() {
        FieldRule lenient = new FieldRule("integer", false, null, null, null, null, null, false, false, null, true);
        assertEquals(10L, typed(lenient, "1e1"));
        assertEquals(10L, typed(lenient, "1_0"));
        assertEquals(1L, typed(lenient, "1.0"));
        assertEquals("type", broken(lenient, "1.5").rule());
        assertEquals("range", broken(lenient, "1e999999999").rule());
        assertEquals("range", broken(lenient, "1e19").rule());
        assertEquals(-42L, typed(rule("integer"), "-42"));
        assertEquals(Long.MAX_VALUE, typed(rule("integer"), String.valueOf(Long.MAX_VALUE)));
        FieldCheck.Broken past = broken(rule("integer"), "9223372036854775808");
        assertEquals("range", past.rule());
        assertTrue(past.message().contains("64-bit"), past.message());
    }

    @Test
    void uppercaseComesBeforeTheEnumeration() {
        FieldRule code = new FieldRule("string", false, null, null, null, "[A-Z]{2}", List.of("EU", "US"), false, true, null, false);
        assertEquals("EU", typed(code, "eu"));
        assertEquals("enum", broken(code, "fr").rule());
    }

    @Test
    void aTimestampFormatAcceptsOnlyItsForm() {
        FieldRule iso = new FieldRule("timestamp", false, null, null, null, null, null, false, false, "iso8601", false);
        FieldRule date = new FieldRule("timestamp", false, null, null, null, null, null, false, false, "date", false);
        FieldRule secs = new FieldRule("timestamp", false, null, null, null, null, null, false, false, "epochSeconds", false);
        FieldRule millis = new FieldRule("timestamp", false, null, null, null, null, null, false, false, "epochMillis", false);
        FieldRule any = rule("timestamp");
        assertEquals("2026-03-01T09:00:00Z", typed(iso, "2026-03-01T10:00:00+01:00"));
        assertEquals("type", broken(iso, "2026-03-01").rule());
        assertEquals("type", broken(iso, "1767225600").rule());
        assertEquals("2026-03-01T00:00:00Z", typed(date, "2026-03-01"));
        assertEquals("type", broken(date, "2026-02-30").rule());
        assertEquals("2026-01-01T00:00:00Z", typed(secs, "1767225600"));
        assertEquals("1970-01-01T00:00:01Z", typed(secs, "1"), "any number of digits in an explicit format");
        assertEquals("type", broken(secs, "2026-03-01").rule());
        assertEquals("type", broken(secs, "9".repeat(16)).rule(), "past the digit limit");
        assertEquals("2026-01-01T00:00:00Z", typed(millis, "1767225600000"));
        assertEquals("2026-01-01T00:00:00Z", typed(any, "1767225600"));
        assertEquals("2026-01-01T00:00:00Z", typed(any, "1767225600000"));
        assertEquals("2026-01-01T00:00:00Z", typed(any, "2026-01-01"));
        assertEquals("type", broken(any, "yesterday").rule());
        assertTrue(broken(date, "x").message().contains("format date"), broken(date, "x").message());
    }
}
