package io.yakraft.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yakraft.api.RestFixture.Answer;
import io.yakraft.session.LiveSession;
import io.yakraft.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile and careless requests: each is answered in JSON, and the cluster keeps serving. */
class ApiRobustnessTest {
    private static final ObjectMapper JSON = RestFixture.JSON;
    private RestFixture rest;

    @BeforeEach
    void serve() throws Exception {
        rest = RestFixture.ready();
    }

    @AfterEach
    void stop() {
        rest.close();
    }

    private Answer send(String method, String path, String body) throws Exception {
        return rest.send(method, path, body);
    }

    private void assertStillServing() throws Exception {
        rest.assertStillServing();
    }

    @Test
    void aHugeFeedIsRefusedWithItsLimitAndTheClusterRunsOn() throws Exception {
        assertEquals(201, send("POST", "/create-topic", "{\"name\": \"t\"}").status());
        Answer a = send("POST", "/feed", "{\"topic\": \"t\", \"count\": 2147483647}");
        assertEquals(400, a.status(), a.body().toString());
        assertTrue(a.body().get("message").asText().contains("records per feed"), a.body().toString());
        assertStillServing();
    }

    @Test
    void aSpecWithANullRuleIsRefusedAndTheClusterRunsOn(@TempDir Path dir) throws Exception {
        assertEquals(201, send("POST", "/create-topic", "{\"name\": \"t\"}").status());
        Path csv = Files.writeString(dir.resolve("in.csv"), "a\n1\n");
        Path spec = Files.writeString(dir.resolve("spec.json"), "{\"fields\": {\"a\": null}}");
        Answer a = send("POST", "/feed", "{\"topic\": \"t\", \"file\": " + JSON.writeValueAsString(csv.toString())
                + ", \"spec\": " + JSON.writeValueAsString(spec.toString()) + "}");
        assertEquals(400, a.status(), a.body().toString());
        assertFalse(a.body().get("message").asText().contains("Exception"), "no library internals: " + a.body());
        assertStillServing();
    }

    @Test
    void everyReadAfterAnAnsweredWriteReflectsIt() throws Exception {
        for (int i = 0; i < 20; i++) {
            Answer created = send("POST", "/create-topic", "{\"name\": \"rw" + i + "\"}");
            assertEquals(201, created.status(), created.body().toString());
            Answer read = send("GET", "/get-topic/rw" + i, null);
            assertEquals(200, read.status(), "read " + i + " after its 201: " + read.body());
        }
    }

    @Test
    void healthSaysReadyWithTheLeaderAndUnfencedBrokers() throws Exception {
        Answer h = send("GET", "/health", null);
        assertEquals(200, h.status(), h.body().toString());
        assertTrue(h.body().get("ready").asBoolean());
        assertTrue(h.body().get("leader").asInt() >= 1);
        assertEquals(3, h.body().get("unfencedBrokers").asInt());
        LiveSession fresh = new LiveSession(Session.defaultConfig(42, 3, 3), 1, true);
        try (RestFixture early = new RestFixture(fresh)) {
            Answer a = early.get("/health");
            assertEquals(503, a.status(), "before any leader: not ready " + a.body());
            assertFalse(a.body().get("ready").asBoolean());
        }
    }

