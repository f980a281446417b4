package io.yakraft.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shipped JSON Schema names exactly the actions and checks the reader accepts. */
class SchemaTest {

    @Test
    void schemaAndVocabularyAgree() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("scenarios/scenario.schema.json").toFile());
        TreeSet<String> actions = new TreeSet<>();
        TreeSet<String> checks = new TreeSet<>();
        for (JsonNode variant : schema.at("/$defs/step/oneOf")) {
            JsonNode action = variant.at("/properties/action/const");
            if (action.isTextual()) {
                actions.add(action.asText());
            }
            JsonNode check = variant.at("/properties/check/const");
            if (check.isTextual()) {
                checks.add(check.asText());
            }
        }
        assertEquals(new TreeSet<>(Vocabulary.ACTIONS.keySet()), actions);
        assertEquals(new TreeSet<>(Vocabulary.CHECKS.keySet()), checks);
    }
}
