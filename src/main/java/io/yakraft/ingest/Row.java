package io.yakraft.ingest;

import java.util.Map;

/** One row of a raw file as its reader found it: named cells, or a row that could not be split into cells. */
sealed interface Row {
    /** The line the row starts on (1 = the file's first line), for messages. */
    long line();

    /** Cells by column name, in the file's order; a value is null where the file says null. */
    record Cells(long line, Map<String, String> cells) implements Row {
    }

    /** A row that is not one: {@code text} is its start as read, {@code why} says what is wrong. */
    record Malformed(long line, String text, String why) implements Row {
    }
}
