package io.yakraft.check.lin;

import io.yakraft.check.lin.Call.CreatePartitions;
import io.yakraft.check.lin.Call.CreateTopic;
import io.yakraft.check.lin.Call.DeleteTopic;
import io.yakraft.check.lin.Call.ReadTopic;
import io.yakraft.check.lin.Result.Failed;

import java.util.Objects;

/**
 * One topic name: absent, or present with an id and a partition count. A create succeeds only on
 * an absent topic and TOPIC_ALREADY_EXISTS only on a present one; a delete succeeds only on a
 * present one and UNKNOWN_TOPIC_OR_PARTITION only on an absent one; partitions only grow; a read
 * sees exactly the state. Errors that depend on other keys (replication factor, placement, name
 * collisions) do not change or constrain the topic. A pending create leaves the new id unknown
 * until a later answer or read names it.
 */
final class TopicModel implements Model<TopicModel.State> {
    static final TopicModel INSTANCE = new TopicModel();

    /** {@code id} null: not known yet; {@code partitions} -1: not known yet. */
    record State(boolean exists, String id, int partitions) {
        static final State ABSENT = new State(false, null, -1);
    }

    @Override
    public State initial() {
        return State.ABSENT;
    }

    @Override
    public String rules() {
        return "a topic is created only while absent and deleted only while present, keeps its id until deleted, only"
                + " grows its partitions, and every answer and read reflects all operations before it";
    }

    @Override
    public State step(State s, Call call, Result r) {
        if (call instanceof CreateTopic c) {
            return create(s, c, r);
        }
        if (call instanceof DeleteTopic) {
            if (r instanceof Result.Unknown || r instanceof Result.Done) {
                return s.exists() ? State.ABSENT : r instanceof Result.Done ? null : s;
            }
            return r instanceof Failed f && f.error().equals("UNKNOWN_TOPIC_OR_PARTITION") && s.exists() ? null : s;
        }
        if (call instanceof CreatePartitions c) {
            return grow(s, c, r);
        }
        if (call instanceof ReadTopic) {
            Result.TopicState t = (Result.TopicState) r;
            if (t.exists() != s.exists()) {
                return null;
            }
            return t.exists() ? narrow(s, t.topicId(), t.partitions()) : s;
        }
        throw Model.wrongCall("the topic model", call);
    }

    private State create(State s, CreateTopic c, Result r) {
        if (r instanceof Result.Unknown) {
            return s.exists() ? s : new State(true, null, c.partitions());
        }
        if (r instanceof Result.TopicCreated t) {
            if (s.exists() || (c.partitions() > 0 && t.partitions() != c.partitions())) {
                return null;
            }
            return new State(true, t.topicId(), t.partitions());
        }
        if (r instanceof Failed f && f.error().equals("TOPIC_ALREADY_EXISTS")) {
            return s.exists() ? s : null;
        }
        return s; // refused for a reason outside this topic's state
    }

    private State grow(State s, CreatePartitions c, Result r) {
        if (r instanceof Result.Unknown) {
            return s.exists() && (s.partitions() < 0 || s.partitions() < c.total()) ? new State(true, s.id(), c.total()) : s;
        }
        if (r instanceof Result.PartitionsCreated p) {
            if (!s.exists() || (s.partitions() >= 0 && s.partitions() >= p.total()) || p.total() != c.total()) {
                return null;
            }
            State named = narrow(s, p.topicId(), -1);
            return named == null ? null : new State(true, named.id(), p.total());
        }
        if (r instanceof Failed f) {
            if (f.error().equals("UNKNOWN_TOPIC_OR_PARTITION")) {
                return s.exists() ? null : s;
            }
        }
        return s;
    }

    /** The state with an id and partition count learnt (null when they contradict what it knows). */
    private static State narrow(State s, String id, int partitions) {
        if (s.id() != null && !Objects.equals(s.id(), id)) {
            return null;
        }
        if (partitions >= 0 && s.partitions() >= 0 && s.partitions() != partitions) {
            return null;
        }
        return new State(true, id, partitions >= 0 ? partitions : s.partitions());
    }
}
