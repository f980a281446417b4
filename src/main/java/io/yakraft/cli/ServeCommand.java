package io.yakraft.cli;

import io.yakraft.session.Session;
import io.yakraft.session.LiveSession;
import io.yakraft.session.Pacer;
import io.yakraft.api.ApiServer;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.scenario.Scenario;
import io.yakraft.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: a cluster running headless in real time with the original YAKRaft REST routes in front. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run a cluster headless in real time behind the YAKRaft REST API (loopback unless --bind says otherwise).")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "6000", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE}: this machine only)")
    String bind;

    @Option(names = "--controllers", defaultValue = "3", description = "controllers, 1..9 (default ${DEFAULT-VALUE})")
    int controllers;

    @Option(names = "--brokers", defaultValue = "3", description = "brokers, 0..9 (default ${DEFAULT-VALUE})")
    int brokers;

    @Option(names = "--seed", defaultValue = "42", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--scenario", paramLabel = "FILE", description = "play this scenario (or built-in lesson) instead")
    String scenario;

    @Option(names = "--ready-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "wait at most this long for a leader and every broker unfenced before announcing the address"
                    + " (default ${DEFAULT-VALUE}); not ready by then: exit 1")
    long readySeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LiveSession live;
        if (scenario != null) {
            Scenario s;
            try {
                s = RunCommand.load(scenario);
            } catch (ScenarioException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--scenario': " + e.getMessage());
            }
            live = new LiveSession(s.cluster(), 1, false);
            live.play(s);
        } else {
            ClusterConfig config;
            try {
                config = Session.defaultConfig(seed, controllers, brokers);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            live = new LiveSession(config, 1, false);
        }
        if (readySeconds < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--ready-timeout': give 1 second or more");
        }
        try (Pacer pacer = new Pacer(live); ApiServer api = new ApiServer(live, bind, port)) {
            // announced only once a write can be placed: a client that starts on the address line is not refused
            try {
                live.when(ApiServer::ready).get(readySeconds, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                System.err.println("not ready after " + readySeconds + " s (no leader, or a broker still fenced): n"
                        + live.latest().snapshot().leaderId() + " is the leader (-1: none); try --ready-timeout with more seconds");
                return 1;
            }
            System.out.println("YAKRaft REST API on " + api.address() + " (seed " + live.config().seed() + "); Ctrl+C stops");
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
            forever.await();
        }
        return 0;
    }
}
