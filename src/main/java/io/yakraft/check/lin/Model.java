package io.yakraft.check.lin;

/**
 * A sequential specification of one key's state. States are immutable values with equals and
 * hashCode (the search memoizes on them).
 *
 * @param <S> the state type
 */
public interface Model<S> {
    S initial();

    /**
     * The state after {@code call} returned {@code result} from state {@code s}, or null when that
     * result is impossible in {@code s}. For a pending call ({@link Result.Unknown}): the state if
     * it takes effect now ({@code s} itself, or null, when it would change nothing).
     */
    S step(S s, Call call, Result result);

    /**
     * Pending calls of one class change every state alike, so the search only tries the
     * earliest unused one of a class (they are interchangeable). The call itself by default.
     */
    default Object effectClass(Call call) {
        return call;
    }

    /**
     * For a model with a measure that never decreases (a log's end, the next producer id): the
     * state's measure; the search then drops a branch as soon as the measure passes the
     * {@link #ceiling} of an operation still to be placed, which could never fit after that.
     * Long.MIN_VALUE (the default): no such measure.
     */
    default long progress(S s) {
        return Long.MIN_VALUE;
    }

    /** The highest {@link #progress} at which this answered call can still take effect (Long.MAX_VALUE: any). */
    default long ceiling(Call call, Result result) {
        return Long.MAX_VALUE;
    }

    /** The model's rules in a sentence, for the explanation of a violation. */
    String rules();

    /** The model for a key ("topic:…", "broker:…", "producer-ids", "partition:…"). */
    static Model<?> forKey(String key) {
        if (key.startsWith("topic:")) {
            return TopicModel.INSTANCE;
        }
        if (key.startsWith("broker:")) {
            return BrokerModel.INSTANCE;
        }
        if (key.equals(Call.PRODUCER_IDS)) {
            return ProducerIdModel.INSTANCE;
        }
        if (key.startsWith("partition:")) {
            return PartitionLogModel.INSTANCE;
        }
        throw new IllegalArgumentException("no model for key '" + key + "'");
    }

    static IllegalArgumentException wrongCall(String model, Call call) {
        return new IllegalArgumentException(model + " has no rule for " + call.describe());
    }
}
