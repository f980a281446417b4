package io.yakraft.scenario;

/**
 * What a lesson has on screen for the audience to read: a caption, a question, or an answer
 * being revealed. {@code serial} counts every narration of the run, so a reader can tell a new
 * one from the same one; {@code atMs} is the simulated time it went up (a rewind target);
 * {@code shows}, when not null, names the state the caption speaks of.
 */
public record Narration(int serial, long atMs, int step, String text, Check shows) {
    public static final Narration NONE = new Narration(0, 0, -1, "", null);
}
