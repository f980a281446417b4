package io.yakraft.metadata;

import java.util.List;

/**
 * The active controller's answer to one {@link ControllerCommand}: an error code (NONE on
 * success), a message a person can act on, and what the command produced.
 */
public record ControllerReply(ControllerError error, String message, Body body) {

    public boolean ok() {
        return error == ControllerError.NONE;
    }

    public static ControllerReply ok(Body body) {
        return new ControllerReply(ControllerError.NONE, "", body);
    }

    public static ControllerReply error(ControllerError error, String message) {
        return new ControllerReply(error, message, new Done());
    }

    /** NOT_CONTROLLER, naming the leader to try instead (-1 when unknown). */
    public static ControllerReply notController(int leaderId) {
        return new ControllerReply(ControllerError.NOT_CONTROLLER,
                leaderId < 0 ? "no active controller is known" : "the active controller is n" + leaderId,
                new NotController(leaderId));
    }

    /**
     * NOT_CONTROLLER for a command whose records were written but not yet committed when the
     * controller lost leadership: they may still commit, or be truncated; a retry is safe
     * (a topic created meanwhile answers TOPIC_ALREADY_EXISTS).
     */
    public static ControllerReply lostLeadership(int formerController, int leaderId) {
        return new ControllerReply(ControllerError.NOT_CONTROLLER, "n" + formerController + " lost leadership before the"
                + " records were committed; they may still commit or be truncated. Retry"
                + (leaderId < 0 ? " once a new leader is elected" : " (the leader is now n" + leaderId + ")"),
                new NotController(leaderId));
    }

    public sealed interface Body {
    }

    /**
     * ElectLeaders' answer: the partitions ("topic-N") whose preferred replica now leads, and how many
     * already had it (Kafka's ELECTION_NOT_NEEDED) or could not (PREFERRED_LEADER_NOT_AVAILABLE).
     */
    public record LeadersElected(List<String> elected, int notNeeded, int notAvailable) implements Body {
        public LeadersElected {
            elected = List.copyOf(elected);
        }
    }

    public record Done() implements Body {
    }

    public record NotController(int leaderId) implements Body {
    }

    public record BrokerRegistered(long brokerEpoch) implements Body {
    }

    public record HeartbeatAnswer(boolean fenced, boolean shouldShutdown) implements Body {
    }

    public record TopicCreated(Uuid topicId, int partitions) implements Body {
    }

    public record PartitionsCreated(Uuid topicId, int totalCount) implements Body {
    }

    /** Producer ids {@code [firstProducerId, firstProducerId + size)} now belong to the broker. */
    public record ProducerIdBlock(int brokerId, long firstProducerId, int size) implements Body {
    }

    public record PartitionChanged(int leader, int leaderEpoch, int partitionEpoch, List<Integer> isr) implements Body {
    }
}
