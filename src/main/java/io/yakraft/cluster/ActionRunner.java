package io.yakraft.cluster;

import io.yakraft.data.FeedRequest;
import io.yakraft.data.Feed;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.sim.LinkConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Carries out one {@link Action} on the cluster now, between events: the one place actions
 * are performed, whether a scenario plays them, a person clicks or a REST call asks. Node
 * references are resolved here, at the moment the action runs.
 */
final class ActionRunner {
    private final Cluster c;
    private final java.util.function.Consumer<ControllerReply> replies;

    ActionRunner(Cluster c, java.util.function.Consumer<ControllerReply> replies) {
        this.c = c;
        this.replies = replies;
    }

    Outcome apply(Action action) {
        if (action instanceof Action.Caption a) {
            return new Outcome.Accepted("caption: " + a.text());
        }
        if (action instanceof Action.Kill a) {
            return onNode(a.node(), "kill", c::crash);
        }
        if (action instanceof Action.Stop a) {
            return onNode(a.node(), "stop", c::stop);
        }
        if (action instanceof Action.Restart a) {
            return onNode(a.node(), "restart", id -> c.restart(id, a.emptyDisk()));
        }
        if (action instanceof Action.AddController a) {
            return addController(a.id());
        }
        if (action instanceof Action.AddVoter a) {
            return voterChange(a.node(), true);
        }
        if (action instanceof Action.RemoveVoter a) {
            return voterChange(a.node(), false);
        }
        if (action instanceof Action.Pause a) {
            return onNode(a.node(), "pause", c::pause);
        }
        if (action instanceof Action.Resume a) {
            return onNode(a.node(), "resume", c::resume);
        }
        if (action instanceof Action.ForceTimeout a) {
            return onNode(a.node(), "force the timeout of", c::forceTimeout);
        }
        if (action instanceof Action.Resign a) {
            return a.node() != null ? onNode(a.node(), "make resign", c::resign) : resignLeader();
        }
        if (action instanceof Action.Compact a) {
            return onNode(a.node(), "compact", c::compact);
        }
        if (action instanceof Action.DropInFlight a) {
            return c.dropInFlight(a.messageId()) ? new Outcome.Accepted("dropped message #" + a.messageId() + " in flight")
                    : new Outcome.Refused(ErrorCode.INVALID_REQUEST, "dropInFlight",
                    "message #" + a.messageId() + " is not in flight (delivered or dropped already)");
        }
        if (action instanceof Action.Isolate a) {
            return onNode(a.node(), "isolate", c::isolate);
        }
        if (action instanceof Action.Partition a) {
            return partition(a.split());
        }
        if (action instanceof Action.Cut a) {
            return cut(a);
        }
        if (action instanceof Action.Heal a) {
            return heal(a);
        }
        if (action instanceof Action.Network a) {
            return network(a);
        }
        if (action instanceof Action.Write a) {
            return write(a);
        }
        if (action instanceof Action.RegisterBroker a) {
            return registerBroker(a);
        }
        if (action instanceof Action.ReregisterBroker a) {
            return reregisterBroker(a);
        }
        if (action instanceof Action.UnregisterBroker a) {
            return command(new ControllerCommand.UnregisterBroker(c.resolve(a.broker())));
        }
        if (action instanceof Action.ElectPreferredLeaders a) {
            return command(new ControllerCommand.ElectLeaders(a.topic()));
        }
        if (action instanceof Action.CreateTopic a) {
            return command(new ControllerCommand.CreateTopic(a.name(), a.partitions(), a.replicationFactor(), null, a.configs()));
        }
        if (action instanceof Action.CreatePartitions a) {
            return command(new ControllerCommand.CreatePartitions(a.topic(), a.total()));
        }
        if (action instanceof Action.AlterTopicConfig a) {
            return command(new ControllerCommand.AlterTopicConfigs(a.topic(), a.configs()));
        }
        if (action instanceof Action.DeleteTopic a) {
            return command(new ControllerCommand.DeleteTopic(a.name()));
        }
        if (action instanceof Action.RegisterProducer a) {
            int b = c.resolve(a.broker());
            return b >= 0 && c.requestProducerIds(b, replies) ? new Outcome.ProducerIdsRequested(b)
                    : new Outcome.Refused(ErrorCode.BROKER_NOT_AVAILABLE, "registerProducer", "b" + b + " is down or not registered");
        }
        if (action instanceof Action.Feed a) {
            return feed(a);
        }
        if (action instanceof Action.SplitVote a) {
            return SplitVotes.apply(c, a);
        }
        if (action instanceof Action.DropMessage a) {
            return dropMessage(a);
        }
        if (action instanceof Action.SetSpeed a) {
            return new Outcome.Accepted("speed " + a.speed() + "×");
        }
        throw new IllegalStateException("no way to carry out " + action);
    }

