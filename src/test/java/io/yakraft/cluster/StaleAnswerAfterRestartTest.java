package io.yakraft.cluster;

import io.yakraft.sim.TraceKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An answer meant for a broker's previous incarnation must not pass for an answer to the new one.
 * In Kafka it cannot: an answer comes back on the connection of the process that asked, and that
 * connection died with it. Here the broker restarts twice while the controllers hold both
 * incarnations' first RegisterBroker (correlation ids restart with each incarnation); the
 * controller answers the older one first. Taken as its own, the newer incarnation would adopt the
 * older one's broker epoch, heartbeat with it, be told STALE_BROKER_EPOCH and register a third time.
 */
class StaleAnswerAfterRestartTest {

    @Test
    void aRestartedBrokerIgnoresTheAnswerToItsPreviousIncarnationsRegistration() {
        Cluster c = new Cluster(ClusterConfig.defaults(7, 3, 1).withTrace(true));
        List<String> registrations = new ArrayList<>();
        List<String> staleEpochs = new ArrayList<>();
        List<String> heartbeats = new ArrayList<>();
        c.addTraceListener(e -> {
            if (e.time() < 30_000) {
                return;
            }
            if (e.kind() == TraceKind.COMMAND && e.reason().startsWith("RegisterBroker(b101) → 1 record")) {
                registrations.add(e.time() + ": " + e.reason());
            }
            if (e.node() == 101 && e.kind() == TraceKind.DELIVER && e.reason().contains("STALE_BROKER_EPOCH")) {
                staleEpochs.add(e.time() + ": " + e.reason());
            }
            if (e.node() == 101 && e.kind() == TraceKind.SEND && e.reason().contains("BrokerHeartbeat(b101")) {
                heartbeats.add(e.reason());
            }
        });
        c.start();
        c.runUntil(10_000);
        c.crash(101);
        c.runUntil(30_000); // its session has expired: a new incarnation may register at once
        for (int v : c.voterIds()) {
            c.pause(v); // the controllers hold what comes in
        }
        c.restart(101, false); // incarnation 1 sends RegisterBroker with correlation id 1
        c.runUntil(30_005);
        c.restart(101, false); // incarnation 2 does too
        c.runUntil(30_010);
        for (int v : c.voterIds()) {
            c.resume(v);
        }
        c.runUntil(40_000);

        assertEquals(2, registrations.size(), "one registration per incarnation, no third: " + registrations);
        assertTrue(staleEpochs.isEmpty(), "b101 heartbeat with a broker epoch not its own: " + staleEpochs);
        long ownEpoch = c.image(101).brokers().get(101).epoch();
        assertTrue(!heartbeats.isEmpty() && heartbeats.stream().allMatch(h -> h.contains("epoch " + ownEpoch + ",")),
                "every heartbeat carries the registration of incarnation 2 (epoch " + ownEpoch + "): " + heartbeats);
    }
}
