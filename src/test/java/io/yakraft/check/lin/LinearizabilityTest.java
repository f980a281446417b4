package io.yakraft.check.lin;

import io.yakraft.check.lin.Call.AllocateProducerIds;
import io.yakraft.check.lin.Call.CreatePartitions;
import io.yakraft.check.lin.Call.CreateTopic;
import io.yakraft.check.lin.Call.DeleteTopic;
import io.yakraft.check.lin.Call.Produce;
import io.yakraft.check.lin.Call.ReadBroker;
import io.yakraft.check.lin.Call.ReadProducerIds;
import io.yakraft.check.lin.Call.ReadTopic;
import io.yakraft.check.lin.Call.RegisterBroker;
import io.yakraft.check.lin.Call.UnregisterBroker;
import io.yakraft.check.lin.Result.BrokerRegistered;
import io.yakraft.check.lin.Result.BrokerState;
import io.yakraft.check.lin.Result.Done;
import io.yakraft.check.lin.Result.Failed;
import io.yakraft.check.lin.Result.NextProducerId;
import io.yakraft.check.lin.Result.PartitionsCreated;
import io.yakraft.check.lin.Result.Produced;
import io.yakraft.check.lin.Result.ProducerIds;
import io.yakraft.check.lin.Result.TopicCreated;
import io.yakraft.check.lin.Result.TopicState;
import io.yakraft.check.lin.Result.Unknown;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-made histories with the verdict each must get, and the minimal sub-history a violation names. */
class LinearizabilityTest {
    private static final long OPEN = Long.MAX_VALUE;

    /** Builds a history: op(client, from, to, call, result); ids follow the order of the calls. */
    private static final class H {
        final List<Operation> ops = new ArrayList<>();

        H op(int client, long from, long to, Call call, Result result) {
            ops.add(new Operation(ops.size(), client, from, to, call, result));
            return this;
        }

        History history() {
            return new History(ops);
        }

        Verdict check() {
            return Linearizability.check(history());
        }
    }

    private static List<Integer> ids(Verdict.NonLinearizable v) {
        return v.operations().stream().map(Operation::id).toList();
    }

    // ------------------------------------------------------------- topics

    @Test
    void sequentialCreateReadDeleteIsLinearizable() {
        Verdict v = new H()
                .op(-1, 0, 10, new CreateTopic("t", 3), new TopicCreated("A", 3))
                .op(-2, 20, 20, new ReadTopic("t"), new TopicState(true, "A", 3))
                .op(-1, 30, 40, new CreateTopic("t", 3), new Failed("TOPIC_ALREADY_EXISTS"))
                .op(-1, 50, 60, new CreatePartitions("t", 5), new PartitionsCreated("A", 5))
                .op(-1, 70, 80, new DeleteTopic("t"), new Done())
                .op(-2, 90, 90, new ReadTopic("t"), new TopicState(false, null, -1))
                .op(-1, 95, 99, new DeleteTopic("t"), new Failed("UNKNOWN_TOPIC_OR_PARTITION"))
                .check();
        assertTrue(v.linearizable(), v::describe);
        assertEquals(7, v.operations());
        assertEquals(1, v.keys());
    }

    @Test
    void twoConcurrentCreatesMayBothBeAnsweredEitherWay() {
        // overlapping: the second's TOPIC_ALREADY_EXISTS is fine whichever client invoked first
        Verdict v = new H()
                .op(1, 0, 50, new CreateTopic("t", 1), new Failed("TOPIC_ALREADY_EXISTS"))
                .op(2, 10, 40, new CreateTopic("t", 1), new TopicCreated("A", 1))
                .check();
        assertTrue(v.linearizable(), v::describe);
    }

    @Test
    void twoSuccessfulCreatesOfOneTopicAreCaughtEvenWhenConcurrent() {
        Verdict v = new H()
                .op(1, 0, 50, new CreateTopic("t", 1), new TopicCreated("A", 1))
                .op(2, 10, 40, new CreateTopic("t", 1), new TopicCreated("B", 1))
                .check();
        assertFalse(v.linearizable());
        assertEquals("topic:t", v.violations().get(0).key());
        assertEquals(List.of(0, 1), ids(v.violations().get(0)));
    }

    @Test
    void aReadThatMissesACompletedCreateIsCaughtAndTheExplanationNamesOnlyTheConflict() {
        Verdict v = new H()
                .op(-2, 0, 0, new ReadTopic("t"), new TopicState(false, null, -1))
                .op(-1, 5, 10, new CreateTopic("t", 2), new TopicCreated("A", 2))
                .op(-2, 12, 12, new ReadTopic("t"), new TopicState(true, "A", 2))
                .op(-2, 20, 20, new ReadTopic("t"), new TopicState(false, null, -1)) // lost commit
                .op(-2, 30, 30, new ReadTopic("u"), new TopicState(false, null, -1))
                .check();
        assertFalse(v.linearizable());
        assertEquals(1, v.violations().size(), "topic u is fine");
        Verdict.NonLinearizable bad = v.violations().get(0);
        assertEquals(List.of(1, 3), ids(bad), "the create and the read that misses it; the other reads are not needed");
        assertTrue(bad.explanation().contains("#3 reader ReadTopic(t) [20 → 20 ms] → absent"), bad.explanation());
        assertTrue(bad.explanation().startsWith("topic:t: not linearizable"), bad.explanation());
    }

