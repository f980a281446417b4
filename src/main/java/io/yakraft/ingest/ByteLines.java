package io.yakraft.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into physical lines (ended by LF, CRLF or CR) decoded as UTF-8, never
 * holding more than {@link Limits#MAX_ROW_BYTES} of one line: a longer line, or one that is not
 * UTF-8, comes back with a problem instead of text, and reading goes on with the next line.
 */
final class ByteLines implements Closeable {
    /** A line: its number (1-based), its text (null when {@code problem} says why not) and its length in bytes. */
    record Line(long number, String text, String problem, int bytes) {
    }

    private final InputStream in;
    private final byte[] chunk = new byte[64 * 1024];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private long number;
    private long consumed;
    private boolean ended;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Bytes taken from the stream so far. */
    long consumed() {
        return consumed;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        int length = 0;
        long total = 0;
        boolean any = false;
        while (true) {
            int b = read();
            if (b < 0) {
                ended = true;
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                if (peek() == '\n') {
                    read();
                }
                break;
            }
            total++;
            if (total <= Limits.MAX_ROW_BYTES) {
                if (length == line.length) {
                    byte[] bigger = new byte[Math.min(line.length * 2, Limits.MAX_ROW_BYTES)];
                    System.arraycopy(line, 0, bigger, 0, length);
                    line = bigger;
                }
                line[length++] = (byte) b;
            }
        }
        number++;
        if (total > Limits.MAX_ROW_BYTES) {
            return new Line(number, null, "line " + number + " has " + total + " bytes; a row may have at most "
                    + Limits.MAX_ROW_BYTES + " (1 MiB)", (int) Math.min(total, Integer.MAX_VALUE));
        }
        int start = number == 1 && length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                && (line[2] & 0xff) == 0xBF ? 3 : 0; // a byte-order mark is not part of the first cell
        try {
            String text = utf8.reset().decode(ByteBuffer.wrap(line, start, length - start)).toString();
            return new Line(number, text, null, length);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "line " + number + " is not valid UTF-8", length);
        }
    }

    private int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        consumed++;
        return chunk[pos++] & 0xff;
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return chunk[pos] & 0xff;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        while (n == 0) {
            n = in.read(chunk, 0, chunk.length);
        }
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
