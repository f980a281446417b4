package io.yakraft.ui;

import io.yakraft.cluster.MessageKind;
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

    public static Color fill(String displayRole) {
        if (displayRole.startsWith("Observer (")) {
            return Color.web("#BBBBBB");
        }
        if (!colourBlindSafe) {
            return conventional(displayRole);
        }
        return switch (displayRole) {
            case "Leader" -> Color.web("#E69F00");
            case "Follower" -> Color.web("#56B4E9");
            case "Candidate" -> Color.web("#D55E00");
            case "Prospective" -> Color.web("#F0E442");
            case "Unattached" -> Color.web("#CCCCCC");
            case "Resigned" -> Color.web("#CC79A7");
            case "Observer" -> Color.web("#009E73");
            case "Paused" -> Color.web("#8C8CA0");
            case "Dead" -> Color.web("#444444");
            default -> Color.web("#999999");
        };
    }

    private static Color conventional(String displayRole) {
        return switch (displayRole) {
            case "Leader" -> Color.web("#2E7D32");
            case "Follower" -> Color.web("#90CAF9");
            case "Candidate" -> Color.web("#E53935");
            case "Prospective" -> Color.web("#FFEB3B");
            case "Unattached" -> Color.web("#BDBDBD");
            case "Resigned" -> Color.web("#AB47BC");
            case "Observer" -> Color.web("#26A69A");
            case "Paused" -> Color.web("#9E9E9E");
            case "Dead" -> Color.web("#424242");
            default -> Color.web("#999999");
        };
    }

    /** Black or white, whichever reads better on the fill. */
    public static Color text(String displayRole) {
        Color f = fill(displayRole);
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
            case FETCH -> Color.web("#56B4E9");
        };
    }
}
