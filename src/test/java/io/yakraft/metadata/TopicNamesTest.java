package io.yakraft.metadata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks TopicNames: Kafka's legal-name rules and the '.'/'_' metric-name collision. */
class TopicNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders", "a", "A-Z_0.9", "my.topic_name-1", "..a", "...", "__consumer_offsets"})
    void legalNamesHaveNoProblem(String name) {
        assertNull(TopicNames.problem(name));
    }

    @Test
    void nameOfMaxLengthIsLegal() {
        assertNull(TopicNames.problem(repeat('x', TopicNames.MAX_LENGTH)));
    }

    @Test
    void nullNameIsIllegal() {
        assertProblem(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "with space", "slash/name", "tab\tname", "colon:", "ümlaut", "star*", "semi;colon"})
    void illegalNamesHaveAProblem(String name) {
        assertProblem(name);
    }

    @Test
    void tooLongNameIsIllegal() {
        String message = assertProblem(repeat('x', TopicNames.MAX_LENGTH + 1));
        assertTrue(message.contains("250"), message);
    }

    @Test
    void badCharacterMessageNamesTheCharacterAndPosition() {
        String message = assertProblem("ab#c");
        assertTrue(message.contains("'#'"), message);
        assertTrue(message.contains("position 3"), message);
    }

    @Test
    void dotAndUnderscoreCollide() {
        assertEquals("a.b", TopicNames.collision("a_b", List.of("x", "a.b")));
        assertEquals("a_b", TopicNames.collision("a.b", List.of("a_b")));
        assertEquals("a.b_c", TopicNames.collision("a_b.c", List.of("a.b_c")));
    }

    @Test
    void noCollisionWithItselfOrUnrelatedNames() {
        assertNull(TopicNames.collision("a.b", List.of("a.b")));
        assertNull(TopicNames.collision("a.b", List.of("a-b", "ab", "a.c")));
        assertNull(TopicNames.collision("a.b", List.of()));
    }

    private static String assertProblem(String name) {
        String message = TopicNames.problem(name);
        assertNotNull(message, "expected a problem for '" + name + "'");
        assertTrue(!message.isBlank(), "message should say something");
        return message;
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }
}
