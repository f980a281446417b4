package io.yakraft.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a pipeline spec token by token, so that every mistake is reported at its own line and
 * column, in the spec's words: unknown keys (with the valid ones), nulls, wrong kinds of value,
 * duplicate keys, text after the spec, an unknown type or format, a regex that does not compile,
 * {@code min} above {@code max}, a rule that does not apply to its type, a default its own rule
 * rejects, a rename to nothing, and {@code dedupeOn} or {@code key} naming a field the spec
 * does not know. The first mistake found is the one reported.
 */
final class SpecReader {
    static final List<String> SPEC_KEYS = List.of("trim", "dropEmptyRows", "rename", "select", "fields", "dedupeOn", "key");
    static final List<String> RULE_KEYS = List.of("type", "required", "default", "min", "max", "regex", "enum", "lowercase",
            "uppercase", "format", "lenient");
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String file;
    private final JsonParser p;

    /** A mistake and where it is; turned into a {@link PipelineSpec.SpecException} with the file's name. */
    private static final class Mistake extends Exception {
        final JsonLocation at;

        Mistake(JsonLocation at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private SpecReader(String file, JsonParser p) {
        this.file = file;
        this.p = p;
    }

    static PipelineSpec read(String file, String json) throws PipelineSpec.SpecException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return new SpecReader(file, p).spec();
        } catch (Mistake m) {
            throw new PipelineSpec.SpecException(file + ":" + position(m.at) + ": " + m.getMessage());
        } catch (JsonProcessingException e) {
            throw new PipelineSpec.SpecException(file + ":" + position(e.getLocation()) + ": " + withoutInternals(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new PipelineSpec.SpecException(file + ": " + e.getMessage());
        }
    }

    /** A parser's message in the spec's terms: a location it quotes as line and column, not as its source object. */
    static String withoutInternals(String message) {
        return message == null ? "not valid JSON" : message
                .replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll("\\s*\\(`[A-Za-z.]+`[^)]*\\)", "")
                .lines().findFirst().orElse("");
    }

    private static String position(JsonLocation at) {
        return at == null ? "1:1" : Math.max(1, at.getLineNr()) + ":" + Math.max(1, at.getColumnNr());
    }

    private PipelineSpec spec() throws IOException, Mistake {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new Mistake(p.currentTokenLocation(), "the spec is empty; it is a JSON object such as {\"fields\": {…}}");
        }
        expect(t, JsonToken.START_OBJECT, "the spec", "an object");
        Boolean trim = null;
        Boolean dropEmptyRows = null;
        Map<String, String> rename = null;
        List<String> select = null;
        Map<String, FieldRule> fields = null;
        String dedupeOn = null;
        String key = null;
        JsonLocation dedupeAt = null;
        JsonLocation keyAt = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonLocation at = p.currentTokenLocation();
            JsonToken v = p.nextToken();
            switch (name) {
                case "trim" -> trim = bool(v, name);
                case "dropEmptyRows" -> dropEmptyRows = bool(v, name);
                case "rename" -> rename = rename(v);
                case "select" -> select = names(v);
                case "fields" -> fields = fields(v);
                case "dedupeOn" -> {
                    dedupeAt = p.currentTokenLocation();
                    dedupeOn = text(v, name, "a field name");
                }
                case "key" -> {
                    keyAt = p.currentTokenLocation();
                    key = text(v, name, "a field name or a template such as \"{sensor}-{ts}\"");
                }
                default -> throw new Mistake(at, "unknown key '" + name + "'; a spec's keys are " + String.join(", ", SPEC_KEYS));
            }
        }
        if (p.nextToken() != null) {
            throw new Mistake(p.currentTokenLocation(), "text after the spec's closing brace");
        }
        Set<String> known = new LinkedHashSet<>();
        if (fields != null) {
            known.addAll(fields.keySet());
        }
        if (select != null) {
            known.addAll(select);
        }
        if (rename != null) {
            known.addAll(rename.values());
        }
        if (dedupeOn != null && !known.contains(dedupeOn)) {
            throw new Mistake(dedupeAt, "dedupeOn '" + dedupeOn + "' is not a field of this spec; known fields: " + known
                    + " (a field is known once it is under fields or select, or a rename's target)");
        }
        if (key != null) {
            for (String part : keyFields(key, keyAt)) {
                if (!known.contains(part)) {
                    throw new Mistake(keyAt, "key names '" + part + "', which is not a field of this spec; known fields: " + known
                            + " (a field is known once it is under fields or select, or a rename's target)");
                }
            }
        }
        return new PipelineSpec(trim, dropEmptyRows, rename, select, fields, dedupeOn, key);
    }

