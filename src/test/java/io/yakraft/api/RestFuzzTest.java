package io.yakraft.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.api.RestFixture.Answer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Careless and hostile bodies for every write route of a running server, one cluster for all the
 * tries: valid seed-style bodies with fields deleted, changed to values of the wrong type or size,
 * unknown fields added, keys repeated, the text cut short or followed by garbage. Each answer is a
 * known status (never 500), an error names what is wrong without library internals, and after
 * every request the cluster still answers; after the last one it still takes a write.
 */
class RestFuzzTest {
    private static final ObjectMapper JSON = RestFixture.JSON;
    private static final Set<Integer> KNOWN = Set.of(200, 201, 400, 404, 409, 413, 503);
    private static final List<String> INTERNALS = List.of("Exception", "`", "Source:", "com.fasterxml", "io.yakraft", "\tat ");
    /** A valid body per route, as the seed's clients and ours send them. */
    private static final Map<String, String> BODIES = Map.of(
            "/register-broker", "{\"brokerId\": 110, \"brokerHost\": \"h\", \"brokerPort\": 9092, \"securityProtocol\": \"PLAINTEXT\", \"rackId\": \"r\"}",
            "/register-broker-change", "{\"brokerId\": 102, \"brokerStatus\": \"ALIVE\", \"rackId\": \"r2\"}",
            "/register-producer", "{\"brokerId\": 101, \"brokerEpoch\": 0, \"producerId\": 1}",
            "/create-topic", "{\"name\": \"fz\", \"partitions\": 2, \"replicationFactor\": 2}",
            "/create-partition", "{\"name\": \"base\", \"total\": 3}",
            "/alter-topic-config", "{\"name\": \"base\", \"configs\": {\"min.insync.replicas\": 1}}",
            "/feed", "{\"topic\": \"base\", \"count\": 5, \"keys\": 2, \"acks\": \"all\", \"rate\": 0}");
    private static final List<String> ROUTES = List.copyOf(new java.util.TreeSet<>(BODIES.keySet()));
    private static final List<JsonNode> HOSTILE = hostile();
    private RestFixture rest;

    private static List<JsonNode> hostile() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return List.of(f.nullNode(), f.booleanNode(false), f.numberNode(-1), f.numberNode(0), f.numberNode(Integer.MAX_VALUE),
                f.numberNode(Long.MAX_VALUE), f.numberNode(1e308), f.numberNode(new java.math.BigInteger("9".repeat(40))),
                f.numberNode(new java.math.BigDecimal("1e999999")), f.numberNode(2.5), f.numberNode(70_000), f.numberNode(1_000_001),
                f.textNode(""), f.textNode("x".repeat(300)), f.textNode("bad name!"), f.textNode("CLOSED"), f.textNode("n99"),
                f.textNode("\u0000"), f.textNode("101"), f.arrayNode(), f.arrayNode().add(101).add("x"), f.objectNode(),
                f.objectNode().put("a", 1));
    }

    @BeforeProperty
    void serve() throws Exception {
        rest = RestFixture.ready();
        assertEquals(201, rest.post("/create-topic", "{\"name\": \"base\", \"partitions\": 2, \"replicationFactor\": 2}").status());
    }

    @AfterProperty
    void stillWorksAndStop() throws Exception {
        try {
            rest.assertStillServing();
        } finally {
            rest.close();
        }
    }

    /** One edit of a body: kind, a choice of field (modulo their number) and a hostile value. */
    record Edit(int kind, int field, int value) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, HOSTILE.size() - 1)).as(Edit::new).list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 250)
    void anyBodyGetsAKnownAnswerAndTheClusterRunsOn(@ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 60) int route,
                                                    @ForAll("edits") List<Edit> edits) throws Exception {
        String path = ROUTES.get(route % ROUTES.size());
        String body = BODIES.get(path);
        for (Edit e : edits) {
            body = apply(e, body);
        }
        Statistics.coverage(c -> {
            c.check("accepted").percentage(p -> p > 3);
            c.check("refused").percentage(p -> p > 50);
        });
        Answer a = rest.post(path, body);
        Statistics.collect(a.status() < 400 ? "accepted" : "refused");
        assertNotEquals(500, a.status(), path + " " + body + " -> " + a.body());
        assertTrue(KNOWN.contains(a.status()), path + " " + body + " -> " + a.status() + " " + a.body());
        assertTrue(a.body() != null && a.body().isContainerNode(), "a JSON answer: " + a.body());
        if (a.status() >= 400) {
            String error = a.body().path("error").asText("");
            String message = a.body().path("message").asText("");
            assertFalse(error.isEmpty() || message.isEmpty(), "an error has a name and a message: " + a.body());
            for (String internal : INTERNALS) {
                assertFalse(message.contains(internal), "no internals (" + internal + ") in: " + message);
            }
            if (a.status() == 400) {
                assertTrue(message.contains("'") || message.contains("JSON") || message.contains("must"),
                        "a 400 names the field or the syntax: " + message);
            }
        }
        Answer health = rest.get("/cluster");
        assertEquals(200, health.status(), "the cluster still answers after " + path + " " + body);
    }

    private static String apply(Edit e, String body) throws Exception {
        switch (e.kind()) {
            case 5:
                return body.substring(0, e.field() % (body.length() + 1));
            case 6:
                return body + List.of(" x", "}", ",{}", "\u0000").get(e.field() % 4);
            case 7: {
                int colon = body.indexOf(':');
                return colon < 0 || !body.startsWith("{\"") ? body : "{" + body.substring(1, colon) + ": 1, " + body.substring(1);
            }
            default:
                break;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception notJsonAnyMore) {
            return body;
        }
        if (!(root instanceof ObjectNode o) || o.isEmpty()) {
            return body;
        }
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String field = names.get(e.field() % names.size());
        JsonNode value = HOSTILE.get(e.value());
        switch (e.kind()) {
            case 0 -> o.remove(field);
            case 4 -> o.set(field + "Extra", value);
            default -> o.set(field, value);
        }
        return JSON.writeValueAsString(o);
    }
}
