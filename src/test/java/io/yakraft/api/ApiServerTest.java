package io.yakraft.api;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.NodeRef;
import com.fasterxml.jackson.databind.JsonNode;
import io.yakraft.session.Driving;
import io.yakraft.session.LiveSession;
import io.yakraft.api.RestFixture.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    private static final long MAX_SIM_MS = RestFixture.MAX_SIM_MS;
    private RestFixture rest;
    private LiveSession live;

    @BeforeEach
    void serve() throws Exception {
        rest = RestFixture.ready(); // a leader and every broker unfenced, as GET /health says
        live = rest.live;
        assertEquals(3, get("/register-broker").body().size());
    }

    @AfterEach
    void stop() {
        rest.close();
    }

    private Answer send(String method, String path, String body) throws Exception {
        return rest.send(method, path, body);
    }

    private Answer get(String path) throws Exception {
        return rest.get(path);
    }

    private Answer post(String path, String body) throws Exception {
        return rest.post(path, body);
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
        assertEquals(1, topic.body().size(), "the seed's shape: a list of the topic records with that name");
        assertEquals(uuid, topic.body().get(0).get("topicUUID").asText());
        assertEquals(3, topic.body().get(0).get("partitions").size());
        assertTrue(topic.body().get(0).get("partitions").get(0).has("ISR"));
        assertEquals(404, get("/get-topic/nope").status());
        assertEquals(400, post("/create-topic", "{\"partitions\": 1}").status());
        assertEquals(409, post("/create-topic", "{\"name\": \"orders\"}").status());
        assertEquals("INVALID_TOPIC_EXCEPTION", post("/create-topic", "{\"name\": \"bad name!\"}").body().get("error").asText());

        assertEquals(201, post("/create-partition", "{\"topicUUID\": \"" + uuid + "\"}").status());
        assertEquals(4, get("/get-topic/orders").body().get(0).get("partitions").size());

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
        JsonNode described = quorum.get("describeQuorum");
        assertEquals(quorum.get("leaderId").asInt(), described.get("leaderId").asInt(), "the leader describes the quorum");
        assertEquals(3, described.get("currentVoters").size());
        for (JsonNode v : described.get("currentVoters")) {
            for (String f : new String[] {"replicaId", "logEndOffset", "lastFetchTimestamp", "lastCaughtUpTimestamp"}) {
                assertTrue(v.has(f), "missing " + f + " in " + v);
            }
        }
        assertTrue(described.get("observers").size() >= 3, "the brokers fetch as observers: " + described);
        assertTrue(described.has("maxFollowerLag") && described.has("maxFollowerLagTimeMs"), described.toString());
        int follower = quorum.get("leaderId").asInt() == 1 ? 2 : 1;
        Answer notLeader = get("/cluster?node=" + follower);
        assertEquals(503, notLeader.status(), notLeader.body().toString());
        assertEquals("NOT_LEADER_OR_FOLLOWER", notLeader.body().get("error").asText());
        assertEquals(quorum.get("leaderId").asInt(), notLeader.body().get("leaderId").asInt(), "names the leader it knows");
        assertEquals(404, get("/cluster?node=999").status());
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

    /**
     * A client written for the original app.py, route by route with the request bodies its README
     * shows: every answer carries the seed's fields ({@code message}, {@code last_offset},
     * {@code last_updated}, the list from /get-topic) beside ours.
     */
    @Test
    void aClientOfTheOriginalAppPyWorksUnchanged() throws Exception {
        Answer reg = post("/register-broker", "{\"brokerId\": 104, \"brokerHost\": \"localhost\", \"brokerPort\": 9094,"
                + " \"securityProtocol\": \"PLAINTEXT\", \"rackId\": \"r1\"}");
        assertEquals(201, reg.status(), reg.body().toString());
        assertEquals("Record created successfully", reg.body().get("message").asText());
        assertTrue(reg.body().get("last_offset").asLong() > 0, reg.body().toString());
        JsonNode list = get("/register-broker").body();
        assertEquals(4, list.size());
        assertEquals("CLOSED", reg.body().get("brokerStatus").asText(), "registered, and fenced until it catches up");
        Driving.until(live, s -> !s.committedImage().brokers().get(104).fenced(), MAX_SIM_MS);
        assertEquals("ALIVE", get("/register-broker/104").body().get("brokerStatus").asText(), "unfenced");
        Answer notFound = get("/register-broker/nope");
        assertEquals(404, notFound.status(), "the seed's <string> route: an unknown id is 404, not a malformed request");
        assertTrue(notFound.body().has("message"));

        long epoch = get("/register-broker/104").body().get("epoch").asLong();
        Answer change = post("/register-broker-change", "{\"brokerId\": 104, \"brokerHost\": \"kafka-4.lan\", \"brokerPort\": 9095}");
        assertEquals(200, change.status(), change.body().toString());
        assertEquals("Broker information updated successfully", change.body().get("message").asText());
        JsonNode after = get("/register-broker/104").body();
        assertEquals("kafka-4.lan", after.get("brokerHost").asText(), "re-registered with the new fields: " + after);
        assertEquals(9095, after.get("brokerPort").asInt());
        assertEquals("r1", after.get("rackId").asText(), "a field not sent keeps its value");
        assertTrue(after.get("epoch").asLong() > epoch, "the epoch grows, as the seed bumps it: " + epoch + " -> " + after);
        assertEquals(404, post("/register-broker-change", "{\"brokerId\": 999, \"rackId\": \"r2\"}").status(),
                "the seed crashes (500) on an unknown broker; it meant 404");
        assertEquals(400, post("/register-broker-change", "{\"brokerId\": 104, \"brokerPort\": 70000}").status());

        Answer topic = post("/create-topic", "{\"name\": \"payments\"}");
        assertEquals(201, topic.status(), topic.body().toString());
        assertEquals("Topic created successfully", topic.body().get("message").asText());
        String uuid = topic.body().get("topicUUID").asText();
        Answer missingName = post("/create-topic", "{}");
        assertEquals(400, missingName.status());
        assertTrue(missingName.body().has("message"));
        JsonNode got = get("/get-topic/payments").body();
        assertTrue(got.isArray() && got.size() == 1, got.toString());
        assertEquals("payments", got.get(0).get("name").asText());
        assertTrue(got.get(0).has("last_offset"), got.toString());
        assertEquals(404, get("/get-topic/none").status());

        Answer partition = post("/create-partition", "{\"partitionId\": 1, \"topicUUID\": \"" + uuid + "\", \"replicas\": [101],"
                + " \"ISR\": [101], \"leader\": 101}");
        assertEquals(201, partition.status(), partition.body().toString());
        assertEquals("Partition created successfully", partition.body().get("message").asText());
        assertEquals(2, get("/get-topic/payments").body().get(0).get("partitions").size());
        Answer again = post("/create-partition", "{\"partitionId\": 1, \"topicUUID\": \"" + uuid + "\", \"replicas\": [101],"
                + " \"ISR\": [101], \"leader\": 101}");
        assertEquals(409, again.status(), again.body().toString());
        Answer partial = post("/create-partition", "{\"partitionId\": 2, \"topicUUID\": \"" + uuid + "\"}");
        assertEquals(400, partial.status(), "the seed's 'Missing fields in request': " + partial.body());
        assertTrue(partial.body().get("message").asText().contains("'replicas' is required"), partial.body().toString());

        Answer producer = post("/register-producer", "{\"brokerId\": 101, \"brokerEpoch\": 0, \"producerId\": 7}");
        assertEquals(201, producer.status(), producer.body().toString());
        assertEquals("Producer registered successfully", producer.body().get("message").asText());
        assertEquals(400, post("/register-producer", "{\"brokerEpoch\": 0, \"producerId\": 7}").status());

        JsonNode fetched = get("/metadata-fetch-by-id/101").body();
        assertTrue(fetched.get("last_updated").asLong() > 0, fetched.toString());
        assertEquals(404, get("/metadata-fetch-by-id/999").status());
        assertTrue(get("/metadata-fetch-by-id/999").body().has("message"));

        Answer deleted = send("DELETE", "/register-broker/104", null);
        assertEquals(200, deleted.status(), deleted.body().toString());
        assertEquals("Record deleted successfully", deleted.body().get("message").asText());
        assertEquals(404, send("DELETE", "/register-broker/104", null).status());
        assertEquals(200, get("/health").status(), "a broker stopped and unregistered is gone, not waited for");
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

    /** KIP-853 over REST: POST /controllers starts an observer, POST /voters adds it, DELETE /voters/{id} removes a voter. */
    @Test
    void controllersAndVotersAreRoutesWithKafkasErrors() throws Exception {
        Answer started = post("/controllers", "{\"id\": 4}");
        assertEquals(200, started.status(), started.body().toString());
        assertEquals(400, post("/controllers", "{\"id\": 4}").status(), "node 4 exists already");
        Answer lagging = post("/voters", "{\"id\": 4}");
        assertEquals(409, lagging.status(), lagging.body().toString());
        assertEquals("REQUEST_TIMED_OUT", lagging.body().get("error").asText(), "not yet a caught-up observer");
        long t0 = live.latest().snapshot().now();
        io.yakraft.session.Driving.until(live, s -> s.now() >= t0 + 2_000, 5_000);
        Answer added = post("/voters", "{\"id\": 4}");
        assertEquals(200, added.status(), added.body().toString());
        assertEquals("REQUEST_TIMED_OUT", post("/voters", "{\"id\": 2}").body().get("error").asText(),
                "one change at a time: the last one is not committed yet (Kafka checks that before duplicates)");
        long t1 = live.latest().snapshot().now();
        io.yakraft.session.Driving.until(live, s -> s.now() >= t1 + 1_000, 5_000);
        assertEquals("DUPLICATE_VOTER", post("/voters", "{\"id\": 2}").body().get("error").asText());
        assertEquals(4, get("/cluster").body().get("currentVoters").size());
        Answer removed = send("DELETE", "/voters/4", null);
        assertEquals(200, removed.status(), removed.body().toString());
        long t2 = live.latest().snapshot().now();
        io.yakraft.session.Driving.until(live, s -> s.now() >= t2 + 1_000, 5_000);
        assertEquals(404, send("DELETE", "/voters/4", null).status(), "VOTER_NOT_FOUND");
        assertEquals(404, post("/voters", "{\"id\": 77}").status(), "no node 77");
        assertEquals(3, get("/cluster").body().get("currentVoters").size());
    }
}
