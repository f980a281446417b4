package io.yakraft.ingest;

/**
 * The sizes a raw file may not exceed, enforced while it is read so that one hostile cell can
 * neither fill the heap nor write a gigabyte line: a row beyond them is a reject that names the
 * limit, never an exception.
 */
public final class Limits {
    /** The longest row of a CSV file, in bytes of UTF-8, quoted line breaks included (1 MiB). */
    public static final int MAX_ROW_BYTES = 1 << 20;
    /** The most characters a number cell may have (sign, digits, point, exponent). */
    public static final int MAX_NUMBER_CHARS = 100;
    /**
     * The largest decimal exponent, either way: a decimal's magnitude lies within 1e-308..1e308 (a
     * double's range, so whoever reads the clean file as doubles gets what was written), zero aside.
     */
    public static final int MAX_DECIMAL_EXPONENT = 308;
    /** The most digits of an epoch seconds or milliseconds timestamp (a sign aside). */
    public static final int MAX_EPOCH_DIGITS = 15;

    private Limits() {
    }
}
