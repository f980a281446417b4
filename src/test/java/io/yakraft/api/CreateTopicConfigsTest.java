package io.yakraft.api;

import io.yakraft.api.RestFixture.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /create-topic takes topic configs; a bad one is Kafka's INVALID_CONFIG, naming the config. */
class CreateTopicConfigsTest {
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
    void configsAreCommittedWithTheTopicAndABadOneIsInvalidConfig() throws Exception {
        Answer created = rest.post("/create-topic", "{\"name\": \"orders\", \"partitions\": 1, \"replicationFactor\": 3,"
                + " \"configs\": {\"min.insync.replicas\": 2, \"unclean.leader.election.enable\": true}}");
        assertEquals(201, created.status(), created.raw().body());
        Answer metadata = rest.get("/metadata");
        assertTrue(metadata.raw().body().contains("\"min.insync.replicas\""), metadata.raw().body());
        assertTrue(metadata.raw().body().contains("\"unclean.leader.election.enable\""), metadata.raw().body());

        Answer unknown = rest.post("/create-topic", "{\"name\": \"x\", \"configs\": {\"retention.ms\": 5}}");
        assertEquals(400, unknown.status());
        assertEquals("INVALID_CONFIG", unknown.body().path("error").asText(), unknown.raw().body());
        assertTrue(unknown.raw().body().contains("retention.ms"), unknown.raw().body());
        Answer bad = rest.post("/create-topic", "{\"name\": \"y\", \"configs\": {\"min.insync.replicas\": 0}}");
        assertEquals(400, bad.status());
        assertTrue(bad.raw().body().contains("min.insync.replicas"), bad.raw().body());
    }
}
