package io.yakraft.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A spec is checked whole when it is read: each mistake at its line and column, in the spec's own words. */
class PipelineSpecTest {

    private static String mistake(String json) {
        return assertThrows(PipelineSpec.SpecException.class, () -> PipelineSpec.read("s.json", json)).getMessage();
    }

    /** No library internals in a message: no class names, no parser source descriptions. */
    private static void plain(String message) {
        for (String internal : new String[] {"Cannot construct", "io.yakraft", "Source:", "REDACTED", "Exception", "class "}) {
            assertFalse(message.contains(internal), "'" + internal + "' in: " + message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a null rule                | {"fields": {"a": null}}                                        | s.json:1:18: | fields.a is null; expected a rule
            a rule that is a string    | {"fields": {"a": "integer"}}                                   | s.json:1:18: | fields.a is the string "integer"
            a bad regex                | {"fields": {"a": {"regex": "[a-"}}}                             | s.json:1:28: | regex '[a-' is not a regular expression
            min above max              | {"fields": {"a": {"type": "decimal", "min": 5, "max": 1}}}      | s.json:1:55: | fields.a: min 5 is greater than max 1
            dedupeOn an unknown field  | {"fields": {"a": {}}, "dedupeOn": "b"}                          | s.json:1:35: | dedupeOn 'b' is not a field of this spec; known fields: [a]
            key an unknown field       | {"select": ["a"], "key": "{a}-{c}"}                             | s.json:1:26: | key names 'c', which is not a field
            a rename to null           | {"rename": {"A": null}}                                         | s.json:1:18: | rename.A is null
            a rename to blank          | {"rename": {"A": " "}}                                          | s.json:1:18: | rename.A is blank
            an unknown spec key        | {"feilds": {}}                                                  | s.json:1:2:  | unknown key 'feilds'; a spec's keys are trim, dropEmptyRows, rename, select, fields, dedupeOn, key
            an unknown rule key        | {"fields": {"a": {"reqired": true}}}                            | s.json:1:19: | unknown key 'reqired' in fields.a; a rule's keys are type, required, default, min, max, regex, enum, lowercase, uppercase, format, lenient
            an unknown type            | {"fields": {"a": {"type": "number"}}}                           | s.json:1:27: | type 'number' is not one of string, integer, decimal, boolean, timestamp
            an unknown format          | {"fields": {"a": {"type": "timestamp", "format": "unix"}}}      | s.json:1:50: | format 'unix' is not one of any, iso8601, date, epochSeconds, epochMillis
            format on a string         | {"fields": {"a": {"format": "date"}}}                           | s.json:1:29: | format applies to timestamp fields, not string
            min on a string            | {"fields": {"a": {"min": 1}}}                                   | s.json:1:26: | min applies to integer and decimal fields, not string
            lenient on a decimal       | {"fields": {"a": {"type": "decimal", "lenient": true}}}         | s.json:1:49: | lenient applies to integer fields, not decimal
            both cases                 | {"fields": {"a": {"lowercase": true, "uppercase": true}}}       | s.json:1:51: | lowercase and uppercase cannot both be true
            an enum it can never match | {"fields": {"a": {"lowercase": true, "enum": ["Paid"]}}}        | s.json:1:46: | enum value 'Paid' can never match
            a default its rule rejects | {"fields": {"a": {"type": "integer", "min": 1, "default": "0"}}} | s.json:1:59: | default '0' breaks its own rule (range)
            a string for a boolean     | {"trim": "yes"}                                                 | s.json:1:10: | trim is the string "yes"; expected true or false
            a duplicate key            | {"key": "a", "key": "b", "select": ["a"]}                       | s.json:1:19: | Duplicate field 'key'
            text after the spec        | {"select": ["a"]} {"select": ["b"]}                             | s.json:1:19: | text after the spec's closing brace
            an empty spec              | '   '                                                           | s.json:1:    | the spec is empty
            a spec that is an array    | []                                                              | s.json:1:1:  | the spec is an array; expected an object
            broken JSON                | {"select": [}                                                   | s.json:1:13: | Unexpected close marker '}': expected ']' (for Array starting at line 1, column 12)
            a template brace unclosed  | {"select": ["a"], "key": "{a"}                                  | s.json:1:26: | unmatched brace
            a number too large         | {"fields": {"a": {"type": "decimal", "max": 1e400}}}            | s.json:1:45: | beyond the range of a double
            """)
    void eachMistakeIsNamedWhereItIs(String what, String json, String where, String says) {
        String message = mistake(json.strip());
        assertTrue(message.startsWith(where.strip()), what + ": " + message);
        assertTrue(message.contains(says.strip()), what + ": " + message);
        plain(message);
    }

    @Test
    void theLineAndColumnCountFromTheFileStart() {
        String message = mistake("{\n  \"fields\": {\n    \"amount\": {\"type\": \"decimal\",\n      \"min\": 10, \"max\": 1}\n  }\n}");
        assertEquals("s.json:4:25: fields.amount: min 10 is greater than max 1", message);
    }

    @Test
    void aSpecPathThatIsADirectoryOrMissingIsASpecError(@TempDir Path dir) {
        var directory = assertThrows(PipelineSpec.SpecException.class, () -> PipelineSpec.load(dir));
        assertEquals(dir + ": is a directory, not a spec file", directory.getMessage());
        var missing = assertThrows(PipelineSpec.SpecException.class, () -> PipelineSpec.load(dir.resolve("none.json")));
        assertEquals(dir.resolve("none.json") + ": no such file", missing.getMessage());
    }

    @Test
    void theShippedSpecsAreValidAndKnowTheirNewKeys() throws Exception {
        assertEquals("orderId", PipelineSpec.load(Path.of("data/orders.spec.json")).dedupeOn());
        assertEquals("{sensor}", PipelineSpec.load(Path.of("data/sensors.spec.json")).key());
        PipelineSpec s = PipelineSpec.read("s.json", """
                {"fields": {"code": {"uppercase": true, "enum": ["EU", "US"]},
                            "at": {"type": "timestamp", "format": "epochMillis"},
                            "n": {"type": "integer", "lenient": true, "default": "1_000"}},
                 "rename": {"Code": "code"}, "dedupeOn": "code", "key": "{code}-{at}"}""");
        assertTrue(s.fields().get("code").uppercase());
        assertEquals("epochMillis", s.fields().get("at").format());
        assertEquals("any", s.fields().get("code").format(), "the default format");
        assertTrue(s.fields().get("n").lenient());
    }

    @Test
    void theSchemaForEditorsListsTheKeysTheReaderKnows() throws Exception {
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of("data/pipeline-spec.schema.json").toFile());
        var specKeys = new java.util.ArrayList<String>();
        schema.get("properties").fieldNames().forEachRemaining(specKeys::add);
        assertEquals(SpecReader.SPEC_KEYS, specKeys);
        var ruleKeys = new java.util.TreeSet<String>();
        schema.get("$defs").get("rule").get("properties").fieldNames().forEachRemaining(ruleKeys::add);
        assertEquals(new java.util.TreeSet<>(SpecReader.RULE_KEYS), ruleKeys);
        assertEquals(FieldRule.FORMATS.size(), schema.get("$defs").get("rule").get("properties").get("format").get("enum").size());
    }

    @Test
    void aSpecFileWithAMistakeNamesTheFile(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bad.spec.json");
        Files.writeString(spec, "{\"fields\": {\"a\": {\"regex\": \"(\"}}}");
        var e = assertThrows(PipelineSpec.SpecException.class, () -> PipelineSpec.load(spec));
        assertTrue(e.getMessage().startsWith(spec + ":1:28: fields.a: regex '(' is not a regular expression: Unclosed group"),
                e.getMessage());
    }
}
