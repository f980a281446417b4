package io.yakraft.cluster;

import io.yakraft.data.Acks;
import io.yakraft.metadata.ControllerCommand;

/**
 * What {@link Cluster#apply} did with an action. Code switches on the type; {@link #describe()}
 * gives the words for people (a step report, the status bar) and is never parsed.
 */
public sealed interface Outcome {
    String describe();

    /** Done; nothing to hand back but the words. */
    record Accepted(String words) implements Outcome {
        @Override
        public String describe() {
            return words;
        }
    }

    /** Not done: {@code what} was refused for {@code code}, {@code message} says why. */
    record Refused(ErrorCode code, String what, String message) implements Outcome {
        @Override
        public String describe() {
            return what + ": " + message;
        }
    }

    /** Done, with something the caller may need. */
    sealed interface Answered extends Outcome {
    }

    /** A feed's producer was placed; {@code feedId} follows it in the snapshots. */
    record FeedStarted(int feedId, String topic, String source, Acks acks) implements Answered {
        @Override
        public String describe() {
            return "feed " + feedId + ": " + source + " into '" + topic + "' with acks=" + acks.label();
        }
    }

    /** The broker process started; it registers with the controller on its own. */
    record BrokerStarted(int brokerId) implements Answered {
        @Override
        public String describe() {
            return "broker b" + brokerId + " started";
        }
    }

    /** The broker asked the controller for producer ids; the answer comes as a ControllerReply. */
    record ProducerIdsRequested(int brokerId) implements Answered {
        @Override
        public String describe() {
            return "b" + brokerId + " asks for producer ids";
        }
    }

    /** The command went to the active controller; its answer comes later as a ControllerReply. */
    record CommandSent(ControllerCommand command) implements Answered {
        @Override
        public String describe() {
            return command.describe() + " sent to the active controller";
        }
    }

    /** {@code count} raw raft entries were appended from {@code baseOffset}. */
    record Written(int count, long baseOffset) implements Answered {
        @Override
        public String describe() {
            return count + " raw raft entr" + (count == 1 ? "y" : "ies") + " (not metadata records) appended at " + baseOffset;
        }
    }
}
