package io.yakraft.check.lin;

import io.yakraft.check.lin.Call.Produce;

/**
 * A partition's committed log, as its length: a produce acknowledged with acks=all appends its
 * batch at exactly the log's end, so acknowledged offsets follow the committed log's order and no
 * two acknowledged batches overlap. A produce without a settling answer (an error, a timeout, or
 * acks below all) may have appended its batch once, at any time after it was sent, or not at all.
 */
final class PartitionLogModel implements Model<Long> {
    static final PartitionLogModel INSTANCE = new PartitionLogModel();

    @Override
    public Long initial() {
        return 0L;
    }

    @Override
    public long progress(Long end) {
        return end;
    }

    @Override
    public long ceiling(Call call, Result result) {
        return result instanceof Result.Produced ok ? ok.baseOffset() : Long.MAX_VALUE;
    }

    @Override
    public String rules() {
        return "every batch acknowledged with acks=all lands at the end of the committed log as it stood, after every"
                + " batch acknowledged before it and overlapping none";
    }

    @Override
    public Object effectClass(Call call) {
        return call instanceof Produce p ? p.records() : call;
    }

    @Override
    public Long step(Long end, Call call, Result r) {
        if (call instanceof Produce p) {
            if (r instanceof Result.Unknown) {
                return end + p.records();
            }
            if (r instanceof Result.Produced ok) {
                return ok.baseOffset() == end ? end + p.records() : null;
            }
            return end;
        }
        throw Model.wrongCall("the partition log model", call);
    }
}
