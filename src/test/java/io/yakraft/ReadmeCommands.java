package io.yakraft;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command lines of a Markdown file's {@code ```bash} blocks, split into words the way a shell
 * would split them when they are pasted: {@code \} at a line's end continues the command on the
 * next line, quotes group words, and {@code #} at the start of a word begins a comment.
 * Pipes, redirections, substitutions and command lists are refused, so the README keeps to
 * commands a test can run word for word without a shell.
 */
final class ReadmeCommands {
    /** One command as pasted: its words and the line of the README where it starts. */
    record Command(int line, List<String> words) {
        Command {
            words = List.copyOf(words);
        }

        String text() {
            return String.join(" ", words);
        }
    }

    private static final Pattern BASH_BLOCK = Pattern.compile("(?m)^```bash[ \\t]*\\n(.*?)^```[ \\t]*$", Pattern.DOTALL);

    private ReadmeCommands() {
    }

    static List<Command> inBashBlocks(String markdown) {
        List<Command> commands = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(markdown);
        while (block.find()) {
            int firstLine = lineOf(markdown, block.start(1));
            commands.addAll(inScript(block.group(1), firstLine));
        }
        return commands;
    }

    /** The commands of a shell snippet whose first line is line {@code firstLine} of its file. */
    static List<Command> inScript(String script, int firstLine) {
        List<Command> commands = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        StringBuilder pending = new StringBuilder();
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (start < 0) {
                start = firstLine + i;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            List<String> words = words(pending.toString(), start);
            if (!words.isEmpty()) {
                commands.add(new Command(start, words));
            }
            pending.setLength(0);
            start = -1;
        }
        if (pending.length() > 0) {
            throw new IllegalArgumentException("line " + start + ": the last command ends with '\\' and nothing follows");
        }
        return commands;
    }

    /** Splits one (joined) command line into words; a comment ends it. */
    static List<String> words(String line, int lineNumber) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else if ("|&;<>$`()\\*?[]".indexOf(c) >= 0) {
                throw new IllegalArgumentException("line " + lineNumber + ": '" + c + "' needs a shell to mean what it says; "
                        + "README commands are plain words (optional flags belong in a table): " + line.strip());
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("line " + lineNumber + ": unclosed " + quote + " in: " + line.strip());
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
