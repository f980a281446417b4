package io.yakraft.scenario;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits are enforced when input is read, with the limit named and the place in the file. */
class InputLimitsTest {
    private static String refusal(String cluster, String step) {
        String json = "{\"name\": \"t\", \"cluster\": {" + cluster + "},\n \"steps\": [" + step + "]}";
        return assertThrows(ScenarioException.class, () -> ScenarioReader.read("bad.json", json)).getMessage();
    }

    private static final String CLUSTER = "\"controllers\": 3, \"brokers\": 1, \"seed\": 1";

    @Test
    void countsSizesAndTimesAreBoundedWithTheLimitNamed() {
        String m = refusal(CLUSTER, "{\"at\": \"1s\", \"action\": \"feed\", \"topic\": \"t\", \"count\": 2147483647}");
        assertTrue(m.contains("records per feed") && m.contains("1000000") && m.startsWith("bad.json:2:"), m);
        m = refusal(CLUSTER, "{\"at\": \"1s\", \"action\": \"write\", \"count\": 2147483647}");
        assertTrue(m.contains("writes per action"), m);
        m = refusal(CLUSTER, "{\"at\": \"1s\", \"action\": \"createTopic\", \"name\": \"t\", \"partitions\": 10000}");
        assertTrue(m.contains("partitions per topic") && m.contains("1000"), m);
        m = refusal(CLUSTER, "{\"at\": \"1s\", \"action\": \"createTopic\", \"name\": \"t\", \"rf\": 300}");
        assertTrue(m.contains("replication factor"), m);
        m = refusal(CLUSTER, "{\"at\": \"999999999999h\", \"action\": \"kill\", \"node\": \"leader\"}");
        assertTrue(m.contains("'at'") && m.contains("one simulated day"), m);
        m = refusal(CLUSTER, "{\"after\": \"100000h\", \"action\": \"kill\", \"node\": \"leader\"}");
        assertTrue(m.contains("'after'") && m.contains("86400000"), m);
        m = refusal(CLUSTER, "{\"at\": \"1s\", \"action\": \"registerBroker\", \"id\": 5, \"port\": 70000}");
        assertTrue(m.contains("TCP ports"), m);
    }

    @Test
    void negativeOrAbsurdNetworkSettingsAreRefusedAtLoad() {
        String m = refusal(CLUSTER + ", \"network\": {\"minLatencyMs\": -5}", "");
        assertTrue(m.startsWith("bad.json:1:") && m.contains("network.minLatencyMs") && m.contains("latency in ms"), m);
        m = refusal(CLUSTER + ", \"network\": {\"loss\": 3}", "");
        assertTrue(m.contains("network.loss") && m.contains("probability"), m);
        m = refusal(CLUSTER, "{\"at\": \"1s\", \"action\": \"network\", \"minLatencyMs\": -5}");
        assertTrue(m.contains("latency in ms"), m);
    }

    @Test
    void aNodeThatDoesNotExistIsRefusedAtLoadNamingTheNodesThatDo() {
        String m = refusal(CLUSTER, "{\"at\": \"1s\", \"action\": \"kill\", \"node\": \"n99\"}");
        assertTrue(m.contains("n99") && m.contains("n1, n2, n3, b101"), m);
        m = refusal(CLUSTER, "{\"waitFor\": {\"check\": \"leaderIs\", \"node\": \"n99\"}, \"action\": \"kill\", \"node\": \"leader\"}");
        assertTrue(m.contains("n99") && m.contains("b101"), m);
    }
}
