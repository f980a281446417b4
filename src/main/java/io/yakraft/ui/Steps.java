package io.yakraft.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the window's actions as scenario steps: {@code Steps.of("kill", "node", "n2")}. */
final class Steps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Steps() {
    }

    /** The action and its arguments as name/value pairs (strings, numbers or booleans). */
    static ObjectNode of(String action, Object... nameValue) {
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
        return n;
    }
}
