package io.yakraft.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real lessons, carelessly edited: fields deleted, duplicated or changed to values of the
 * wrong type, huge or negative numbers, unknown names, steps duplicated or dropped, the text cut
 * short or followed by garbage. Each edit is either a scenario that reads, or a refusal that says
 * where (file:line:column) and what, in words; never another exception, never parser internals.
 */
class LessonFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LESSONS = lessons();
    private static final Pattern LOCATED = Pattern.compile("^lesson\\.json:\\d+:\\d+: \\S.*", Pattern.DOTALL);
    private static final List<String> INTERNALS = List.of("Exception", "`", "Source:", "com.fasterxml", "io.yakraft", "\tat ");
    /** Values a careless or hostile edit puts in a field: wrong types, extremes, near-misses of valid names. */
    private static final List<JsonNode> HOSTILE = hostile();

    private static List<String> lessons() {
        try (Stream<Path> files = Files.list(Path.of("scenarios/lessons"))) {
            List<String> out = new ArrayList<>();
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(Files.readString(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> hostile() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> out = new ArrayList<>(List.of(f.nullNode(), f.booleanNode(true), f.numberNode(-1), f.numberNode(0),
                f.numberNode(5), f.numberNode(Integer.MAX_VALUE), f.numberNode(Long.MAX_VALUE), f.numberNode(1e308),
                f.numberNode(new java.math.BigInteger("9".repeat(40))), f.numberNode(new java.math.BigDecimal("1e999999")),
                f.numberNode(-0.5), f.textNode(""), f.textNode("n99"), f.textNode("b999"), f.textNode("leader"),
                f.textNode("999999999999h"), f.textNode("100000h"), f.textNode("5"), f.textNode("-1s"), f.textNode("1e3s"),
                f.textNode("leaderElcted"), f.textNode("kil"), f.textNode("majorityMinorty"), f.textNode("all"),
                f.textNode("x".repeat(5000)), f.textNode("\u0000\uFFFF"), f.arrayNode(), f.objectNode()));
        out.add(f.arrayNode().add("n1").add("n99"));
        out.add(f.objectNode().put("check", "leaderElected").put("minEpoch", "two"));
        out.add(f.objectNode().put("check", "noSuchCheck"));
        return out;
    }

    /** One edit: kind, a choice among the places it can apply (taken modulo their number) and a hostile value. */
    record Edit(int kind, int place, int value) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, HOSTILE.size() - 1)).as(Edit::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 400)
    void anEditedLessonReadsOrIsRefusedWithWhereAndWhat(@ForAll("edits") List<Edit> edits,
                                                        @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 100) int lesson)
            throws IOException {
        // both outcomes are common: the edits neither always break a lesson nor never do
        Statistics.coverage(c -> {
            c.check("read").percentage(p -> p > 2);
            c.check("refused").percentage(p -> p > 30);
        });
        String text = LESSONS.get(lesson % LESSONS.size());
        for (Edit e : edits) {
            text = apply(e, text);
        }
        try {
            Scenario s = ScenarioReader.read("lesson.json", text);
            assertFalse(s.steps().isEmpty(), "a scenario that reads has steps");
            Statistics.collect("read");
        } catch (ScenarioException refused) {
            Statistics.collect("refused");
            String m = refused.getMessage();
            assertTrue(LOCATED.matcher(m).matches(), "file:line:column: what — " + m);
            for (String internal : INTERNALS) {
                assertFalse(m.contains(internal), "no internals (" + internal + ") in: " + m);
            }
            assertTrue(m.contains("'") || m.contains("step ") || m.contains("JSON") || m.contains("cluster"),
                    "names the field, the step or the syntax: " + m);
        }
    }

    private static String apply(Edit e, String text) throws IOException {
        switch (e.kind()) {
            case 6: // cut the text short
                return text.substring(0, e.place() % (text.length() + 1));
            case 7: // garbage after the closing brace
                return text + List.of(" x", "}", ",", "{}", "\n// end", "\u0000").get(e.place() % 6);
            case 8: { // a key given twice: the first field of some object, repeated right after it
                List<Integer> keys = new ArrayList<>();
                for (int i = text.indexOf("{\""); i >= 0; i = text.indexOf("{\"", i + 1)) {
                    keys.add(i + 1);
                }
                if (keys.isEmpty()) {
                    return text;
                }
                int at = keys.get(e.place() % keys.size());
                int colon = text.indexOf(':', at);
                int end = colon < 0 ? -1 : text.indexOf('"', text.indexOf('"', colon) + 1);
                return end < 0 ? text : text.substring(0, at) + text.substring(at, colon) + ": 1, " + text.substring(at);
            }
            default:
                break;
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException notJsonAnyMore) {
            return text; // an earlier edit broke the syntax; textual edits still apply, tree edits do not
        }
        if (root == null || !root.isContainerNode()) {
            return text;
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(e.place() % containers.size());
        JsonNode value = HOSTILE.get(e.value());
        if (target instanceof ObjectNode o && !o.isEmpty()) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String field = names.get((e.place() / 7) % names.size());
            switch (e.kind()) {
                case 0 -> o.remove(field);
                case 1, 2, 3 -> o.set(field, value.deepCopy());
                case 4 -> o.set(field + "x", value.deepCopy()); // an unknown field
                default -> o.set(field, o.get(field).isContainerNode() ? value.deepCopy() : JSON.getNodeFactory().arrayNode().add(o.get(field)));
            }
        } else if (target instanceof ArrayNode a && !a.isEmpty()) {
            int i = (e.place() / 7) % a.size();
            switch (e.kind()) {
                case 0 -> a.remove(i);
                case 4 -> a.insert(i, a.get(i).deepCopy()); // a step (or element) twice
                default -> a.set(i, value.deepCopy());
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }
}