    @Test
    void wrongMethodsAndBadIdsAreNamed() throws Exception {
        Answer a = send("DELETE", "/create-topic", null);
        assertEquals(405, a.status(), a.body().toString());
        assertEquals("POST", a.raw().headers().firstValue("Allow").orElse(""));
        assertEquals("METHOD_NOT_ALLOWED", a.body().get("error").asText());
        Answer port = send("POST", "/register-broker", "{\"brokerId\": 7, \"brokerPort\": 70000}");
        assertEquals(400, port.status(), port.body().toString());
        assertEquals("INVALID_REQUEST", port.body().get("error").asText());
        assertTrue(port.body().get("message").asText().contains("'brokerPort'"), port.body().toString());
        Answer negative = send("POST", "/register-broker", "{\"brokerId\": -1}");
        assertEquals("INVALID_REQUEST", negative.body().get("error").asText(), negative.body().toString());
        Answer controller = send("POST", "/register-broker", "{\"brokerId\": 1}");
        assertEquals(400, controller.status(), controller.body().toString());
        assertTrue(controller.body().get("message").asText().contains("controller"), controller.body().toString());
        Answer big = send("POST", "/create-topic", "{\"name\": \"big\", \"partitions\": 10000, \"replicationFactor\": 3}");
        assertEquals(400, big.status(), big.body().toString());
        assertTrue(big.body().get("message").asText().contains("partitions per topic"), big.body().toString());
        assertStillServing();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413InJsonLikeAContentLengthOne() throws Exception {
        String big = "{\"name\": \"" + "x".repeat(70_000) + "\"}";
        StringBuilder chunked = new StringBuilder("POST /create-topic HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < big.length(); i += 4096) {
            String part = big.substring(i, Math.min(big.length(), i + 4096));
            chunked.append(Integer.toHexString(part.length())).append("\r\n").append(part).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        String answer = rest.raw(chunked.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.contains("Content-Type: application/json"), answer);
        assertEquals("REQUEST_TOO_LARGE", JSON.readTree(bodyOf(answer)).get("error").asText(), answer);
        Answer fixed = send("POST", "/create-topic", big);
        assertEquals(413, fixed.status());
        assertEquals("REQUEST_TOO_LARGE", fixed.body().get("error").asText());
        Answer small = send("POST", "/create-topic", "{\"name\": \"chunky\"}");
        assertEquals(201, small.status(), "a body within the limit is read whole: " + small.body());
        assertStillServing();
    }

    @Test
    void aMalformedPercentEscapeIsAJson400NamingIt() throws Exception {
        String answer = rest.raw("GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        JsonNodeView body = new JsonNodeView(JSON.readTree(bodyOf(answer)));
        assertEquals("INVALID_PATH", body.error(), answer);
        assertTrue(body.message().contains("'%zz'") && body.message().contains("two hex digits"), answer);
        String garbage = rest.raw("HELLO\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(garbage.startsWith("HTTP/1.1 400 ") && garbage.contains("\"error\":\"BAD_REQUEST\""), garbage);
        Answer escaped = send("GET", "/get-topic/no%20such", null);
        assertEquals(404, escaped.status());
        assertTrue(escaped.body().get("message").asText().contains("'no such'"), "a good escape is decoded: " + escaped.body());
        assertStillServing();
    }

    @Test
    void trailingGarbageAndDuplicateKeysAreRefusedByName() throws Exception {
        Answer trailing = send("POST", "/create-topic", "{\"name\": \"a\"} x");
        assertEquals(400, trailing.status(), trailing.body().toString());
        assertEquals("INVALID_JSON", trailing.body().get("error").asText());
        assertTrue(trailing.body().get("message").asText().contains("text after the JSON value ('x')")
                && trailing.body().get("message").asText().contains("column 15"), trailing.body().toString());
        Answer dup = send("POST", "/create-topic", "{\"name\": \"a\", \"name\": \"b\"}");
        assertEquals(400, dup.status(), dup.body().toString());
        assertTrue(dup.body().get("message").asText().contains("duplicate key 'name'"), dup.body().toString());
        assertEquals(0, send("GET", "/topics", null).body().size(), "neither was created");
        assertStillServing();
    }

    private static String bodyOf(String rawAnswer) {
        return rawAnswer.substring(rawAnswer.indexOf("\r\n\r\n") + 4);
    }

    /** The two fields every error body has. */
    private record JsonNodeView(com.fasterxml.jackson.databind.JsonNode n) {
        String error() {
            return n.get("error").asText();
        }

        String message() {
            return n.get("message").asText();
        }
    }
}
