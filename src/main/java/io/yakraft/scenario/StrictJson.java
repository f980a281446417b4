package io.yakraft.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON that a person wrote (a scenario file, a REST body) strictly: a key twice in one
 * object and anything after the value are mistakes, not silently "last one wins" or "ignored".
 * The complaint says where (line and column) and what, in words, without the parser's internals.
 */
public final class StrictJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private StrictJson() {
    }

    /** Text that is not one strict JSON value: where and why. */
    public static final class Invalid extends Exception {
        private final long line;
        private final long column;

        Invalid(long line, long column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        public long line() {
            return line;
        }

        public long column() {
            return column;
        }
    }

    /** The one JSON value in {@code text}, or null when the text is empty. */
    public static JsonNode read(String text) throws Invalid {
        JsonNode n;
        long end;
        try (JsonParser p = MAPPER.createParser(text)) {
            n = MAPPER.readTree(p);
            if (n == null || n.isMissingNode()) {
                return null;
            }
            end = p.currentLocation().getCharOffset();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Invalid(at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()),
                    inWords(e));
        } catch (java.io.IOException e) {
            throw new Invalid(1, 1, "cannot be read: " + e.getMessage());
        }
        int rest = (int) Math.max(0, Math.min(end, text.length()));
        while (rest < text.length() && Character.isWhitespace(text.charAt(rest))) {
            rest++;
        }
        if (rest < text.length()) { // checked by hand: the tokenizer would call 'x' an unknown token, not a leftover
            long line = 1;
            long column = 1;
            for (int i = 0; i < rest; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new Invalid(line, column, "text after the JSON value ('" + excerpt(text.substring(rest))
                    + "'): the value ends at its closing bracket, remove what follows");
        }
        return n;
    }

    private static String excerpt(String rest) {
        String line = rest.lines().findFirst().orElse("");
        return line.length() > 20 ? line.substring(0, 20) + "…" : line;
    }

    /** The parser's complaint as a person reads it. */
    private static String inWords(JsonProcessingException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher dup = DUPLICATE.matcher(raw);
        if (e instanceof JsonParseException && dup.find()) {
            return "duplicate key '" + dup.group(1) + "': a key may appear only once in an object";
        }
        if (e instanceof StreamConstraintsException) {
            return "too large to read: " + withoutInternals(raw);
        }
        return withoutInternals(raw);
    }

    /** Drops the parser's source descriptions and class names, keeping its first line. */
    static String withoutInternals(String message) {
        String m = message.replaceAll("\\[Source: [^\\]]*]", "")
                .replaceAll("\\s*\\(\\s*(from|bound as|for)?\\s*`[^`]*`[^)]*\\)", "")
                .replaceAll("`[A-Za-z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1")
                .lines().findFirst().orElse("").trim();
        return m.isEmpty() ? "not valid JSON" : m;
    }
}
