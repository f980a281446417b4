package io.yakraft.check.lin;

import io.yakraft.check.lin.Call.ReadBroker;
import io.yakraft.check.lin.Call.RegisterBroker;
import io.yakraft.check.lin.Call.UnregisterBroker;
import io.yakraft.check.lin.Result.Failed;

/**
 * One broker id: registered with an epoch, or not. A registration succeeds with an epoch above
 * every epoch granted before (Kafka: the epoch is the registration record's offset);
 * DUPLICATE_BROKER_REGISTRATION only while registered; an unregistration succeeds only while
 * registered and BROKER_ID_NOT_REGISTERED only while not; a read sees exactly the state. A pending
 * registration leaves the epoch unknown until a read names it.
 */
final class BrokerModel implements Model<BrokerModel.State> {
    static final BrokerModel INSTANCE = new BrokerModel();

    /** {@code epoch} -1 while registered: not known yet; {@code maxEpoch}: the highest epoch known granted. */
    record State(boolean registered, long epoch, long maxEpoch) {
    }

    @Override
    public State initial() {
        return new State(false, -1, -1);
    }

    @Override
    public long progress(State s) {
        return s.maxEpoch();
    }

    @Override
    public long ceiling(Call call, Result result) {
        return result instanceof Result.BrokerRegistered b ? b.epoch() - 1 : Long.MAX_VALUE;
    }

    @Override
    public String rules() {
        return "each registration gets an epoch above every earlier one, a broker is unregistered only while registered,"
                + " and every answer and read reflects all operations before it";
    }

    @Override
    public State step(State s, Call call, Result r) {
        if (call instanceof RegisterBroker) {
            if (r instanceof Result.Unknown) {
                return new State(true, -1, s.maxEpoch());
            }
            if (r instanceof Result.BrokerRegistered b) {
                return b.epoch() > s.maxEpoch() ? new State(true, b.epoch(), b.epoch()) : null;
            }
            if (r instanceof Failed f && f.error().equals("DUPLICATE_BROKER_REGISTRATION")) {
                return s.registered() ? s : null;
            }
            return s;
        }
        if (call instanceof UnregisterBroker) {
            State gone = new State(false, -1, s.maxEpoch());
            if (r instanceof Result.Unknown) {
                return s.registered() ? gone : s;
            }
            if (r instanceof Result.Done) {
                return s.registered() ? gone : null;
            }
            if (r instanceof Failed f && f.error().equals("BROKER_ID_NOT_REGISTERED")) {
                return s.registered() ? null : s;
            }
            return s;
        }
        if (call instanceof ReadBroker) {
            Result.BrokerState b = (Result.BrokerState) r;
            if (b.registered() != s.registered()) {
                return null;
            }
            if (!b.registered()) {
                return s;
            }
            if (s.epoch() >= 0) {
                return s.epoch() == b.epoch() ? s : null;
            }
            return b.epoch() > s.maxEpoch() ? new State(true, b.epoch(), b.epoch()) : null;
        }
        throw Model.wrongCall("the broker model", call);
    }
}
