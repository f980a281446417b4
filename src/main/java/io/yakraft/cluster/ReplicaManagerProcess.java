package io.yakraft.cluster;

import io.yakraft.data.DataConfig;
import io.yakraft.data.DataMessage;
import io.yakraft.data.PartitionLog;
import io.yakraft.data.ReplicaManager;
import io.yakraft.data.ReplicaView;
import io.yakraft.data.TopicPartition;

import java.util.Map;

/**
 * Hosts a broker's {@link ReplicaManager} on the kernel: hands it data messages and wake-ups,
 * and after each event the broker's translated image once the broker has caught up with its own
 * registration (Kafka's brokers wait for that before their replica manager starts), so a
 * restarted broker never leads on a stale image.
 */
final class ReplicaManagerProcess implements NodeProcess {
    private final int id;
    private final DataImages images;
    private final BrokerProcess broker;
    private final ReplicaManager core;

    ReplicaManagerProcess(int id, int incarnation, DataImages images, DataConfig config, io.yakraft.data.ReplicationRules rules,
                          Map<TopicPartition, PartitionLog> disk, BrokerProcess broker, DataHost host) {
        this.id = id;
        this.images = images;
        this.broker = broker;
        this.core = new ReplicaManager(id, incarnation, config, rules, disk, host);
    }

    /** This broker's replicas as views can show them. */
    Map<TopicPartition, ReplicaView> views() {
        return core.views();
    }

    @Override
    public boolean handle(long now, int from, Object payload) {
        return payload instanceof DataMessage m && core.handle(now, from, m);
    }

    @Override
    public long nextWakeAt() {
        return core.nextWakeAt();
    }

    @Override
    public void wake(long now) {
        core.wake(now);
    }

    @Override
    public void afterEvent(long now) {
        if (broker.caughtUp()) {
            core.follow(now, images.of(id));
        }
        core.afterEvent(now);
    }
}
