package io.yakraft.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a CSV file with a header row (RFC 4180 quoting: a quoted cell may hold commas, doubled
 * quotes and line breaks). Blank lines are skipped. A row that cannot be split into cells (a
 * quote never closed, text after a closing quote, more cells than the header, a line too long or
 * not UTF-8) comes back {@link Row.Malformed} and reading goes on: after an unclosed quote, with
 * the line after the row's first, so one stray quote costs one row, not the rest of the file.
 * A row with fewer cells than the header leaves the missing columns out (blank). The header
 * itself must be sound and name each column once, else the file is unreadable.
 */
final class CsvRows implements RowSource {
    private final Path file;
    private final boolean trim;
    private final ByteLines lines;
    /** Lines read ahead while looking for a closing quote that never came: they are read again. */
    private final Deque<ByteLines.Line> again = new ArrayDeque<>();
    private final List<String> header;

    CsvRows(Path file, boolean trim) throws IOException {
        this.file = file;
        this.trim = trim;
        this.lines = new ByteLines(Files.newInputStream(file));
        List<String> names;
        try {
            names = readHeader();
        } catch (IOException | RuntimeException e) {
            lines.close();
            throw e;
        }
        this.header = names;
    }

    private List<String> readHeader() throws IOException {
        Row first = nextRecord(null);
        if (first == null) {
            return List.of();
        }
        if (first instanceof Row.Malformed m) {
            throw new Preprocessor.UnreadableException(file + ":" + m.line() + ": the header row is unreadable: " + m.why(), null);
        }
        List<String> names = new ArrayList<>(((Row.Cells) first).cells().values());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            names.set(i, name);
            Integer before = seen.putIfAbsent(name, i + 1);
            if (before != null) {
                throw new Preprocessor.UnreadableException(file + ":" + first.line() + ": the header names column '" + name
                        + "' twice (columns " + before + " and " + (i + 1) + "); each column needs its own name", null);
            }
        }
        return List.copyOf(names);
    }

    @Override
    public Row next() throws IOException {
        return header.isEmpty() ? null : nextRecord(header);
    }

    @Override
    public long position() {
        return lines.consumed();
    }

    /** The next record; with {@code header} null, its cells are keyed by position (for the header row itself). */
    private Row nextRecord(List<String> header) throws IOException {
        ByteLines.Line first = nextLine();
        while (first != null && first.text() != null && first.text().isEmpty()) {
            first = nextLine();
        }
        if (first == null) {
            return null;
        }
        if (first.problem() != null) {
            return new Row.Malformed(first.number(), "", first.problem());
        }
        Cells cells = new Cells(trim);
        cells.feed(first.text());
        List<ByteLines.Line> continued = new ArrayList<>();
        long bytes = first.bytes();
        while (cells.inQuotes()) {
            ByteLines.Line more = nextLine();
            if (more != null) {
                continued.add(more);
            }
            if (more == null || more.problem() != null || bytes + more.bytes() + 1 > Limits.MAX_ROW_BYTES) {
                for (int i = continued.size() - 1; i >= 0; i--) {
                    again.addFirst(continued.get(i));
                }
                String why = more == null ? "the quote opened on line " + first.number() + " is never closed"
                        : more.problem() != null ? "the quote opened on line " + first.number() + " is still open where " + more.problem()
                        : "the quoted cell opened on line " + first.number() + " runs past " + Limits.MAX_ROW_BYTES
                        + " bytes, the most a row may have";
                return new Row.Malformed(first.number(), FieldCheck.excerpt(first.text(), Reject.MAX_VALUE_CHARS), why);
            }
            bytes += more.bytes() + 1;
            cells.feedContinuation(more.text());
        }
        List<String> values = cells.values();
        String problem = cells.problem() != null ? "line " + first.number() + ": " + cells.problem()
                : header != null && values.size() > header.size()
                ? "line " + first.number() + " has " + values.size() + " cells; the header has " + header.size() + " columns" : null;
        if (problem != null) {
            if (!continued.isEmpty()) {
                // a quote that closes on a later line only to leave a broken row was a stray quote: reject
                // the line it opened on and read the lines it swallowed again
                for (int i = continued.size() - 1; i >= 0; i--) {
                    again.addFirst(continued.get(i));
                }
                problem = "the quote opened on line " + first.number() + " closes on line "
                        + continued.get(continued.size() - 1).number() + " into a broken row (" + problem + ")";
            }
            return new Row.Malformed(first.number(), FieldCheck.excerpt(first.text(), Reject.MAX_VALUE_CHARS), problem);
        }
        Map<String, String> row = new LinkedHashMap<>();
        if (header == null) {
            for (int i = 0; i < values.size(); i++) {
                row.put(String.valueOf(i), values.get(i));
            }
            return new Row.Cells(first.number(), row);
        }
        for (int i = 0; i < values.size(); i++) {
            row.put(header.get(i), values.get(i));
        }
        return new Row.Cells(first.number(), row);
    }

    private ByteLines.Line nextLine() throws IOException {
        return again.isEmpty() ? lines.next() : again.pollFirst();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /** Splits one record's text into cells, line by line, remembering an open quote between lines. */
    private static final class Cells {
        private enum State { START, UNQUOTED, QUOTED, AFTER_QUOTE }

        private final boolean trim;
        private final List<String> values = new ArrayList<>();
        private final StringBuilder cell = new StringBuilder();
        private State state = State.START;
        private boolean quoted;
        private String problem;

        Cells(boolean trim) {
            this.trim = trim;
        }

        boolean inQuotes() {
            return state == State.QUOTED && problem == null;
        }

        String problem() {
            return problem;
        }

        List<String> values() {
            return values;
        }

        void feedContinuation(String text) {
            cell.append('\n');
            feed(text);
        }

        void feed(String text) {
            for (int i = 0; i < text.length() && problem == null; i++) {
                char c = text.charAt(i);
                switch (state) {
                    case START -> {
                        if (c == '"') {
                            state = State.QUOTED;
                            quoted = true;
                        } else if (c == ',') {
                            endCell();
                        } else if (!(trim && (c == ' ' || c == '\t'))) {
                            cell.append(c);
                            state = State.UNQUOTED;
                        }
                    }
                    case UNQUOTED -> {
                        if (c == ',') {
                            endCell();
                        } else {
                            cell.append(c);
                        }
                    }
                    case QUOTED -> {
                        if (c != '"') {
                            cell.append(c);
                        } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            state = State.AFTER_QUOTE;
                        }
                    }
                    case AFTER_QUOTE -> {
                        if (c == ',') {
                            endCell();
                        } else if (c != ' ' && c != '\t') {
                            problem = "text after the closing quote of cell " + (values.size() + 1);
                        }
                    }
                    default -> throw new IllegalStateException("unknown CSV state " + state);
                }
            }
            if (state != State.QUOTED && problem == null) {
                endCell();
            }
        }

        private void endCell() {
            String v = cell.toString();
            values.add(trim && !quoted ? v.strip() : v);
            cell.setLength(0);
            quoted = false;
            state = State.START;
        }
    }
}
