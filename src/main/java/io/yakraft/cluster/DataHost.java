package io.yakraft.cluster;

import io.yakraft.data.Acks;
import io.yakraft.data.AlterIsrAnswer;
import io.yakraft.data.AlterIsrRequest;
import io.yakraft.data.DataMessage;
import io.yakraft.data.DataOutputs;
import io.yakraft.data.DataRecord;
import io.yakraft.data.PartitionLog;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.ControllerError;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.sim.Simulation;
import io.yakraft.sim.TraceKind;

import java.util.List;

/**
 * Carries what a broker's data-plane cores decided onto the kernel, as {@link RaftHost} does for
 * the raft core: messages go out from the broker, trace lines are DATA records at the broker,
 * ISR changes travel as the broker's AlterPartition to the controller and observers hear the rest.
 */
final class DataHost implements DataOutputs {
    private final int id;
    private final Simulation sim;
    private final BrokerProcess broker;
    private final List<ClusterObserver> observers;

    DataHost(int id, Simulation sim, BrokerProcess broker, List<ClusterObserver> observers) {
        this.id = id;
        this.sim = sim;
        this.broker = broker;
        this.observers = observers;
    }

    @Override
    public void send(int destination, DataMessage message) {
        if (message instanceof DataMessage.ProduceRequest r) {
            for (ClusterObserver o : observers) {
                o.produceSent(id, r);
            }
        }
        sim.send(id, destination, message);
    }

    @Override
    public void trace(String words) {
        if (sim.trace().enabled()) {
            sim.trace().record(sim.now(), id, TraceKind.DATA, words);
        }
    }

    @Override
    public boolean alterIsr(AlterIsrRequest request, AlterIsrAnswer.Listener onAnswer) {
        return broker.alterPartition(TopicIds.uuid(request.partition().topicId()), request.partition().partition(),
                request.leaderEpoch(), request.partitionEpoch(), request.isr(), request.isrBrokerEpochs(),
                reply -> onAnswer.answered(sim.now(), answer(reply)));
    }

    @Override
    public long brokerEpoch() {
        return broker.brokerEpoch();
    }

    @Override
    public boolean initProducerId(java.util.function.LongConsumer onId) {
        return broker.initProducerId(sim.now(), onId);
    }

    /** The controller's reply to an AlterPartition, as the partition leader acts on it. */
    static AlterIsrAnswer answer(ControllerReply reply) {
        if (reply.body() instanceof ControllerReply.PartitionChanged changed) {
            return new AlterIsrAnswer.Committed(changed.leaderEpoch(), changed.isr(), changed.partitionEpoch());
        }
        // NOT_CONTROLLER may come after the change was written (a new controller can still commit it)
        // and INVALID_UPDATE_VERSION when it already was: only the image settles those
        if (reply.ok() || reply.error() == ControllerError.NOT_CONTROLLER
                || reply.error() == ControllerError.INVALID_UPDATE_VERSION) {
            return new AlterIsrAnswer.Unsettled(reply.error().name());
        }
        return new AlterIsrAnswer.Refused(reply.error().name());
    }

    @Override
    public void leaderStarted(TopicPartition partition, int leaderEpoch, PartitionLog log) {
        for (ClusterObserver o : observers) {
            o.partitionLeaderStarted(id, partition, leaderEpoch, log);
        }
    }

    @Override
    public void truncated(TopicPartition partition, long newEndOffset, int removed) {
        for (ClusterObserver o : observers) {
            o.partitionTruncated(id, partition, newEndOffset, removed);
        }
    }

    @Override
    public void recordsAcked(TopicPartition partition, Acks acks, List<DataRecord> records) {
        for (ClusterObserver o : observers) {
            o.recordsAcked(partition, acks, records);
        }
    }
}
