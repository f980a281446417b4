package io.yakraft.kafka;

/** A real node's one role: this lab runs controllers and brokers as separate processes (no combined mode). */
public enum NodeRole {
    CONTROLLER("controller"), BROKER("broker");

    private final String processRoles;

    NodeRole(String processRoles) {
        this.processRoles = processRoles;
    }

    /** The value of Kafka's {@code process.roles} for this role. */
    public String processRoles() {
        return processRoles;
    }
}
