package io.yakraft.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Actions in the scenario vocabulary, for tests: {@code Act.of("kill", "node", "leader")}. */
final class Act {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Act() {
    }

    static ObjectNode of(String action, Object... fieldsAndValues) {
        ObjectNode n = JSON.createObjectNode().put("action", action);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            n.set((String) fieldsAndValues[i], JSON.valueToTree(fieldsAndValues[i + 1]));
        }
        return n;
    }
}
