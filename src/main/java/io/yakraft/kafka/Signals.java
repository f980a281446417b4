package io.yakraft.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * POSIX signals to a node's process by {@code kill -SIG pid} (Java's ProcessHandle sends only TERM and KILL),
 * and whether a process is stopped. Used for pause (STOP) and resume (CONT).
 */
final class Signals {
    private Signals() {
    }

    /** {@code kill -SIGNAL pid}; true when kill exited 0 (the process exists and took the signal). */
    static boolean send(long pid, String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run `kill -" + signal + " " + pid + "`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the process is stopped by a signal: state T in /proc/PID/stat (Linux), else {@code ps -o stat=}. */
    static boolean stopped(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            if (Files.isReadable(stat)) {
                return stateOfStatLine(Files.readString(stat)) == 'T';
            }
            Process p = new ProcessBuilder("ps", "-o", "stat=", "-p", Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return out.startsWith("T");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The state letter of a /proc/PID/stat line, {@code "123 (java) T 1 …"}: the first field after the last ')'
     * (the command name may itself hold spaces and parentheses); 't' (stopped by a tracer) counts as T.
     */
    static char stateOfStatLine(String line) {
        int close = line.lastIndexOf(')');
        if (close < 0 || close + 2 >= line.length()) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: '" + line.strip() + "'");
        }
        return Character.toUpperCase(line.charAt(close + 2));
    }
}
