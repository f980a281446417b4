package io.yakraft.scenario;

/**
 * The bounds input is held to when it is read (a scenario file, a REST body, a form), named so a
 * refusal can state the limit. They keep one request from exhausting memory or freezing the
 * simulation (a feed of 2^31 records, a step at 10^12 hours), and are far above what a lesson needs.
 */
public final class Limits {
    /** Records one feed may send (generated or read from a file). */
    public static final int MAX_RECORDS_PER_FEED = 1_000_000;
    /** Client writes one write action may append. */
    public static final int MAX_WRITES_PER_ACTION = 100_000;
    /** Partitions one topic may have. */
    public static final int MAX_PARTITIONS_PER_TOPIC = 1_000;
    /** Replicas per partition. */
    public static final int MAX_REPLICATION_FACTOR = 16;
    /** Distinct keys of a generated feed. */
    public static final int MAX_KEYS = 1_000_000;
    /** Records per simulated second a feed may be paced at. */
    public static final double MAX_FEED_RATE = 1_000_000;
    /** Link latency, either end of the range. */
    public static final long MAX_LATENCY_MS = 60_000;
    /** The farthest simulated time a step may name ('at', 'after', 'timeout'): one simulated day. */
    public static final long MAX_SIM_TIME_MS = 24L * 3_600_000;
    /** Broker ids, as Kafka's node ids: 0 or more. */
    public static final int MAX_BROKER_ID = 1_000_000;

    private Limits() {
    }

    /** Why {@code v} is outside {@code min..max} (with the limit named), or null. */
    static String range(double v, double min, double max, String limitName) {
        if (Double.isNaN(v) || v < min || v > max) {
            return "between " + fmt(min) + " and " + fmt(max) + " (" + limitName + "), got " + fmt(v);
        }
        return null;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        // plain digits, never "3.6E18": the number as the person wrote it
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
