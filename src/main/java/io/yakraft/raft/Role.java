package io.yakraft.raft;

/** Kafka 4.x quorum states (KIP-996 adds Prospective). Observers are Unattached or Follower. */
public enum Role {
    UNATTACHED("Unattached"),
    PROSPECTIVE("Prospective"),
    CANDIDATE("Candidate"),
    LEADER("Leader"),
    FOLLOWER("Follower"),
    RESIGNED("Resigned");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