    private Outcome addController(int id) {
        if (id < 1 || id >= ClusterConfig.FIRST_OBSERVER_ID || c.allIds().contains(id)) {
            return new Outcome.Refused(ErrorCode.INVALID_REQUEST, "addController " + id, c.allIds().contains(id)
                    ? "node " + id + " already exists" : "a controller id is 1.." + (ClusterConfig.FIRST_OBSERVER_ID - 1));
        }
        c.addController(id);
        return new Outcome.Accepted("controller n" + id + " started as an observer (directory " + c.replicaKey(id).directoryId()
                + ")");
    }

    /** AddRaftVoter / RemoveRaftVoter through the leader; the leader's first answer is the outcome. */
    private Outcome voterChange(NodeRef ref, boolean add) {
        String verb = add ? "addVoter" : "removeVoter";
        int id = c.resolve(ref);
        if (id < 0 || !c.allIds().contains(id)) {
            return unresolved(ref, verb + " " + ref.text());
        }
        if (!c.isVoter(id)) {
            return new Outcome.Refused(ErrorCode.INVALID_REQUEST, verb + " n" + id, "n" + id + " is not a controller");
        }
        io.yakraft.raft.VoterChangeResult r = add ? c.addVoter(id) : c.removeVoter(id);
        if (!r.accepted()) {
            return new Outcome.Refused(ErrorCode.ofVoterChange(r.error()), verb + " n" + id, r.message());
        }
        return new Outcome.Accepted(verb + " n" + id + ": " + r.message() + "; done when committed");
    }

    /** The node the reference names now, else the refusal saying why nobody. */
    private Outcome onNode(NodeRef ref, String verb, IntConsumer act) {
        int id = c.resolve(ref);
        if (id < 0 || !c.allIds().contains(id)) {
            return unresolved(ref, verb + " " + ref.text());
        }
        act.accept(id);
        boolean plain = ref instanceof NodeRef.Id n && !n.prefix().equals("b");
        return new Outcome.Accepted(verb + " n" + id + (plain ? "" : " (" + ref.text() + ")"));
    }

    private Outcome.Refused unresolved(NodeRef ref, String what) {
        if (ref instanceof NodeRef.LeaderOf p && RoleHolders.partition(c, p) == null) {
            return new Outcome.Refused(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, what, "nobody holds that role now (no partition "
                    + p.topic() + "-" + p.partition() + " in the committed metadata)");
        }
        if (ref instanceof NodeRef.Id id) {
            return new Outcome.Refused(ErrorCode.NO_SUCH_NODE, what, "no node " + id.id() + " in this cluster");
        }
        return new Outcome.Refused(ErrorCode.NO_SUCH_NODE, what, "nobody holds that role now");
    }

    private Outcome resignLeader() {
        int l = c.leaderId();
        if (l < 0) {
            return new Outcome.Refused(ErrorCode.LEADER_NOT_AVAILABLE, "resign", "no leader");
        }
        c.resign(l);
        return new Outcome.Accepted("leader n" + l + " resigns");
    }

    private Outcome cut(Action.Cut a) {
        int from = c.resolve(a.from());
        int to = c.resolve(a.to());
        if (from < 0 || !c.allIds().contains(from)) {
            return unresolved(a.from(), "cut");
        }
        if (to < 0 || !c.allIds().contains(to)) {
            return unresolved(a.to(), "cut");
        }
        if (a.oneWay()) {
            c.cut(from, to);
            return new Outcome.Accepted("cut n" + from + "→n" + to);
        }
        c.cutBoth(from, to);
        return new Outcome.Accepted("cut n" + from + "⇄n" + to);
    }

    private Outcome dropMessage(Action.DropMessage a) {
        String what = "dropMessage " + a.kind().label() + " " + a.from().text() + "→" + a.to().text();
        int from = c.resolve(a.from());
        int to = c.resolve(a.to());
        if (from < 0 || !c.allIds().contains(from)) {
            return unresolved(a.from(), what);
        }
        if (to < 0 || !c.allIds().contains(to)) {
            return unresolved(a.to(), what);
        }
        if (from == to) {
            return new Outcome.Refused(ErrorCode.INVALID_REQUEST, what, "n" + from + " → n" + to
                    + " is no link: a message goes from one node to another");
        }
        boolean inFlight = c.dropNextMessage(from, to, a.kind());
        return new Outcome.Accepted("the next " + a.kind().label() + " on n" + from + "→n" + to + " will be dropped"
                + (inFlight ? " (one is on its way now)" : " (none is in flight: the next one sent)"));
    }

    private Outcome heal(Action.Heal a) {
        if (a.from() != null) {
            // as before the typed actions: an unresolved end heals nothing real, but is traced the same way
            int from = c.resolve(a.from());
            int to = c.resolve(a.to());
            c.heal(from, to);
            c.heal(to, from);
            return new Outcome.Accepted("healed n" + from + "⇄n" + to);
        }
        c.healAll();
        return new Outcome.Accepted("healed every link");
    }

