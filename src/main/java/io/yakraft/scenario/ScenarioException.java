package io.yakraft.scenario;

/** A scenario file that cannot be played: names the file, line, column and what was expected. */
public final class ScenarioException extends Exception {
    public ScenarioException(String file, long line, long column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
    }
}
