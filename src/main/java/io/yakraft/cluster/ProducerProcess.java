package io.yakraft.cluster;

import io.yakraft.data.DataMessage;
import io.yakraft.data.DataConfig;
import io.yakraft.data.DataMessage.ProduceResponse;
import io.yakraft.data.Feed;
import io.yakraft.data.Producer;

/**
 * Hosts one feed's {@link Producer} beside a broker (its home): hands it produce answers and
 * wake-ups with the home broker's translated image, and tells it when the broker dies.
 */
final class ProducerProcess implements NodeProcess {
    private final int home;
    private final DataImages images;
    private final Producer core;

    ProducerProcess(int home, DataImages images, DataConfig config, Feed feed, DataHost host) {
        this.home = home;
        this.images = images;
        this.core = new Producer(home, config, feed, host);
    }

    @Override
    public boolean handle(long now, int from, Object payload) {
        return payload instanceof ProduceResponse r && core.handle(now, from, r, images.of(home));
    }

    @Override
    public long nextWakeAt() {
        return core.nextWakeAt();
    }

    @Override
    public void wake(long now) {
        core.wake(now, images.of(home));
    }

    @Override
    public void afterEvent(long now) {
        core.afterEvent(now, images.of(home));
    }

    @Override
    public void crashed() {
        core.crashed();
    }
}
