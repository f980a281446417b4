package io.yakraft.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.cluster.Action;
import io.yakraft.scenario.ActionJson;

/** Tests write actions as a scenario step's fields, {@code Steps.of("kill", "node", "n2")}, parsed as scenario files are. */
final class Steps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Steps() {
    }

    /** The action and its arguments as name/value pairs (strings, numbers or booleans). */
    static Action of(String action, Object... nameValue) {
        ObjectNode n = JSON.createObjectNode();
        n.put("action", action);
        for (int i = 0; i < nameValue.length; i += 2) {
            String k = (String) nameValue[i];
            Object v = nameValue[i + 1];
            if (v instanceof Integer x) {
                n.put(k, x);
            } else if (v instanceof Long x) {
                n.put(k, x);
            } else if (v instanceof Double x) {
                n.put(k, x);
            } else if (v instanceof Boolean x) {
                n.put(k, x);
            } else {
                n.put(k, String.valueOf(v));
            }
        }
        try {
            return ActionJson.parse(n);
        } catch (ActionJson.Invalid e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
