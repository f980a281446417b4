package io.yakraft.ui;

import io.yakraft.cluster.RoleChange;
import io.yakraft.cluster.VoteDecision;
import io.yakraft.raft.Role;
import io.yakraft.raft.VoteReason;
import io.yakraft.sim.TraceEvent;
import io.yakraft.sim.TraceKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Callouts from typed trace records, fading by simulated time. */
class CalloutsTest {

    @Test
    void aRefusedVoteATruncationAndAResignationBecomeCalloutsAGrantedVoteDoesNot() {
        Callouts c = new Callouts();
        c.accept(new TraceEvent(1, 1_000, 2, TraceKind.VOTE, "n1 epoch 3: no",
                new VoteDecision(1, 3, true, false, VoteReason.RECENT_LEADER_CONTACT)));
        c.accept(new TraceEvent(2, 1_010, 3, TraceKind.VOTE, "n1 epoch 3: yes",
                new VoteDecision(1, 3, true, true, VoteReason.GRANTED)));
        c.accept(new TraceEvent(3, 1_020, 3, TraceKind.TRUNCATE, "removed 2 entries: diverging"));
        c.accept(new TraceEvent(4, 1_030, 1, TraceKind.ROLE, "Leader → Resigned (epoch 3): check quorum",
                new RoleChange(Role.LEADER, Role.RESIGNED, 3, 1)));
        List<Callouts.Callout> shown = c.visible(1_100);
        assertEquals(List.of(Callouts.Kind.RESIGNED, Callouts.Kind.TRUNCATED, Callouts.Kind.VOTE_REFUSED),
                shown.stream().map(Callouts.Callout::kind).toList(), "newest first");
        assertEquals("✗ pre-vote for n1: I have fetched from the leader this epoch", shown.get(2).text());
        assertEquals(2, shown.get(2).node(), "at the voter");
    }

    @Test
    void aCalloutStaysThenFadesOverItsSimulatedDurationAndGoesOnARewind() {
        Callouts.Callout c = new Callouts.Callout(1, 1_000, Callouts.Kind.TRUNCATED, "truncated");
        assertEquals(1.0, c.alpha(1_000));
        assertEquals(1.0, c.alpha(1_000 + Callouts.DURATION_MS / 2));
        assertEquals(0.5, c.alpha(1_000 + Callouts.DURATION_MS * 3 / 4), 1e-9);
        assertEquals(0.0, c.alpha(1_000 + Callouts.DURATION_MS));
        Callouts all = new Callouts();
        all.accept(new TraceEvent(1, 1_000, 3, TraceKind.TRUNCATE, "removed 1 entry"));
        assertEquals(1, all.visible(1_500).size());
        assertEquals(0, all.visible(900).size(), "after a rewind to before it, it is gone");
        all.accept(new TraceEvent(1, 1_000, 3, TraceKind.TRUNCATE, "removed 1 entry"));
        assertTrue(all.visible(1_000 + Callouts.DURATION_MS).isEmpty(), "faded out");
    }

    @Test
    void atMostTwoPerNodeAndOnlyNotesWorthAReason() {
        Callouts c = new Callouts();
        for (int i = 0; i < 4; i++) {
            c.accept(new TraceEvent(i, 1_000 + i, 2, TraceKind.TRUNCATE, "removed " + i));
        }
        assertEquals(2, c.visible(1_010).size());
        assertEquals("truncated: removed 3", c.visible(1_010).get(0).text());
        assertNull(Callouts.of(new TraceEvent(9, 1, 1, TraceKind.APPEND, "offsets 1..2")));
    }
}
