package io.yakraft.api;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.NodeRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yakraft.session.Driving;
import io.yakraft.session.LiveSession;
import io.yakraft.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST routes over real HTTP against a live session that the test drives: simulated time
 * passes only while a request waits for the simulation, so every answer is the same on a fast or
 * a loaded machine.
 */
class ApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    /** Simulated time a request may take before the test fails. */
    private static final long MAX_SIM_MS = 60_000;
    private LiveSession live;
    private ApiServer api;

    private record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    @BeforeEach
    void serve() throws Exception {
        live = new LiveSession(Session.defaultConfig(42, 3, 3), 1, true);
        api = new ApiServer(live, "127.0.0.1", 0);
        Driving.until(live, ApiServer::ready, MAX_SIM_MS); // a leader and every broker unfenced, as GET /health says
        assertEquals(3, get("/register-broker").body().size());
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

    private Answer get(String path) throws Exception {
        return send("GET", path, null);
    }

    private Answer post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    @Test
    void theSeedRoutesWorkWithTheSeedsFieldNamesAndStatusCodes() throws Exception {
        Answer created = post("/create-topic", "{\"name\": \"orders\", \"partitions\": 3, \"replicationFactor\": 2}");
        assertEquals(201, created.status(), created.body().toString());
        String uuid = created.body().get("topicUUID").asText();
        Answer topic = get("/get-topic/orders");
        assertEquals(200, topic.status(), "answered after commit: the leader's image already holds it");
        long recordOffset = -1;
        for (JsonNode r : get("/metadata?since=-1").body().get("records")) {
            if (r.get("type").asText().equals("TopicRecord") && r.get("record").get("Name").asText().equals("orders")) {
                recordOffset = r.get("offset").asLong();
            }
        }
        assertTrue(recordOffset >= 0, "the TopicRecord is in the committed log");
        int holders = 0;
        for (JsonNode v : get("/cluster").body().get("currentVoters")) {
            holders += v.get("logEndOffset").asLong() > recordOffset ? 1 : 0;
        }
        assertTrue(holders >= 2, "a majority of the 3 voters holds the TopicRecord: " + holders);
        assertEquals(uuid, topic.body().get("topicUUID").asText());
        assertEquals(3, topic.body().get("partitions").size());
        assertTrue(topic.body().get("partitions").get(0).has("ISR"));
        assertEquals(404, get("/get-topic/nope").status());
        assertEquals(400, post("/create-topic", "{\"partitions\": 1}").status());
        assertEquals(409, post("/create-topic", "{\"name\": \"orders\"}").status());
        assertEquals("INVALID_TOPIC_EXCEPTION", post("/create-topic", "{\"name\": \"bad name!\"}").body().get("error").asText());

        assertEquals(201, post("/create-partition", "{\"topicUUID\": \"" + uuid + "\"}").status());
        assertEquals(4, get("/get-topic/orders").body().get("partitions").size());

        Answer brokers = get("/register-broker");
        assertEquals(3, brokers.body().size());
        JsonNode b = get("/register-broker/101").body();
        for (String f : new String[] {"brokerId", "brokerHost", "brokerPort", "securityProtocol", "rackId", "internalUUID", "epoch", "brokerStatus"}) {
            assertTrue(b.has(f), "missing " + f + " in " + b);
        }
        assertEquals(404, get("/register-broker/999").status());
        Answer reg = post("/register-broker", "{\"brokerId\": 104, \"brokerHost\": \"kafka-4\", \"brokerPort\": 9093, \"rackId\": \"r2\"}");
        assertEquals(201, reg.status(), reg.body().toString());
        assertEquals("kafka-4", reg.body().get("brokerHost").asText());
        assertEquals(409, post("/register-broker", "{\"brokerId\": 104}").status());

        Answer producer = post("/register-producer", "{\"brokerId\": 101}");
        assertEquals(201, producer.status(), producer.body().toString());
        assertEquals(0, producer.body().get("producerId").asLong());
        assertEquals(400, post("/register-producer", "{}").status());
        assertEquals(1, get("/producers").body().size());

        JsonNode seenBy102 = get("/metadata-fetch-by-id/102").body();
        assertTrue(seenBy102.get("topics").toString().contains("orders"), "b102's own image holds the topic: " + seenBy102);
        assertEquals(404, get("/metadata-fetch-by-id/999").status());
        JsonNode quorum = get("/cluster").body();
        assertEquals(3, quorum.get("currentVoters").size());
        assertTrue(quorum.get("leaderId").asInt() > 0);
        JsonNode log = get("/metadata?since=-1").body();
        assertTrue(log.get("currentOffset").asLong() > 0, log.toString());
        assertTrue(log.get("records").size() > 0);
        long current = log.get("currentOffset").asLong();
        JsonNode tail = get("/metadata?since=" + current).body();
        assertTrue(tail.get("currentOffset").asLong() >= current);
        tail.get("records").forEach(r -> assertTrue(r.get("offset").asLong() > current, "only records after since: " + r));
        assertEquals(400, get("/metadata?since=soon").status());
        assertEquals(200, send("DELETE", "/register-broker/104", null).status());
        assertEquals(404, get("/register-broker/104").status());
    }

    @Test
    void aFeedStartsOverRestAndItsProgressIsReadBack() throws Exception {
        assertEquals(201, post("/create-topic", "{\"name\": \"orders\", \"partitions\": 3, \"replicationFactor\": 3}").status());
        Answer started = post("/feed", "{\"topic\": \"orders\", \"file\": \"data/orders.csv\", \"spec\": \"data/orders.spec.json\","
                + " \"acks\": \"all\", \"rate\": 0}");
        assertEquals(201, started.status(), started.body().toString());
        int id = started.body().get("feedId").asInt();
        Driving.until(live, s -> s.snapshot().feeds().stream().anyMatch(f -> f.id() == id && f.done()), MAX_SIM_MS);
        JsonNode feed = get("/feeds/" + id).body();
        assertTrue(feed.get("done").asBoolean(), feed.toString());
        assertEquals(41, feed.get("total").asInt(), feed.toString());
        assertEquals(41, feed.get("acked").asInt(), feed.toString());
        assertEquals(1, get("/feeds").body().size());
        assertEquals("UNKNOWN_TOPIC_OR_PARTITION", post("/feed", "{\"topic\": \"nope\", \"count\": 5}").body().get("error").asText());
        assertEquals("MISSING_FIELD", post("/feed", "{\"topic\": \"orders\", \"file\": \"data/orders.csv\"}").body().get("error").asText());
        assertEquals("INVALID_FEED", post("/feed", "{\"topic\": \"orders\", \"count\": 5, \"acks\": \"2\"}").body().get("error").asText());
        assertEquals(404, get("/feeds/9").status());
    }

    @Test
    void badRequestsNeverReachTheCluster() throws Exception {
        Answer bad = post("/create-topic", "{bad");
        assertEquals(400, bad.status());
        assertEquals("INVALID_JSON", bad.body().get("error").asText());
        assertEquals("INVALID_TYPE", post("/register-broker", "{\"brokerId\": \"one\"}").body().get("error").asText());
        assertEquals(404, get("/no/such/route").status());
        assertEquals(413, post("/create-topic", "{\"name\": \"" + "x".repeat(70_000) + "\"}").status());
        assertEquals(0, get("/topics").body().size(), "nothing was created");
    }

    @Test
    void withoutAQuorumAWriteGets503WithRetryAfter() throws Exception {
        live.perform(new Action.Kill(new NodeRef.Leader()));
        live.perform(new Action.Kill(new NodeRef.AFollower()));
        live.advanceBy(200);
        Answer a = post("/create-topic", "{\"name\": \"t\"}");
        assertEquals(503, a.status(), a.body().toString());
        assertEquals("NOT_CONTROLLER", a.body().get("error").asText());
        assertTrue(a.raw().headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void noAcknowledgedWriteIsLostAcrossALeaderFailover() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (i == 4) {
                live.perform(new Action.Kill(new NodeRef.Leader()));
            }
            String name = "t" + i;
            for (int attempt = 0; attempt < 60; attempt++) {
                Answer a = post("/create-topic", "{\"name\": \"" + name + "\"}");
                if (a.status() == 201 || a.status() == 409) {
                    if (a.status() == 201) {
                        acknowledged.add(name);
                    }
                    break;
                }
                assertTrue(a.status() == 503 || a.status() == 504, a.body().toString());
                live.advanceBy(100); // back off, in simulated time
            }
        }
        assertTrue(acknowledged.size() >= 8, "most writes were acknowledged: " + acknowledged);
        List<String> present = new ArrayList<>();
        get("/topics").body().forEach(t -> present.add(t.get("name").asText()));
        assertTrue(present.containsAll(acknowledged), "acknowledged " + acknowledged + " but present " + present);
    }

    @Test
    void engineeredMomentsAreRoutesWithTypedRefusals() throws Exception {
        Answer drop = post("/drop-message", "{\"from\": \"leader\", \"to\": \"a follower\", \"kind\": \"FetchResponse\"}");
        assertEquals(200, drop.status(), drop.body().toString());
        assertTrue(drop.body().get("detail").asText().contains("FetchResponse"), drop.body().toString());
        Answer unknown = post("/drop-message", "{\"from\": \"n1\", \"to\": \"n77\", \"kind\": \"Fetch\"}");
        assertEquals(404, unknown.status(), unknown.body().toString());
        assertEquals("NO_SUCH_NODE", unknown.body().get("error").asText());
        assertEquals(400, post("/drop-message", "{\"from\": \"n1\", \"to\": \"n2\", \"kind\": \"Ping\"}").status());

        Answer leads = post("/split-vote", "{\"nodes\": [\"leader\", \"a follower\"]}");
        assertEquals(409, leads.status(), leads.body().toString());
        assertTrue(leads.body().get("message").asText().startsWith("no candidate possible"), leads.body().toString());
        live.perform(new Action.Kill(new NodeRef.Leader()));
        Answer split = post("/split-vote", "{}");
        assertEquals(200, split.status(), split.body().toString());
        assertTrue(split.body().get("detail").asText().endsWith("time out together"), split.body().toString());
    }
}
