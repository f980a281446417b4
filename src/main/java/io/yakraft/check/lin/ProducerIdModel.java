package io.yakraft.check.lin;

import io.yakraft.check.lin.Call.AllocateProducerIds;
import io.yakraft.check.lin.Call.ReadProducerIds;

/**
 * The cluster's producer-id allocator (one key for every broker): the next id not handed out.
 * A granted block starts exactly there and moves it past the block, so blocks are disjoint and
 * increasing; errors (a stale or unknown broker epoch) change nothing; a read sees the next id.
 */
final class ProducerIdModel implements Model<Long> {
    static final ProducerIdModel INSTANCE = new ProducerIdModel();

    @Override
    public Long initial() {
        return 0L;
    }

    @Override
    public long progress(Long next) {
        return next;
    }

    @Override
    public long ceiling(Call call, Result result) {
        if (result instanceof Result.ProducerIds b) {
            return b.first();
        }
        return result instanceof Result.NextProducerId n ? n.next() : Long.MAX_VALUE;
    }

    @Override
    public String rules() {
        return "each granted block starts at the first id no earlier block covers (blocks are disjoint and increasing),"
                + " and a read sees the next id after every block granted before it";
    }

    @Override
    public Object effectClass(Call call) {
        return call instanceof AllocateProducerIds a ? a.blockSize() : call;
    }

    @Override
    public Long step(Long next, Call call, Result r) {
        if (call instanceof AllocateProducerIds a) {
            if (r instanceof Result.Unknown) {
                return next + a.blockSize();
            }
            if (r instanceof Result.ProducerIds b) {
                return b.first() == next ? next + b.size() : null;
            }
            return next;
        }
        if (call instanceof ReadProducerIds) {
            return ((Result.NextProducerId) r).next() == next ? next : null;
        }
        throw Model.wrongCall("the producer-id model", call);
    }
}