    /** The fields a key names: itself, or each {name} of a template. */
    private static List<String> keyFields(String key, JsonLocation at) throws Mistake {
        if (key.isEmpty()) {
            throw new Mistake(at, "key is empty; it is a field name or a template such as \"{sensor}-{ts}\"");
        }
        if (!key.contains("{") && !key.contains("}")) {
            return List.of(key);
        }
        List<String> parts = new ArrayList<>();
        Matcher m = Preprocessor.TEMPLATE.matcher(key);
        String rest = m.replaceAll(r -> {
            parts.add(r.group(1));
            return "";
        });
        if (rest.contains("{") || rest.contains("}")) {
            throw new Mistake(at, "key template '" + key + "' has an unmatched brace; write {field} for each field");
        }
        return parts;
    }

    private Map<String, String> rename(JsonToken t) throws IOException, Mistake {
        expect(t, JsonToken.START_OBJECT, "rename", "an object of column names to field names");
        Map<String, String> rename = new LinkedHashMap<>();
        Map<String, String> targets = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String from = p.currentName();
            JsonToken v = p.nextToken();
            String to = text(v, "rename." + from, "the field name '" + from + "' becomes");
            if (to.isBlank()) {
                throw new Mistake(p.currentTokenLocation(), "rename." + from + " is blank; it is the field name '" + from + "' becomes");
            }
            String before = targets.putIfAbsent(to, from);
            if (before != null) {
                throw new Mistake(p.currentTokenLocation(), "rename gives '" + before + "' and '" + from + "' the same name '" + to + "'");
            }
            rename.put(from, to);
        }
        return rename;
    }

    private List<String> names(JsonToken t) throws IOException, Mistake {
        expect(t, JsonToken.START_ARRAY, "select", "an array of field names");
        List<String> names = new ArrayList<>();
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
            String name = text(v, "select[" + names.size() + "]", "a field name");
            if (name.isBlank() || names.contains(name)) {
                throw new Mistake(p.currentTokenLocation(), "select[" + names.size() + "] '" + name + "' is "
                        + (name.isBlank() ? "blank" : "listed twice"));
            }
            names.add(name);
        }
        return names;
    }

    private Map<String, FieldRule> fields(JsonToken t) throws IOException, Mistake {
        expect(t, JsonToken.START_OBJECT, "fields", "an object of field names to rules");
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            fields.put(field, rule(field, v));
        }
        return fields;
    }

    private FieldRule rule(String field, JsonToken t) throws IOException, Mistake {
        String where = "fields." + field;
        JsonLocation start = p.currentTokenLocation();
        expect(t, JsonToken.START_OBJECT, where, "a rule such as {\"type\": \"integer\", \"required\": true}");
        Map<String, JsonLocation> at = new HashMap<>();
        String type = null;
        boolean required = false;
        String defaultValue = null;
        Double min = null;
        Double max = null;
        String regex = null;
        List<String> allowed = null;
        boolean lowercase = false;
        boolean uppercase = false;
        String format = null;
        boolean lenient = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonLocation keyAt = p.currentTokenLocation();
            JsonToken v = p.nextToken();
            at.put(name, p.currentTokenLocation());
            String here = where + "." + name;
            switch (name) {
                case "type" -> type = text(v, here, "one of " + String.join(", ", FieldRule.TYPES));
                case "required" -> required = bool(v, here);
                case "default" -> defaultValue = scalar(v, here);
                case "min" -> min = number(v, here);
                case "max" -> max = number(v, here);
                case "regex" -> regex = text(v, here, "a regular expression");
                case "enum" -> allowed = values(v, here);
                case "lowercase" -> lowercase = bool(v, here);
                case "uppercase" -> uppercase = bool(v, here);
                case "format" -> format = text(v, here, "one of " + String.join(", ", FieldRule.FORMATS));
                case "lenient" -> lenient = bool(v, here);
                default -> throw new Mistake(keyAt, "unknown key '" + name + "' in " + where + "; a rule's keys are "
                        + String.join(", ", RULE_KEYS));
            }
        }
        String kind = type == null ? "string" : type;
        if (!FieldRule.TYPES.contains(kind)) {
            throw new Mistake(at.get("type"), where + ": type '" + kind + "' is not one of " + String.join(", ", FieldRule.TYPES));
        }
        appliesTo(at, where, "format", kind, "timestamp");
        appliesTo(at, where, "lenient", kind, "integer");
        appliesTo(at, where, "min", kind, "integer", "decimal");
        appliesTo(at, where, "max", kind, "integer", "decimal");
        for (String stringOnly : List.of("regex", "enum", "lowercase", "uppercase")) {
            appliesTo(at, where, stringOnly, kind, "string");
        }
        if (format != null && !FieldRule.FORMATS.contains(format)) {
            throw new Mistake(at.get("format"), where + ": format '" + format + "' is not one of " + String.join(", ", FieldRule.FORMATS));
        }
        if (min != null && max != null && min > max) {
            throw new Mistake(later(at.get("min"), at.get("max")), where + ": min " + plain(min) + " is greater than max " + plain(max));
        }
        if (lowercase && uppercase) {
            throw new Mistake(later(at.get("lowercase"), at.get("uppercase")), where + ": lowercase and uppercase cannot both be true");
        }
        if (regex != null) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException bad) {
                throw new Mistake(at.get("regex"), where + ": regex '" + regex + "' is not a regular expression: "
                        + bad.getDescription() + (bad.getIndex() >= 0 ? " at index " + bad.getIndex() : ""));
            }
        }
        if (allowed != null) {
            for (String a : allowed) {
                String cased = lowercase ? a.toLowerCase(Locale.ROOT) : uppercase ? a.toUpperCase(Locale.ROOT) : a;
                if (!cased.equals(a)) {
                    throw new Mistake(at.get("enum"), where + ": enum value '" + a + "' can never match: values are "
                            + (lowercase ? "lower" : "upper") + "-cased before the check");
                }
            }
        }
        FieldRule rule;
        try {
            rule = new FieldRule(kind, required, defaultValue, min, max, regex, allowed, lowercase, uppercase, format, lenient);
        } catch (IllegalArgumentException bad) {
            throw new Mistake(start, where + ": " + bad.getMessage());
        }
        if (defaultValue != null && !defaultValue.isBlank()
                && new FieldCheck(rule).check(defaultValue) instanceof FieldCheck.Broken broken) {
            throw new Mistake(at.get("default"), where + ": default '" + defaultValue + "' breaks its own rule (" + broken.rule()
                    + "): " + broken.message());
        }
        return rule;
    }

    private static void appliesTo(Map<String, JsonLocation> at, String where, String key, String type, String... types) throws Mistake {
        if (at.containsKey(key) && !List.of(types).contains(type)) {
            throw new Mistake(at.get(key), where + ": " + key + " applies to " + String.join(" and ", types) + " fields, not "
                    + type);
        }
    }

    private static JsonLocation later(JsonLocation a, JsonLocation b) {
        return a.getCharOffset() > b.getCharOffset() ? a : b;
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private List<String> values(JsonToken t, String where) throws IOException, Mistake {
        expect(t, JsonToken.START_ARRAY, where, "an array of the values allowed");
        List<String> values = new ArrayList<>();
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
            values.add(scalar(v, where + "[" + values.size() + "]"));
        }
        if (values.isEmpty()) {
            throw new Mistake(p.currentTokenLocation(), where + " lists no values; every value would be rejected");
        }
        return values;
    }

    private void expect(JsonToken t, JsonToken wanted, String where, String what) throws IOException, Mistake {
        if (t != wanted) {
            throw new Mistake(p.currentTokenLocation(), where + " is " + describe(t) + "; expected " + what);
        }
    }

    private boolean bool(JsonToken t, String where) throws IOException, Mistake {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw new Mistake(p.currentTokenLocation(), where + " is " + describe(t) + "; expected true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private String text(JsonToken t, String where, String what) throws IOException, Mistake {
        if (t != JsonToken.VALUE_STRING) {
            throw new Mistake(p.currentTokenLocation(), where + " is " + describe(t) + "; expected a string: " + what);
        }
        return p.getText();
    }

    /** A string, number or boolean, as text (a default or an enumerated value). */
    private String scalar(JsonToken t, String where) throws IOException, Mistake {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return p.getText();
        }
        throw new Mistake(p.currentTokenLocation(), where + " is " + describe(t) + "; expected a string, number or boolean");
    }

    private Double number(JsonToken t, String where) throws IOException, Mistake {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new Mistake(p.currentTokenLocation(), where + " is " + describe(t) + "; expected a number");
        }
        String written = p.getText();
        double d = p.getDoubleValue();
        if (!Double.isFinite(d) || written.length() > Limits.MAX_NUMBER_CHARS) {
            throw new Mistake(p.currentTokenLocation(), where + " " + FieldCheck.excerpt(written) + " is beyond the range of a double"
                    + " (±1.8e308, at most " + Limits.MAX_NUMBER_CHARS + " characters)");
        }
        return d;
    }

    private String describe(JsonToken t) throws IOException {
        if (t == null) {
            return "missing (the spec ends early)";
        }
        return switch (t) {
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + FieldCheck.excerpt(p.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + FieldCheck.excerpt(p.getText());
            case VALUE_TRUE, VALUE_FALSE -> p.getText();
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }
}
