package io.yakraft.metadata;

import java.util.Collection;

/** Kafka's rules for topic names (its {@code Topic.validate}), with its messages' meaning. */
public final class TopicNames {
    /** Kafka: 249, so that a partition directory name "name-NNNNN" stays within 255. */
    public static final int MAX_LENGTH = 249;

    private TopicNames() {
    }

    /** Why the name is not a legal topic name, or null when it is. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "the topic name '' is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "a topic cannot be named '" + name + "'";
        }
        if (name.length() > MAX_LENGTH) {
            // quote its start, so a person sees which name (and a client which field) was refused
            return "the topic name '" + name.substring(0, 20) + "…' is " + name.length() + " characters long; the limit is "
                    + MAX_LENGTH;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!legal) {
                return "'" + name + "' has the character '" + c + "' at position " + (i + 1)
                        + "; only ASCII letters, digits, '.', '_' and '-' are allowed";
            }
        }
        return null;
    }

    /**
     * An existing topic that collides with {@code name} because Kafka's metric names treat '.'
     * and '_' alike ("a.b" and "a_b"), or null.
     */
    public static String collision(String name, Collection<String> existing) {
        String key = name.replace('.', '_');
        for (String e : existing) {
            if (!e.equals(name) && e.replace('.', '_').equals(key)) {
                return e;
            }
        }
        return null;
    }
}
