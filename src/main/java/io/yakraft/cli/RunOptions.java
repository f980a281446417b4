package io.yakraft.cli;

import io.yakraft.check.RunSpec;
import io.yakraft.check.FeedWorkload;
import io.yakraft.check.TopicWorkload;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.sim.Durations;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that shape a headless run, shared by {@code sim} and {@code metadata dump}. */
final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--controllers", defaultValue = "3", description = "voters, 1..9 (default ${DEFAULT-VALUE})")
    int controllers;

    @Option(names = {"--brokers", "--observers"}, defaultValue = "0",
            description = "brokers (the quorum's observers), 0..9 (default ${DEFAULT-VALUE})")
    int brokers;

    @Option(names = "--seed", defaultValue = "42", description = "seed of every random choice (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--duration", defaultValue = "1m", description = "simulated time of writes and faults, e.g. 30s, 10m (default ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--faults", defaultValue = "none", description = "none or random (default ${DEFAULT-VALUE})")
    String faults;

    @Option(names = "--write-every", defaultValue = "0ms",
            description = "period of raw raft entries (not Kafka metadata; for protocol lessons only); 0 for none (default ${DEFAULT-VALUE})")
    String writeEvery;

    @Option(names = "--max-idle-interval", paramLabel = "DURATION", defaultValue = "500ms",
            description = "metadata.max.idle.interval.ms: the active controller's NoOpRecord period; 0 for none (default ${DEFAULT-VALUE})")
    String maxIdleInterval;

    @Option(names = "--workload", paramLabel = "SPEC",
            description = "metadata workload, e.g. topics=20,partitions=6,rf=3[,producers=5][,every=250] (needs --brokers)")
    String workload;

    @Option(names = "--feed", paramLabel = "SPEC",
            description = "data feed into topic 'feed', e.g. records=2000,rate=100,partitions=3,rf=3,acks=all"
                    + "[,idempotence=false][,minIsr=2][,unclean=true] (needs --brokers)")
    String feed;

    @Option(names = "--snapshot-every", paramLabel = "RECORDS", defaultValue = "500",
            description = "each node snapshots its image after this many applied records; 0 for never (default ${DEFAULT-VALUE})")
    int snapshotEvery;

    @Option(names = "--retention-records", paramLabel = "RECORDS",
            description = "metadata.max.retention.bytes, in records: log plus snapshots kept before the log is deleted"
                    + " up to a snapshot; -1 for no size rule (default: twice --snapshot-every)")
    Long retentionRecords;

    @Option(names = "--retention-ms", paramLabel = "DURATION",
            description = "metadata.max.retention.ms: the log before a snapshot older than this may go; -1 for no time rule"
                    + " (default 60s)")
    String retentionMs;

    @Option(names = "--snapshot-interval", paramLabel = "DURATION",
            description = "metadata.log.max.snapshot.interval.ms: a node that applied anything since its latest snapshot"
                    + " writes one after this long; 0 for record count only (default 30s)")
    String snapshotInterval;

    @Option(names = "--fetch-snapshot-max-records", paramLabel = "RECORDS",
            defaultValue = "" + io.yakraft.raft.RaftConfig.DEFAULT_FETCH_SNAPSHOT_MAX_RECORDS,
            description = "controller.quorum.fetch.snapshot.max.bytes, in records: the largest FetchSnapshot chunk"
                    + " (default ${DEFAULT-VALUE})")
    int fetchSnapshotMaxRecords;

    @Option(names = "--variant", defaultValue = io.yakraft.cluster.ProtocolVariants.DEFAULT,
            completionCandidates = FuzzCommand.VariantNames.class,
            description = "protocol: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); every variant but kraft drops a safety rule")
    String variant;

    @Option(names = "--no-invariants", description = "skip the per-event invariant checks (faster)")
    boolean noInvariants;

    /** The run these options describe; bad values become a ParameterException naming the option. */
    RunSpec toRunSpec() {
        long durationMs = millis("--duration", duration);
        long writeMs = millis("--write-every", writeEvery);
        if (!faults.equals("none") && !faults.equals("random")) {
            throw bad("--faults", "'" + faults + "' (expected none or random)");
        }
        ClusterConfig config;
        try {
            config = ClusterConfig.defaults(seed, controllers, brokers);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage().startsWith("controllers") ? "--controllers" : "--brokers", e.getMessage());
        }
        if (snapshotEvery < 0) {
            throw bad("--snapshot-every", "must be 0 or more, got " + snapshotEvery);
        }
        long idleMs = millis("--max-idle-interval", maxIdleInterval);
        if (idleMs > Integer.MAX_VALUE) {
            throw bad("--max-idle-interval", "must be at most " + Integer.MAX_VALUE + " ms, got " + idleMs);
        }
        config = config.withMetadata(config.metadata().withSnapshotEvery(snapshotEvery).withMaxIdleInterval((int) idleMs));
        if (retentionRecords != null || retentionMs != null) {
            long records = retentionRecords != null ? retentionRecords : config.metadata().retentionRecords();
            long ms = retentionMs == null ? config.metadata().retentionMs()
                    : retentionMs.trim().equals("-1") ? -1 : millis("--retention-ms", retentionMs);
            if (records < -1) {
                throw bad("--retention-records", "must be -1 (no size rule) or more, got " + records);
            }
            config = config.withMetadata(config.metadata().withRetention(records, ms));
        }
        if (snapshotInterval != null) {
            config = config.withMetadata(config.metadata().withSnapshotInterval(millis("--snapshot-interval", snapshotInterval)));
        }
        if (fetchSnapshotMaxRecords < 1) {
            throw bad("--fetch-snapshot-max-records", "must be 1 or more, got " + fetchSnapshotMaxRecords);
        }
        config = config.withRaft(config.raft().withFetchSnapshotMaxRecords(fetchSnapshotMaxRecords));
        if (!io.yakraft.cluster.ProtocolVariants.exists(variant)) {
            throw bad("--variant", "unknown protocol variant '" + variant + "' (expected one of: "
                    + String.join(", ", io.yakraft.cluster.ProtocolVariants.names()) + ")");
        }
        config = config.withVariant(variant);
        RunSpec run = RunSpec.of(config, durationMs, faults.equals("random")).withInvariants(!noInvariants)
                .withWritePeriod(writeMs);
        if (workload != null) {
            TopicWorkload.Spec w;
            try {
                w = TopicWorkload.Spec.parse(workload);
            } catch (IllegalArgumentException e) {
                throw bad("--workload", e.getMessage());
            }
            if (w.rf() > brokers) {
                throw bad("--workload", "rf=" + w.rf() + " needs at least " + w.rf() + " broker(s); --brokers is " + brokers);
            }
            run = run.withWorkload(w);
        }
        if (feed != null) {
            FeedWorkload.Spec f;
            try {
                f = FeedWorkload.Spec.parse(feed);
            } catch (IllegalArgumentException e) {
                throw bad("--feed", e.getMessage());
            }
            if (f.rf() > brokers) {
                throw bad("--feed", "rf=" + f.rf() + " needs at least " + f.rf() + " broker(s); --brokers is " + brokers);
            }
            run = run.withFeed(f);
        }
        return run;
    }

    private long millis(String option, String text) {
        try {
            return Durations.parseMillis(text);
        } catch (IllegalArgumentException e) {
            throw bad(option, e.getMessage());
        }
    }

    ParameterException bad(String option, String why) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + why);
    }
}