    @Test
    void aReadConcurrentWithACreateMaySeeEither() {
        Verdict v = new H()
                .op(-1, 0, 100, new CreateTopic("t", 2), new TopicCreated("A", 2))
                .op(-2, 20, 20, new ReadTopic("t"), new TopicState(false, null, -1))
                .op(-2, 50, 50, new ReadTopic("t"), new TopicState(true, "A", 2))
                .check();
        assertTrue(v.linearizable(), v::describe);
    }

    @Test
    void readsMayNotGoBackInTimeDuringAConcurrentCreate() {
        Verdict v = new H()
                .op(-1, 0, 100, new CreateTopic("t", 2), new TopicCreated("A", 2))
                .op(-2, 20, 20, new ReadTopic("t"), new TopicState(true, "A", 2))
                .op(-2, 50, 50, new ReadTopic("t"), new TopicState(false, null, -1))
                .check();
        assertFalse(v.linearizable());
        assertEquals(List.of(0, 1, 2), ids(v.violations().get(0)), "the create the first read builds on stays named");
    }

    @Test
    void aPendingCreateMayTakeEffectLaterOrNever() {
        H took = new H()
                .op(-1, 0, OPEN, new CreateTopic("t", 2), new Unknown())
                .op(-2, 20, 20, new ReadTopic("t"), new TopicState(false, null, -1))
                .op(-2, 900, 900, new ReadTopic("t"), new TopicState(true, "X", 2));
        assertTrue(took.check().linearizable(), "it took effect between the reads");
        H never = new H()
                .op(-1, 0, OPEN, new CreateTopic("t", 2), new Unknown())
                .op(-2, 900, 900, new ReadTopic("t"), new TopicState(false, null, -1));
        assertTrue(never.check().linearizable(), "it never took effect");
        H flickers = new H()
                .op(-1, 0, OPEN, new CreateTopic("t", 2), new Unknown())
                .op(-2, 20, 20, new ReadTopic("t"), new TopicState(true, "X", 2))
                .op(-2, 900, 900, new ReadTopic("t"), new TopicState(false, null, -1));
        assertFalse(flickers.check().linearizable(), "once seen, a topic nobody deleted stays");
    }

    @Test
    void aTopicKeepsTheIdItWasSeenWith() {
        Verdict v = new H()
                .op(-1, 0, OPEN, new CreateTopic("t", 2), new Unknown())
                .op(-2, 20, 20, new ReadTopic("t"), new TopicState(true, "X", 2))
                .op(-2, 30, 30, new ReadTopic("t"), new TopicState(true, "Y", 2))
                .check();
        assertFalse(v.linearizable());
    }

    @Test
    void partitionsOnlyGrow() {
        Verdict v = new H()
                .op(-1, 0, 10, new CreateTopic("t", 3), new TopicCreated("A", 3))
                .op(-1, 20, 30, new CreatePartitions("t", 6), new PartitionsCreated("A", 6))
                .op(-1, 40, 50, new CreatePartitions("t", 5), new PartitionsCreated("A", 5))
                .check();
        assertFalse(v.linearizable());
    }

    @Test
    void errorsThatDependOnOtherKeysConstrainNothing() {
        Verdict v = new H()
                .op(-1, 0, 10, new CreateTopic("t", 3), new Failed("INVALID_REPLICATION_FACTOR"))
                .op(-2, 20, 20, new ReadTopic("t"), new TopicState(false, null, -1))
                .check();
        assertTrue(v.linearizable(), v::describe);
    }

    // ------------------------------------------------------------- brokers

    @Test
    void brokerEpochsGrowAcrossRegistrations() {
        H ok = new H()
                .op(1, 0, 10, new RegisterBroker(1), new BrokerRegistered(5))
                .op(-2, 11, 11, new ReadBroker(1), new BrokerState(true, 5))
                .op(1, 20, 30, new RegisterBroker(1), new BrokerRegistered(9))
                .op(-1, 40, 50, new UnregisterBroker(1), new Done())
                .op(-1, 60, 70, new UnregisterBroker(1), new Failed("BROKER_ID_NOT_REGISTERED"))
                .op(-2, 71, 71, new ReadBroker(1), new BrokerState(false, -1));
        assertTrue(ok.check().linearizable(), ok.check()::describe);
        H reused = new H()
                .op(1, 0, 10, new RegisterBroker(1), new BrokerRegistered(9))
                .op(1, 20, 30, new RegisterBroker(1), new BrokerRegistered(9)); // an epoch granted twice: a lost record
        Verdict v = reused.check();
        assertFalse(v.linearizable());
        assertEquals("broker:1", v.violations().get(0).key());
    }

