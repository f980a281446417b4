package io.yakraft.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yakraft.session.Driving;
import io.yakraft.session.LiveSession;
import io.yakraft.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile and careless requests: each is answered in JSON, and the cluster keeps serving. */
class ApiRobustnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_SIM_MS = 60_000;
    private final HttpClient http = HttpClient.newHttpClient();
    private LiveSession live;
    private ApiServer api;

    private record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    @BeforeEach
    void serve() throws Exception {
        live = new LiveSession(Session.defaultConfig(42, 3, 3), 1, true);
        api = new ApiServer(live, "127.0.0.1", 0);
        Driving.until(live, ApiServer::ready, MAX_SIM_MS);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Answer send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.address() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = Driving.await(live, http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()), MAX_SIM_MS);
        return new Answer(r.statusCode(), JSON.readTree(r.body()), r);
    }

    private void assertStillServing() throws Exception {
        String name = "alive" + System.nanoTime() % 100_000;
        Answer a = send("POST", "/create-topic", "{\"name\": \"" + name + "\"}");
        assertEquals(201, a.status(), "the cluster still takes writes: " + a.body());
        assertEquals(200, send("GET", "/get-topic/" + name, null).status());
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
        try (ApiServer early = new ApiServer(fresh, "127.0.0.1", 0)) {
            HttpRequest r = HttpRequest.newBuilder(URI.create(early.address() + "/health")).GET().build();
            HttpResponse<String> a = Driving.await(fresh, http.sendAsync(r, HttpResponse.BodyHandlers.ofString()), 1_000);
            assertEquals(503, a.statusCode(), "before any leader: not ready " + a.body());
            assertFalse(JSON.readTree(a.body()).get("ready").asBoolean());
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
}
