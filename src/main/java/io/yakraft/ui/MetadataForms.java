package io.yakraft.ui;

import io.yakraft.session.LiveSession;
import io.yakraft.cluster.Action;
import io.yakraft.cluster.BrokerIdentity;
import io.yakraft.cluster.NodeRef;
import io.yakraft.cluster.Outcome;
import io.yakraft.metadata.ControllerReply;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Consumer;

/** The Metadata menu's forms: each becomes a timed input of the simulation through the driver. */
final class MetadataForms {
    private final LiveSession driver;
    private final Window owner;
    private final Consumer<String> status;

    MetadataForms(LiveSession driver, Window owner, Consumer<String> status) {
        this.driver = driver;
        this.owner = owner;
        this.status = status;
    }

    /** The words a person reads for a controller's answer: null when it succeeded. */
    static String problem(ControllerReply reply) {
        return reply.ok() ? null : reply.error() + ": " + reply.message();
    }

    void createTopic() {
        TextField name = new TextField();
        name.setPromptText("orders");
        TextField partitions = new TextField("3");
        TextField rf = new TextField(String.valueOf(Math.min(3, Math.max(1, brokerCount()))));
        // topic configs: empty means "not set" (the broker's min.insync.replicas, Kafka's default false)
        TextField minIsr = new TextField();
        minIsr.setPromptText("broker default");
        javafx.scene.control.CheckBox unclean = new javafx.scene.control.CheckBox("unclean.leader.election.enable");
        new CommandForm(owner, "Create topic", "The active controller validates the topic, places its replicas on"
                + " unfenced brokers and answers once the records are committed.")
                .field("Name", name, "topicName").field("Partitions", partitions, "topicPartitions")
                .field("Replication factor", rf, "topicRf")
                .field("min.insync.replicas", minIsr, "topicMinIsr")
                .field("Unclean election", unclean, "topicUnclean")
                .show(done -> {
                    int p = CommandForm.integer("Partitions", partitions.getText(), 1, 10_000);
                    int r = CommandForm.integer("Replication factor", rf.getText(), 1, 9);
                    String topic = name.getText().trim();
                    java.util.Map<String, String> configs = new java.util.TreeMap<>();
                    if (!minIsr.getText().isBlank()) {
                        configs.put(io.yakraft.metadata.TopicConfigs.MIN_INSYNC_REPLICAS,
                                String.valueOf(CommandForm.integer("min.insync.replicas", minIsr.getText(), 1, 9)));
                    }
                    if (unclean.isSelected()) {
                        configs.put(io.yakraft.metadata.TopicConfigs.UNCLEAN_LEADER_ELECTION, "true");
                    }
                    driver.perform(new Action.CreateTopic(topic, p, r, configs), o -> { },
                            reply -> done.accept(problem(reply)));
                }, () -> status.accept("Topic '" + name.getText().trim() + "' created and committed."));
    }

    void createPartitions() {
        ComboBox<String> topic = topicChoice();
        TextField total = new TextField();
        total.setPromptText("new total, e.g. 6");
        new CommandForm(owner, "Create partitions", "Grows a topic to a larger number of partitions.")
                .field("Topic", topic, "partitionsTopic").field("New total", total, "partitionsTotal")
                .show(done -> {
                    String t = required("Topic", topic.getValue());
                    int n = CommandForm.integer("New total", total.getText(), 1, 10_000);
                    driver.perform(new Action.CreatePartitions(t, n), o -> { },
                            reply -> done.accept(problem(reply)));
                }, () -> status.accept("Topic '" + topic.getValue() + "' now has " + total.getText().trim() + " partitions."));
    }

