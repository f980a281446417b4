package io.yakraft.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A condition on the cluster (used by {@code expect} and {@code waitFor}): its name and arguments. */
public record Check(String name, ObjectNode args) {

    static Check of(ObjectNode expectArgs) {
        ObjectNode rest = expectArgs.deepCopy();
        String name = rest.remove("check").asText();
        return new Check(name, rest);
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(name);
        args.fields().forEachRemaining(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue().isTextual()
                ? e.getValue().asText() : e.getValue().toString()));
        return sb.toString();
    }
}
