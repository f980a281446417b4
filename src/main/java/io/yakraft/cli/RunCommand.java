package io.yakraft.cli;

import io.yakraft.session.Session;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yakraft.scenario.Lessons;
import io.yakraft.scenario.Scenario;
import io.yakraft.scenario.ScenarioException;
import io.yakraft.scenario.ScenarioReader;
import io.yakraft.scenario.ScenarioRun;
import io.yakraft.scenario.StepReport;
import io.yakraft.session.LiveSession;
import io.yakraft.session.PacingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code run}: plays a scenario file (or a built-in lesson) headless and reports every step and expectation. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Play a scenario headless: each step and expectation with pass/fail, then a summary."
                + " Exit 0 when every expectation passes, 1 when one fails, 2 when the file is invalid.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "a scenario file, or a built-in lesson's name (e.g. 01-first-election)")
    String source;

    @Option(names = "--json", description = "print one JSON object instead of the step list")
    boolean json;

    @Option(names = "--trace", paramLabel = "FILE", description = "write the trace as JSON lines to FILE")
    Path traceFile;

    @Option(names = "--pacing", description = "also play the scenario as the window would, on virtual wall time at lesson"
            + " speed (0.3×, slow motion as the scenario sets it, captions held until read): for each caption its"
            + " readable time against its reading time, and how long the state it names (\"shows\") is visible;"
            + " fails when a caption is readable for less than its reading time or a named state is visible under 2 s")
    boolean pacing;

    @Option(names = "--pacing-baseline", description = "with --pacing: captions do not hold and slow motion is off"
            + " (how lessons played before pacing), for comparison")
    boolean baseline;

    @Option(names = "--variant", completionCandidates = FuzzCommand.VariantNames.class,
            description = "run the scenario on this protocol instead of the one it names: ${COMPLETION-CANDIDATES}")
    String variant;

    @Option(names = "--kafka", paramLabel = "local|HOST:PORT", description = "play the scenario on real Kafka: 'local' starts a fresh local"
            + " cluster of Kafka processes sized as the scenario says, plays its actions in real time, evaluates the checks that make"
            + " sense there through the Admin API, lists those it cannot, and stops the cluster; HOST:PORT plays the Admin actions"
            + " (topics, partitions, writes, feeds, removeVoter) and the checks on a running cluster, refusing process actions")
    String kafka;

    @Option(names = "--kafka-dir", paramLabel = "DIR", description = "with --kafka: the new cluster's directory (kept; default a"
            + " fresh one under ~/.yakraft/runs, removed after the run)")
    Path kafkaDir;

    @Option(names = "--time-factor", defaultValue = "3", description = "with --kafka: a waitFor's timeout and an expect's grace"
            + " (3 s) are multiplied by this in real time (default ${DEFAULT-VALUE}); 'after' delays play 1:1")
    double timeFactor;

    @Option(names = "--keep-kafka", description = "with --kafka: keep the cluster's directory (logs, data) after the run")
    boolean keepKafka;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Scenario scenario;
        try {
            scenario = load(source);
            if (variant != null) {
                if (!io.yakraft.cluster.ProtocolVariants.exists(variant)) {
                    throw new ParameterException(spec.commandLine(), "Invalid value for option '--variant': unknown protocol"
                            + " variant '" + variant + "' (expected one of: " + String.join(", ",
                            io.yakraft.cluster.ProtocolVariants.names()) + ")");
                }
                scenario = new Scenario(scenario.name(), scenario.description(), scenario.cluster().withVariant(variant),
                        scenario.steps(), scenario.slowMotion(), scenario.fuzz(), scenario.stopAtViolation());
            }
        } catch (ScenarioException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (kafka != null) {
            if (!kafka.equals("local") && !kafka.matches("[^\\s,:]+:\\d+(,[^\\s,:]+:\\d+)*")) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--kafka': '" + kafka
                        + "' (expected local: a local cluster started for the run, or HOST:PORT[,…]: a running cluster's bootstrap servers)");
            }
            if (!(timeFactor >= 1)) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--time-factor': must be 1 or more, got " + timeFactor);
            }
            try {
                return kafka.equals("local") ? RunOnKafka.run(scenario, kafkaDir, timeFactor, keepKafka, System.out)
                        : RunOnKafka.runAttached(scenario, kafka, timeFactor, System.out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        ScenarioRun run;
        try (TraceFile trace = traceFile == null ? null : new TraceFile(traceFile)) {
            run = Session.headless(scenario, trace == null ? e -> { } : trace::write).playToEnd();
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--trace': cannot write " + traceFile
                    + ": " + e.getMessage());
        }
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(toJson(run)));
        } else {
            print(run);
        }
        boolean paced = true;
        if (pacing) {
            PacingReport report = baseline ? PacingReport.measure(scenario, LiveSession.LESSON_SPEED, false, false)
                    : PacingReport.measure(scenario, LiveSession.LESSON_SPEED);
            PacingPrinter.print(report, System.out);
            paced = report.passed();
        }
        return run.passed() && paced ? 0 : 1;
    }

    static Scenario load(String source) throws ScenarioException, IOException {
        Path file = Path.of(source);
        if (Files.isRegularFile(file)) {
            return ScenarioReader.read(file);
        }
        String lesson = source.replaceFirst("^.*lessons/", "");
        lesson = lesson.endsWith(".json") ? lesson : lesson + ".json";
        if (Lessons.exists(lesson)) {
            return Lessons.load(lesson);
        }
        throw new ScenarioException(source, 1, 1, "no such file, and no built-in lesson of that name (lessons: "
                + String.join(", ", Lessons.names()) + ")");
    }

    private static void print(ScenarioRun run) {
        System.out.printf("scenario: %s (seed %d, %d controllers, %d brokers)%n", run.scenario().name(),
                run.scenario().cluster().seed(), run.scenario().cluster().controllers(), run.scenario().cluster().observers());
        for (StepReport r : run.reports()) {
            String mark = r.expectation() ? (r.passed() ? "PASS" : "FAIL") : "    ";
            System.out.printf("  step %2d %8d ms  %s  %s — %s%n", r.step(), r.simulatedMs(), mark, r.description(), r.message());
        }
        for (String a : run.answers()) {
            System.out.println("  answer: " + a);
        }
        for (ScenarioRun.QuestionResult q : run.questions()) {
            System.out.printf("  question %s: %s%n      %s%n      answer: %s — %s%n", q.question().id(), q.question().text(),
                    String.join(" | ", q.question().choices()), q.question().choices().get(q.question().answer()),
                    q.proved() ? "PASS, proved by step " + q.provedAtStep() : "FAIL, no later expectation with \"proves\": \""
                            + q.question().id() + "\" passed");
        }
        long passed = run.expectations().stream().filter(StepReport::passed).count();
        System.out.printf("%s: %d of %d expectations passed;%s %d events, %.3f s simulated; trace sha256 %s%n",
                run.passed() ? "PASSED" : "FAILED", passed, run.expectations().size(),
                run.questions().isEmpty() ? "" : " " + run.questions().stream().filter(ScenarioRun.QuestionResult::proved).count()
                        + " of " + run.questions().size() + " questions proved;", run.events(), run.simulatedMs() / 1000.0,
                run.traceSha256());
    }

    static Map<String, Object> toJson(ScenarioRun run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", run.scenario().name());
        out.put("seed", run.scenario().cluster().seed());
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Map<String, Object>> expectations = new ArrayList<>();
        for (StepReport r : run.reports()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", r.step());
            m.put("line", r.line());
            m.put("simulatedMs", r.simulatedMs());
            m.put("description", r.description());
            if (r.expectation()) {
                m.put("passed", r.passed());
            }
            m.put("message", r.message());
            steps.add(m);
            if (r.expectation()) {
                expectations.add(m);
            }
        }
        out.put("steps", steps);
        out.put("expectations", expectations);
        out.put("answers", run.answers());
        List<Map<String, Object>> questions = new ArrayList<>();
        for (ScenarioRun.QuestionResult q : run.questions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", q.question().id());
            m.put("text", q.question().text());
            m.put("choices", q.question().choices());
            m.put("answer", q.question().answer());
            m.put("proved", q.proved());
            m.put("provedAtStep", q.provedAtStep());
            questions.add(m);
        }
        out.put("questions", questions);
        out.put("passed", run.passed());
        out.put("simulatedMs", run.simulatedMs());
        out.put("traceSha256", run.traceSha256());
        return out;
    }
}
