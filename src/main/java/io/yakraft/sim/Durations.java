package io.yakraft.sim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints simulated durations: "500ms", "2.5s", "10m", "1h". The unit is required
 * everywhere a duration is read (scenario files, the command line): a bare "5" could mean 5 ms or
 * 5 s, and guessing wrong makes a timeout a thousand times too short, so it is refused instead.
 */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)\\s*");
    private static final Pattern BARE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*");

    private Durations() {
    }

    /** @throws IllegalArgumentException with what was expected when the text is not a duration with its unit */
    public static long parseMillis(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            Matcher bare = BARE.matcher(text == null ? "" : text);
            throw new IllegalArgumentException(bare.matches() ? bareNumber(bare.group(1))
                    : "'" + text + "' is not a duration; expected a number and its unit, e.g. 500ms, 2.5s, 10m, 1h");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        double factor = switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
        return Math.round(value * factor);
    }

    /** A compact human form, e.g. 1m 02.500s. */
    public static String format(long ms) {
        long minutes = ms / 60_000;
        double seconds = (ms % 60_000) / 1000.0;
        return minutes > 0 ? String.format("%dm %06.3fs", minutes, seconds) : String.format("%.3fs", seconds);
    }

    /** The refusal of a number given without its unit, suggesting the two likely meanings. */
    public static String bareNumber(String number) {
        return number + " has no unit; a duration needs one: write \"" + number + "ms\" or \"" + number
                + "s\" (units: ms, s, m, h)";
    }
}
