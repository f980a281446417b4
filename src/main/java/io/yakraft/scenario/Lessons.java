package io.yakraft.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The built-in lessons, packaged from {@code scenarios/lessons/}; {@code index.txt} lists them in teaching order. */
public final class Lessons {
    private Lessons() {
    }

    /** File names of the lessons, e.g. "01-first-election.json". */
    public static List<String> names() {
        String index = resource("index.txt");
        List<String> names = new ArrayList<>();
        for (String line : index.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.trim());
            }
        }
        return names;
    }

    /** The lesson's JSON text. */
    public static String text(String name) {
        return resource(name);
    }

    public static Scenario load(String name) throws ScenarioException {
        return ScenarioReader.read("lessons/" + name, text(name));
    }

    public static boolean exists(String name) {
        return Lessons.class.getResource("/scenarios/lessons/" + name) != null;
    }

    private static String resource(String name) {
        try (InputStream in = Lessons.class.getResourceAsStream("/scenarios/lessons/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in lesson '" + name + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
