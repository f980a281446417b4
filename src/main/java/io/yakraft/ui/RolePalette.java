package io.yakraft.ui;

import io.yakraft.cluster.MessageKind;
import io.yakraft.cluster.NodeView;
import io.yakraft.raft.Role;
import io.yakraft.sim.NodeStatus;
import javafx.scene.paint.Color;

/**
 * Role colours from the Okabe–Ito palette, distinguishable with the common colour-vision
 * deficiencies. The role is always written on the node too: colour is never the only cue.
 */
public final class RolePalette {
    /** Okabe–Ito (the default) or a conventional traffic-light palette some teachers prefer; the role is written either way. */
    private static volatile boolean colourBlindSafe = true;

    private RolePalette() {
    }

    public static void setColourBlindSafe(boolean on) {
        colourBlindSafe = on;
    }

    public static boolean colourBlindSafe() {
        return colourBlindSafe;
    }

    /**
     * What a node's fill shows: its quorum role, or that it is dead or paused, or that it is an
     * observer (a broker; grey when it is anything but a follower). Read from the node's typed
     * state, the way {@link NodeView#displayRole()} words it.
     */
    public enum Look { LEADER, FOLLOWER, CANDIDATE, PROSPECTIVE, UNATTACHED, RESIGNED, OBSERVER, OBSERVER_NOT_FOLLOWING, PAUSED, DEAD }

    public static Look look(NodeView n) {
        if (n.status() == NodeStatus.DOWN) {
            return Look.DEAD;
        }
        if (n.status() == NodeStatus.PAUSED) {
            return Look.PAUSED;
        }
        if (!n.voter() || n.observerController()) {
            // a controller outside the voter set (KIP-853) is drawn as the observer it is
            return n.role() == Role.FOLLOWER ? Look.OBSERVER : Look.OBSERVER_NOT_FOLLOWING;
        }
        return switch (n.role()) {
            case LEADER -> Look.LEADER;
            case FOLLOWER -> Look.FOLLOWER;
            case CANDIDATE -> Look.CANDIDATE;
            case PROSPECTIVE -> Look.PROSPECTIVE;
            case UNATTACHED -> Look.UNATTACHED;
            case RESIGNED -> Look.RESIGNED;
        };
    }

    public static Color fill(NodeView n) {
        return fill(look(n));
    }

    public static Color fill(Look look) {
        if (look == Look.OBSERVER_NOT_FOLLOWING) {
            return Color.web("#BBBBBB");
        }
        return colourBlindSafe ? okabeIto(look) : conventional(look);
    }

    private static Color okabeIto(Look look) {
        return switch (look) {
            case LEADER -> Color.web("#E69F00");
            case FOLLOWER -> Color.web("#56B4E9");
            case CANDIDATE -> Color.web("#D55E00");
            case PROSPECTIVE -> Color.web("#F0E442");
            case UNATTACHED -> Color.web("#CCCCCC");
            case RESIGNED -> Color.web("#CC79A7");
            case OBSERVER -> Color.web("#009E73");
            case PAUSED -> Color.web("#8C8CA0");
            case DEAD -> Color.web("#444444");
            case OBSERVER_NOT_FOLLOWING -> Color.web("#BBBBBB");
        };
    }

    private static Color conventional(Look look) {
        return switch (look) {
            case LEADER -> Color.web("#2E7D32");
            case FOLLOWER -> Color.web("#90CAF9");
            case CANDIDATE -> Color.web("#E53935");
            case PROSPECTIVE -> Color.web("#FFEB3B");
            case UNATTACHED -> Color.web("#BDBDBD");
            case RESIGNED -> Color.web("#AB47BC");
            case OBSERVER -> Color.web("#26A69A");
            case PAUSED -> Color.web("#9E9E9E");
            case DEAD -> Color.web("#424242");
            case OBSERVER_NOT_FOLLOWING -> Color.web("#BBBBBB");
        };
    }

    /** Black or white, whichever reads better on the node's fill. */
    public static Color text(NodeView n) {
        Color f = fill(n);
        double luminance = 0.2126 * f.getRed() + 0.7152 * f.getGreen() + 0.0722 * f.getBlue();
        return luminance > 0.5 ? Color.BLACK : Color.WHITE;
    }

    /**
     * The badge under a node for its metadata role: fenced brokers in vermillion, unfenced in
     * bluish green, the active controller in orange, anything else grey. Null for no badge.
     */
    public static Color badge(String metadataRole) {
        return switch (metadataRole) {
            case "fenced", "shut down" -> Color.web("#D55E00");
            case "unfenced" -> Color.web("#009E73");
            case "active controller" -> Color.web("#E69F00");
            case "registering", "not registered" -> Color.web("#8C8CA0");
            default -> null;
        };
    }

    /** Data-plane messages (records produced and replicated between brokers), as opposed to metadata and Raft traffic. */
    public static boolean isData(MessageKind kind) {
        return kind.family().data();
    }

    /**
     * The colour of data-plane messages: Okabe–Ito's black (its one colour not taken by Raft or
     * metadata traffic) with the safe palette, a brown otherwise. They are drawn as squares
     * (produce) and diamonds (replica fetch) too, so the shape tells them apart as well.
     */
    public static Color data() {
        return colourBlindSafe ? Color.web("#000000") : Color.web("#8D6E63");
    }

    /**
     * Message dot colours by the message's family; a request and its response share a colour.
     * The switch names every family, so a new one fails to compile until it has a colour.
     */
    public static Color message(MessageKind kind) {
        return switch (kind.family()) {
            case PRODUCE, REPLICA_FETCH -> data();
            case PRE_VOTE -> Color.web("#F0E442");
            case VOTE -> Color.web("#D55E00");
            case LEADERSHIP -> Color.web("#CC79A7");
            case CONTROLLER_RPC -> Color.web("#009E73"); // broker ↔ controller RPCs
            case SNAPSHOT -> Color.web("#0072B2");
            case VOTER_CHANGE -> Color.web("#E69F00"); // KIP-853's UpdateRaftVoter
            case FETCH -> Color.web("#56B4E9");
        };
    }
}
