package io.yakraft.kafka;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ids of nodes added to a local cluster, and the process state behind pause, without any Kafka process. */
class NewNodesTest {
    private static final LocalClusterState THREE_AND_ONE = new LocalClusterState("id", "/lib", List.of(
            new LocalNode(1, NodeRole.CONTROLLER, 9001, "a", 0), new LocalNode(2, NodeRole.CONTROLLER, 9002, "b", 0),
            new LocalNode(3, NodeRole.CONTROLLER, 9003, "c", 0), new LocalNode(101, NodeRole.BROKER, 9101, "", 0)));

    @Test
    void aNewNodeTakesOnePastTheHighestIdOfItsRole() {
        assertEquals(4, NewNodes.nextId(THREE_AND_ONE, NodeRole.CONTROLLER));
        assertEquals(102, NewNodes.nextId(THREE_AND_ONE, NodeRole.BROKER));
        LocalClusterState noBrokers = new LocalClusterState("id", "/lib", THREE_AND_ONE.controllers());
        assertEquals(LocalCluster.FIRST_BROKER_ID, NewNodes.nextId(noBrokers, NodeRole.BROKER));
        assertEquals(5, NewNodes.nextId(THREE_AND_ONE.plus(new LocalNode(4, NodeRole.CONTROLLER, 9004, "d", 0)), NodeRole.CONTROLLER));
    }

    @Test
    void anIdInUseOrOutsideTheRolesRangeIsRefusedWithTheReason() {
        assertEquals(7, NewNodes.checkFree(THREE_AND_ONE, 7, NodeRole.CONTROLLER));
        var taken = assertThrows(IllegalArgumentException.class, () -> NewNodes.checkFree(THREE_AND_ONE, 101, NodeRole.BROKER));
        assertTrue(taken.getMessage().contains("node 101 already exists"), taken.getMessage());
        var range = assertThrows(IllegalArgumentException.class, () -> NewNodes.checkFree(THREE_AND_ONE, 150, NodeRole.CONTROLLER));
        assertTrue(range.getMessage().contains("1..100"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NewNodes.checkFree(THREE_AND_ONE, 5, NodeRole.BROKER));
    }

    @Test
    void aStoppedProcessIsReadFromTheStateLetterAfterTheCommandName() {
        assertEquals('T', Signals.stateOfStatLine("4242 (java) T 1 4242 4242 0 -1"));
        assertEquals('S', Signals.stateOfStatLine("4242 (my (odd) cmd) S 1 4242"));
        assertEquals('T', Signals.stateOfStatLine("4242 (java) t 1"), "stopped by a tracer counts as stopped");
        assertThrows(IllegalArgumentException.class, () -> Signals.stateOfStatLine("garbage"));
    }

    @Test
    void theCurrentProcessIsNotStopped() {
        // a running JVM reads its own state as running (R or S), never T
        assertEquals(false, Signals.stopped(ProcessHandle.current().pid()));
    }
}
