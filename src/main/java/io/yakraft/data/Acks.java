package io.yakraft.data;

/**
 * The producer's {@code acks} setting: when a produce request counts as done. Kafka's values
 * are 0, 1 and all (-1); only {@link #ALL} promises that an acknowledged record survives while
 * any replica of the ISR does.
 */
public enum Acks {
    /** Fire and forget: the leader sends no answer. */
    NONE("0"),
    /** The leader answers once it has appended the records to its own log. */
    LEADER("1"),
    /** The leader answers once every replica of the ISR has the records (the high watermark passed them). */
    ALL("all");

    private final String label;

    Acks(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** "0", "1", "all" or "-1", as in a producer's configuration. */
    public static Acks parse(String text) {
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "0":
                return NONE;
            case "1":
                return LEADER;
            case "all":
            case "-1":
                return ALL;
            default:
                throw new IllegalArgumentException("acks must be 0, 1 or all, got '" + text + "'");
        }
    }
}