    /**
     * IncrementalAlterConfigs on one topic: a field left empty is not changed, "default" deletes the
     * topic's value (the broker's applies again). Both take effect live.
     */
    void alterTopicConfig() {
        ComboBox<String> topic = topicChoice();
        TextField minIsr = new TextField();
        minIsr.setPromptText("1-9, default, or empty");
        ComboBox<String> unclean = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                "unchanged", "true", "false", "default"));
        unclean.setValue("unchanged");
        new CommandForm(owner, "Alter topic configs", "The controller writes a ConfigRecord per changed config (and a"
                + " ClearElrRecord when min.insync.replicas changes). Unclean election, once enabled, elects a leader"
                + " for a leaderless partition at the controller's next periodic check.")
                .field("Topic", topic, "alterTopic").field("min.insync.replicas", minIsr, "alterMinIsr")
                .field("unclean.leader.election.enable", unclean, "alterUnclean")
                .show(done -> {
                    String t = required("Topic", topic.getValue());
                    java.util.Map<String, String> changes = new java.util.TreeMap<>();
                    String m = minIsr.getText().trim();
                    if (m.equalsIgnoreCase("default")) {
                        changes.put(io.yakraft.metadata.TopicConfigs.MIN_INSYNC_REPLICAS, null);
                    } else if (!m.isEmpty()) {
                        changes.put(io.yakraft.metadata.TopicConfigs.MIN_INSYNC_REPLICAS,
                                String.valueOf(CommandForm.integer("min.insync.replicas", m, 1, 9)));
                    }
                    switch (unclean.getValue()) {
                        case "true", "false" -> changes.put(io.yakraft.metadata.TopicConfigs.UNCLEAN_LEADER_ELECTION,
                                unclean.getValue());
                        case "default" -> changes.put(io.yakraft.metadata.TopicConfigs.UNCLEAN_LEADER_ELECTION, null);
                        case "unchanged" -> { }
                        default -> throw new IllegalStateException("unclean.leader.election.enable choice " + unclean.getValue());
                    }
                    if (changes.isEmpty()) {
                        throw new IllegalArgumentException("min.insync.replicas or unclean.leader.election.enable: change"
                                + " at least one (both are 'unchanged')");
                    }
                    driver.perform(new Action.AlterTopicConfig(t, changes), o -> { }, reply -> done.accept(problem(reply)));
                }, () -> status.accept("Configs of topic '" + topic.getValue() + "' altered and committed."));
    }

    /** Kafka's ElectLeaders PREFERRED (kafka-leader-election.sh --election-type preferred) for one topic or all. */
    void electPreferredLeaders() {
        ComboBox<String> topic = topicChoice();
        topic.getItems().add(0, ALL_TOPICS);
        topic.setValue(ALL_TOPICS);
        new CommandForm(owner, "Elect preferred leaders", "Each partition whose first replica is in the ISR and"
                + " unfenced but does not lead gets it back as leader, in a new leader epoch.")
                .field("Topic", topic, "electTopic")
                .show(done -> {
                    String t = required("Topic", topic.getValue());
                    driver.perform(new Action.ElectPreferredLeaders(ALL_TOPICS.equals(t) ? null : t), o -> { },
                            reply -> done.accept(problem(reply)));
                }, () -> status.accept("Preferred leaders elected for " + topic.getValue() + "."));
    }

    private static final String ALL_TOPICS = "(every topic)";

    void deleteTopic() {
        ComboBox<String> topic = topicChoice();
        new CommandForm(owner, "Delete topic", "Removes the topic and its partitions (RemoveTopicRecord).")
                .field("Topic", topic, "deleteTopic")
                .show(done -> {
                    String t = required("Topic", topic.getValue());
                    driver.perform(new Action.DeleteTopic(t), o -> { }, reply -> done.accept(problem(reply)));
                }, () -> status.accept("Topic '" + topic.getValue() + "' deleted."));
    }

    void registerBroker() {
        int next = nextBrokerId();
        TextField id = new TextField(String.valueOf(next));
        TextField host = new TextField("broker-" + next);
        TextField port = new TextField("9092");
        TextField rack = new TextField();
        rack.setPromptText("optional, e.g. rack-a");
        id.textProperty().addListener((o, a, b) -> host.setText("broker-" + b.trim()));
        new CommandForm(owner, "Register broker", "Starts a new broker process: it registers with the active controller,"
                + " shows FENCED, catches up on the metadata log and is unfenced.")
                .field("Broker id", id, "brokerId").field("Host", host, "brokerHost").field("Port", port, "brokerPort")
                .field("Rack", rack, "brokerRack")
                .show(done -> {
                    int b = CommandForm.integer("Broker id", id.getText(), 0, 1_000_000);
                    int p = CommandForm.integer("Port", port.getText(), 1, 65_535);
                    BrokerIdentity identity = new BrokerIdentity(required("Host", host.getText()), p, rack.getText().trim());
                    var step = new Action.RegisterBroker(b, identity.host(), identity.port(), identity.rack());
                    driver.perform(step, outcome -> done.accept(outcome instanceof Outcome.Refused r ? "Broker id: " + r.message()
                            : null), reply -> { });
                }, () -> status.accept("Broker b" + id.getText().trim() + " started; watch it register and be unfenced."));
    }

    void registerProducer() {
        ComboBox<String> broker = new ComboBox<>();
        for (int b : driver.latestBrokerIds()) {
            broker.getItems().add("b" + b);
        }
        if (!broker.getItems().isEmpty()) {
            broker.getSelectionModel().selectFirst();
        }
        String[] granted = new String[1];
        new CommandForm(owner, "Register producer", "The broker asks the active controller for a block of "
                + io.yakraft.metadata.QuorumController.PRODUCER_ID_BLOCK + " producer ids (AllocateProducerIds).")
                .field("Broker", broker, "producerBroker")
                .show(done -> {
                    int b = Integer.parseInt(required("Broker", broker.getValue()).substring(1));
                    driver.perform(new Action.RegisterProducer(NodeRef.broker(b)), outcome -> {
                        if (outcome instanceof Outcome.Refused) {
                            done.accept("broker b" + b + " is down or not registered yet");
                        }
                    }, reply -> {
                        if (reply.body() instanceof ControllerReply.ProducerIdBlock block) {
                            granted[0] = "b" + b + " holds producer ids " + block.firstProducerId() + ".."
                                    + (block.firstProducerId() + block.size() - 1);
                        }
                        done.accept(problem(reply));
                    });
                }, () -> status.accept(granted[0]));
    }

    private ComboBox<String> topicChoice() {
        ComboBox<String> topic = new ComboBox<>();
        topic.getItems().setAll(driver.latestTopicNames());
        topic.setEditable(true);
        if (!topic.getItems().isEmpty()) {
            topic.getSelectionModel().selectFirst();
        }
        return topic;
    }

    private int brokerCount() {
        return driver.latestBrokerIds().size();
    }

    private int nextBrokerId() {
        List<Integer> ids = driver.latestBrokerIds();
        return ids.isEmpty() ? 101 : ids.get(ids.size() - 1) + 1;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        return value.trim();
    }
}