    @Test
    void aPendingRegistrationMayExplainALaterRead() {
        Verdict v = new H()
                .op(1, 0, OPEN, new RegisterBroker(1), new Unknown())
                .op(-2, 500, 500, new ReadBroker(1), new BrokerState(true, 12))
                .op(-1, 600, 700, new UnregisterBroker(1), new Done())
                .check();
        assertTrue(v.linearizable(), v::describe);
        Verdict w = new H()
                .op(-2, 500, 500, new ReadBroker(1), new BrokerState(true, 12))
                .check();
        assertFalse(w.linearizable(), "nobody registered it");
    }

    // ------------------------------------------------------------- producer ids

    @Test
    void producerIdBlocksAreDisjointAndIncreasing() {
        H ok = new H()
                .op(1, 0, 10, new AllocateProducerIds(1, 1000), new ProducerIds(0, 1000))
                .op(2, 5, OPEN, new AllocateProducerIds(2, 1000), new Unknown())   // took effect: 1000..1999
                .op(3, 20, 40, new AllocateProducerIds(3, 1000), new ProducerIds(2000, 1000))
                .op(1, 30, 50, new AllocateProducerIds(1, 1000), new Failed("STALE_BROKER_EPOCH"))
                .op(-2, 60, 60, new ReadProducerIds(), new NextProducerId(3000));
        assertTrue(ok.check().linearizable(), ok.check()::describe);
        H twice = new H()
                .op(1, 0, 10, new AllocateProducerIds(1, 1000), new ProducerIds(0, 1000))
                .op(2, 20, 30, new AllocateProducerIds(2, 1000), new ProducerIds(0, 1000));
        assertFalse(twice.check().linearizable(), "one block handed out twice");
    }

    @Test
    void concurrentAllocationsMayBeAnsweredInEitherOrder() {
        Verdict v = new H()
                .op(1, 0, 100, new AllocateProducerIds(1, 1000), new ProducerIds(1000, 1000))
                .op(2, 10, 90, new AllocateProducerIds(2, 1000), new ProducerIds(0, 1000))
                .check();
        assertTrue(v.linearizable(), v::describe);
    }

    // ------------------------------------------------------------- produce

    @Test
    void acknowledgedBatchesFollowTheLogWithPendingRetriesInBetween() {
        Verdict v = new H()
                .op(4, 0, 10, new Produce("feed-0@A", 3), new Produced(0))
                .op(4, 20, OPEN, new Produce("feed-0@A", 2), new Unknown())   // appended, answer lost
                .op(4, 60, 70, new Produce("feed-0@A", 2), new Produced(5))   // its retry lands after it
                .op(5, 65, OPEN, new Produce("feed-0@A", 4), new Unknown())   // never appended
                .op(4, 80, 90, new Produce("feed-0@A", 1), new Produced(7))
                .check();
        assertTrue(v.linearizable(), v::describe);
    }

    @Test
    void twoAcknowledgedBatchesAtOneOffsetAreCaught() {
        Verdict v = new H()
                .op(4, 0, 10, new Produce("feed-0@A", 3), new Produced(0))
                .op(4, 20, 30, new Produce("feed-0@A", 3), new Produced(3))
                .op(4, 40, 50, new Produce("feed-0@A", 3), new Produced(3)) // offset 3 acknowledged twice: data lost
                .check();
        assertFalse(v.linearizable());
        assertEquals("partition:feed-0@A", v.violations().get(0).key());
        assertTrue(v.violations().get(0).explanation().contains("acks=all"), v.describe());
    }

    @Test
    void keysAreCheckedApart() {
        Verdict v = new H()
                .op(-1, 0, 10, new CreateTopic("a", 1), new TopicCreated("A", 1))
                .op(-1, 0, 10, new CreateTopic("b", 1), new TopicCreated("B", 1))
                .op(-1, 20, 30, new CreateTopic("b", 1), new TopicCreated("C", 1))
                .op(1, 0, 10, new RegisterBroker(1), new BrokerRegistered(3))
                .check();
        assertEquals(3, v.keys());
        assertEquals(1, v.violations().size());
        assertEquals("topic:b", v.violations().get(0).key());
        assertEquals(List.of(1, 2), ids(v.violations().get(0)));
    }

    @Test
    void manyPendingRetriesStayCheap() {
        H h = new H();
        for (int i = 0; i < 400; i++) {
            h.op(-1, i * 10L, OPEN, new CreateTopic("t", 3), new Unknown()); // NOT_CONTROLLER during a long election
        }
        h.op(-1, 4_000, 4_010, new CreateTopic("t", 3), new Failed("TOPIC_ALREADY_EXISTS"));
        h.op(-2, 4_020, 4_020, new ReadTopic("t"), new TopicState(true, "A", 3));
        h.op(-1, 4_030, 4_040, new DeleteTopic("t"), new Done());
        h.op(-2, 4_050, 4_050, new ReadTopic("t"), new TopicState(true, "B", 3)); // a retry landed after the delete
        Verdict v = h.check();
        assertTrue(v.linearizable(), v::describe);
        assertTrue(v.undecided().isEmpty());
    }

    @Test
    void anOperationCannotCompleteBeforeItStarts() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Operation(0, 1, 10, 5, new ReadProducerIds(), new NextProducerId(0)));
    }
}
