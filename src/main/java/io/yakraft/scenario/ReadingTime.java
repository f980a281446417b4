package io.yakraft.scenario;

/**
 * How long a caption must stay readable: a comfortable reading pace (about 180 words a minute,
 * three words a second) plus a base for the eye to find the caption and take in the picture.
 */
public final class ReadingTime {
    /** Finding the caption and glancing at the cluster. */
    public static final long BASE_MS = 1_500;
    /** 180 words a minute. */
    public static final double WORDS_PER_SECOND = 3.0;

    private ReadingTime() {
    }

    public static int words(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Wall milliseconds {@code text} needs to be read. */
    public static long millis(String text) {
        return BASE_MS + Math.round(words(text) * 1000 / WORDS_PER_SECOND);
    }
}
