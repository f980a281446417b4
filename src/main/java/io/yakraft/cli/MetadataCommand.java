package io.yakraft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.yakraft.check.RunSpec;
import io.yakraft.check.Runner;
import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.LogRange;
import io.yakraft.cluster.RecordText;
import io.yakraft.raft.LogEntry;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.MetadataJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code metadata}: look at the replicated Kafka metadata a run produced. */
@Command(name = "metadata", mixinStandardHelpOptions = true, description = "Inspect the replicated Kafka metadata of a run.",
        subcommands = {MetadataCommand.Dump.class, MetadataCommand.Log.class})
public final class MetadataCommand {

    /** {@code metadata dump}: one node's final image as JSON. */
    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = "Run headless as 'sim' does, then print one node's final metadata image as JSON.")
    static final class Dump implements Callable<Integer> {
        @Mixin
        RunOptions options;

        @Option(names = "--node", required = true, description = "the node whose image to print (1..9 controllers, 101.. brokers)")
        int node;

        @Override
        public Integer call() throws JsonProcessingException {
            RunSpec run = runOf(options, node);
            Cluster[] finished = new Cluster[1];
            var result = Runner.run(run, c -> finished[0] = c);
            MetadataImage image = finished[0].image(node);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("node", node);
            out.put("appliedOffset", finished[0].appliedOffset(node));
            out.put("imageSha256", image.sha256());
            out.putAll(image.canonical());
            System.out.println(MetadataJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
            return result.safe() ? 0 : 1;
        }
    }

    /**
     * {@code metadata log}: the first records of one node's metadata log, decoded, one per line
     * (in the manner of kafka-dump-log --cluster-metadata-decoder): offset, epoch, type, fields.
     */
    @Command(name = "log", mixinStandardHelpOptions = true,
            description = "Run headless as 'sim' does, then print the first records of one node's metadata log, decoded.")
    static final class Log implements Callable<Integer> {
        @Mixin
        RunOptions options;

        @Option(names = "--node", required = true, description = "the node whose log to print (1..9 controllers, 101.. brokers)")
        int node;

        @Option(names = "--limit", defaultValue = "30", description = "how many records, from the log's start (default ${DEFAULT-VALUE})")
        int limit;

        @Override
        public Integer call() {
            RunSpec run = runOf(options, node);
            if (limit < 1) {
                throw options.bad("--limit", "must be 1 or more, got " + limit);
            }
            Cluster[] finished = new Cluster[1];
            var result = Runner.run(run, c -> finished[0] = c);
            LogRange range = finished[0].logRange(node);
            System.out.println("node " + node + ": log " + range.startOffset() + ".." + range.endOffset()
                    + ", high watermark " + range.highWatermark());
            for (var snap : finished[0].snapshots(node)) {
                RecordText.snapshotLines(snap).forEach(System.out::println);
            }
            for (LogEntry e : finished[0].entries(node, range.startOffset(), range.startOffset() + limit)) {
                System.out.println(RecordText.line(e));
            }
            return result.safe() ? 0 : 1;
        }
    }

    /** The run the options describe, refusing a {@code --node} it does not have, with the nodes it does have. */
    private static RunSpec runOf(RunOptions options, int node) {
        RunSpec run = options.toRunSpec();
        if (!run.cluster().hasNode(node)) {
            throw options.bad("--node", "no node " + node + " in a cluster of " + options.controllers
                    + " controller(s) (1.." + options.controllers + ") and " + options.brokers + " broker(s)"
                    + (options.brokers > 0 ? " (101.." + (100 + options.brokers) + ")" : ""));
        }
        return run;
    }
}
