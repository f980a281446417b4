package io.yakraft.data;

import java.util.List;

/** The controller's answer to an {@link AlterIsrRequest}, as the partition leader acts on it. */
public sealed interface AlterIsrAnswer {

    /** Committed: this ISR holds from {@code partitionEpoch} on. */
    record Committed(int leaderEpoch, List<Integer> isr, int partitionEpoch) implements AlterIsrAnswer {
        public Committed {
            isr = List.copyOf(isr);
        }
    }

    /** Refused for good: the change will never be made, the leader may ask again. */
    record Refused(String error) implements AlterIsrAnswer {
    }

    /**
     * Neither: the change may have been written (NOT_CONTROLLER after the write, a new controller
     * can still commit it) or already was (INVALID_UPDATE_VERSION); only the image settles it.
     */
    record Unsettled(String error) implements AlterIsrAnswer {
    }

    /** Who hears the answer, at the simulated time it arrives. */
    @FunctionalInterface
    interface Listener {
        void answered(long now, AlterIsrAnswer answer);
    }
}
