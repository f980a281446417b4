package io.yakraft.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.Action;
import io.yakraft.scenario.ActionJson;

/** Actions written in the scenario vocabulary and parsed as scenario files are, for tests: {@code Act.of("kill", "node", "leader")}. */
final class Act {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Act() {
    }

    static Action of(String action, Object... fieldsAndValues) {
        ObjectNode n = JSON.createObjectNode().put("action", action);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            n.set((String) fieldsAndValues[i], JSON.valueToTree(fieldsAndValues[i + 1]));
        }
        try {
            return ActionJson.parse(n);
        } catch (ActionJson.Invalid e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