    private Outcome network(Action.Network a) {
        LinkConfig d = c.linkDefaults();
        LinkConfig n;
        try {
            n = new LinkConfig(a.minLatencyMs() != null ? a.minLatencyMs() : d.minLatencyMs(),
                    a.maxLatencyMs() != null ? a.maxLatencyMs() : d.maxLatencyMs(),
                    a.loss() != null ? a.loss() : d.lossProbability(),
                    a.duplication() != null ? a.duplication() : d.duplicateProbability());
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(ErrorCode.INVALID_REQUEST, "network", e.getMessage());
        }
        c.setLinkDefaults(n);
        return new Outcome.Accepted("network " + n);
    }

    private Outcome write(Action.Write a) {
        List<String> writes = new ArrayList<>();
        for (int i = 0; i < a.count(); i++) {
            writes.add(a.label() + "-" + i);
        }
        long offset = c.propose(writes);
        return offset < 0 ? new Outcome.Refused(ErrorCode.LEADER_NOT_AVAILABLE, "write", "no leader to take it")
                : new Outcome.Written(a.count(), offset);
    }

    private Outcome registerBroker(Action.RegisterBroker a) {
        BrokerIdentity identity;
        try {
            identity = new BrokerIdentity(a.host(), a.port(), a.rack());
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(ErrorCode.INVALID_REQUEST, "registerBroker", e.getMessage());
        }
        if (a.id() < 0) {
            return new Outcome.Refused(ErrorCode.INVALID_REQUEST, "registerBroker", "broker id must be 0 or more, got " + a.id());
        }
        if (c.allIds().contains(a.id())) {
            return new Outcome.Refused(ErrorCode.DUPLICATE_BROKER_REGISTRATION, "registerBroker", "node " + a.id() + " already exists");
        }
        c.addBroker(a.id(), identity);
        return new Outcome.BrokerStarted(a.id());
    }

    private Outcome reregisterBroker(Action.ReregisterBroker a) {
        int id = c.resolve(a.broker());
        if (id < 0 || !c.isBroker(id)) {
            return new Outcome.Refused(ErrorCode.BROKER_ID_NOT_REGISTERED, "reregisterBroker", "no broker " + a.broker().text()
                    + " in this cluster");
        }
        BrokerIdentity now = c.identity(id);
        BrokerIdentity next;
        try {
            next = new BrokerIdentity(a.host() == null ? now.host() : a.host(), a.port() == null ? now.port() : a.port(),
                    a.rack() == null ? now.rack() : a.rack());
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(ErrorCode.INVALID_REQUEST, "reregisterBroker", e.getMessage());
        }
        c.reregisterBroker(id, next);
        return new Outcome.BrokerStarted(id);
    }

    private Outcome command(ControllerCommand command) {
        c.submit(command, replies);
        return new Outcome.CommandSent(command);
    }

    private Outcome feed(Action.Feed a) {
        int via = a.via() == null ? -1 : c.resolve(a.via());
        if (via >= 0 && !c.isBroker(via)) {
            return new Outcome.Refused(ErrorCode.BROKER_ID_NOT_REGISTERED, "feed", "no broker " + via + " to run the producer beside");
        }
        Feed f = c.feed(new FeedRequest(a.topic(), a.records().records(), a.acks(), a.rate(), via, a.idempotent()));
        return new Outcome.FeedStarted(f.id(), a.topic(), a.records().describe(), a.acks());
    }

    /** Lists the split's nodes as ids now (an unresolved one as -1, which cuts nothing real). */
    private List<Integer> ids(List<NodeRef> refs) {
        List<Integer> out = new ArrayList<>();
        refs.forEach(r -> out.add(c.resolve(r)));
        return out;
    }

    private Outcome partition(Action.Split split) {
        if (split instanceof Action.Groups g) {
            List<List<Integer>> groups = new ArrayList<>();
            g.groups().forEach(refs -> groups.add(ids(refs)));
            c.partition(groups);
            return new Outcome.Accepted("partitioned into " + groups);
        }
        if (split instanceof Action.MajorityMinority m) {
            List<Integer> minority = m.minority() != null ? ids(m.minority()) : c.defaultMinority();
            c.splitMajorityMinority(minority);
            return new Outcome.Accepted("minority " + minority + " cut off from the majority");
        }
        if (split instanceof Action.MajoritiesRing) {
            c.majoritiesRing();
            return new Outcome.Accepted("majorities ring");
        }
        if (split instanceof Action.Bridge b) {
            int node = c.resolve(b.node() == null ? new NodeRef.AFollower() : b.node());
            c.bridge(node);
            return new Outcome.Accepted("bridge through n" + node);
        }
        throw new IllegalStateException("unknown split " + split);
    }
}
