package io.yakraft.api;

import io.yakraft.api.RestFixture.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /alter-topic-config: Kafka's IncrementalAlterConfigs on one topic (ConfigurationControlManager
 * .incrementalAlterConfigs); null deletes a config; a bad one is INVALID_CONFIG naming it. The
 * partition JSON carries KIP-966's fields.
 */
class AlterTopicConfigTest {
    private RestFixture rest;

    @BeforeEach
    void serve() throws Exception {
        rest = RestFixture.ready();
    }

    @AfterEach
    void stop() {
        rest.close();
    }

    @Test
    void configsAreSetAndDeletedLiveAndABadOneIsInvalidConfig() throws Exception {
        assertEquals(201, rest.post("/create-topic", "{\"name\": \"orders\", \"partitions\": 1, \"replicationFactor\": 3,"
                + " \"configs\": {\"unclean.leader.election.enable\": true}}").status());
        Answer altered = rest.post("/alter-topic-config", "{\"name\": \"orders\", \"configs\": {\"min.insync.replicas\": 2,"
                + " \"unclean.leader.election.enable\": null}}");
        assertEquals(200, altered.status(), altered.raw().body());
        assertEquals("2", altered.body().path("configs").path("min.insync.replicas").asText(), altered.raw().body());
        assertTrue(altered.body().path("configs").path("unclean.leader.election.enable").isMissingNode(),
                "null deletes the config: " + altered.raw().body());

        Answer bad = rest.post("/alter-topic-config", "{\"name\": \"orders\", \"configs\": {\"min.insync.replicas\": 0}}");
        assertEquals(400, bad.status(), bad.raw().body());
        assertEquals("INVALID_CONFIG", bad.body().path("error").asText(), bad.raw().body());
        assertTrue(bad.raw().body().contains("min.insync.replicas"), bad.raw().body());
        Answer unknownConfig = rest.post("/alter-topic-config", "{\"name\": \"orders\", \"configs\": {\"retention.ms\": 5}}");
        assertEquals(400, unknownConfig.status(), unknownConfig.raw().body());
        assertTrue(unknownConfig.raw().body().contains("retention.ms"), unknownConfig.raw().body());
        assertEquals(404, rest.post("/alter-topic-config", "{\"name\": \"nope\", \"configs\": {\"min.insync.replicas\": 1}}")
                .status());
        assertEquals(400, rest.post("/alter-topic-config", "{\"name\": \"orders\"}").status());

        Answer partitions = rest.get("/partitions");
        assertTrue(partitions.raw().body().contains("\"eligibleLeaderReplicas\""), partitions.raw().body());
        assertTrue(partitions.raw().body().contains("\"leaderRecoveryState\":\"RECOVERED\""), partitions.raw().body());
    }
}
