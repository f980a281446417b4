package io.yakraft;

import io.yakraft.ReadmeCommands.Command;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every command line of the README's {@code ```bash} blocks, run as a newcomer pastes it from the
 * repository's root against the packaged {@code target/yakraft.jar} (this runs in {@code mvn verify}'s
 * integration-test phase, after {@code package}). Each must exit 0.
 *
 * <p>The exceptions, by rule and nothing else:
 * <ul>
 *   <li>{@code mvn javafx:run} and {@code mvn verify} are not run: the second is the build running this
 *       test, the first opens the window. No other Maven command may appear in a block.</li>
 *   <li>the window ({@code java -jar target/yakraft.jar} alone or with {@code gui}) is not started:
 *       it needs a display and runs until closed; the headless TestFX tests drive the same window.</li>
 *   <li>{@code serve} runs until stopped: it is started on a free port ({@code --port 0}), one route
 *       is asked once it prints the line saying where it listens, and then it is stopped.</li>
 *   <li>{@code sudo apt-get} lines install system packages: they are not run, but the packages they
 *       name must be exactly those {@code .ci/run} installs.</li>
 * </ul>
 */
class ReadmeCommandsIT {
    private static final Path README = Path.of("README.md");
    private static final Path CI_SCRIPT = Path.of(".ci", "run");
    private static final String JAR = "target/yakraft.jar";
    private static final Path LOGS = Path.of("target", "readme-commands");
    /** Generous bound per command: a wait that runs out fails the test. */
    private static final long COMMAND_TIMEOUT_SECONDS = 180;
    /** The options through which README commands write files: outputs go under target/ or /tmp. */
    private static final Set<String> OUTPUT_OPTIONS = Set.of("--out", "--rejects", "--trace");
    private static final Pattern LISTENING = Pattern.compile("https?://[^\\s:/]+:(\\d+)");

    /** What a README command is, which decides how it is checked. */
    sealed interface Kind permits Maven, AptGet, Window, Serve, JarRun {
    }

    record Maven(String goal) implements Kind {
    }

    record AptGet(List<String> arguments) implements Kind {
    }

    record Window() implements Kind {
    }

    record Serve(List<String> arguments) implements Kind {
    }

    record JarRun(List<String> arguments) implements Kind {
    }

    @BeforeAll
    static void theJarIsPackaged() throws IOException {
        assertTrue(Files.isRegularFile(Path.of(JAR)), JAR + " is missing: this test runs after `mvn package`");
        Files.createDirectories(LOGS);
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandRunsWhenPasted() throws IOException {
        List<Command> commands = ReadmeCommands.inBashBlocks(Files.readString(README));
        long jarRuns = commands.stream().filter(c -> kindOf(c) instanceof JarRun).count();
        assertTrue(jarRuns >= 8, "only " + jarRuns + " runnable jar commands found in README.md's ```bash blocks");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            String log = String.format("%02d.log", i + 1);
            tests.add(DynamicTest.dynamicTest("README.md:" + command.line() + ": " + command.text(),
                    () -> checkNamingTheCommand(command, LOGS.resolve(log))));
        }
        return tests.stream();
    }

    private static void checkNamingTheCommand(Command command, Path log) throws Exception {
        try {
            check(command, kindOf(command), log);
        } catch (AssertionError e) {
            throw new AssertionError("README.md:" + command.line() + ": " + command.text() + "\n" + e.getMessage(), e);
        }
    }

    static Kind kindOf(Command command) {
        List<String> words = command.words();
        String program = words.get(0);
        if (program.equals("mvn")) {
            assertEquals(2, words.size(), "README.md:" + command.line() + ": a Maven command other than the two: " + command.text());
            return new Maven(words.get(1));
        }
        if (program.equals("sudo") && words.size() > 1 && words.get(1).equals("apt-get")) {
            return new AptGet(words.subList(2, words.size()));
        }
        if (!program.equals("java") || words.size() < 3 || !words.get(1).equals("-jar") || !words.get(2).equals(JAR)) {
            throw new AssertionError("README.md:" + command.line() + ": not a command this test knows how to run: " + command.text());
        }
        List<String> arguments = words.subList(3, words.size());
        if (arguments.isEmpty() || arguments.get(0).equals("gui")) {
            return new Window();
        }
        if (arguments.get(0).equals("serve")) {
            return new Serve(arguments);
        }
        return new JarRun(arguments);
    }

    private static void check(Command command, Kind kind, Path log) throws Exception {
        if (kind instanceof Maven maven) {
            assertTrue(Set.of("javafx:run", "verify").contains(maven.goal()), "unexpected Maven goal " + maven.goal());
            Assumptions.abort("`mvn " + maven.goal() + "` is not run here: `verify` is the build running this test, "
                    + "`javafx:run` opens the window");
        } else if (kind instanceof AptGet apt) {
            checkAptGet(apt);
        } else if (kind instanceof Window) {
            Assumptions.abort("the window needs a display and runs until closed; the TestFX tests drive it headless");
        } else if (kind instanceof Serve serve) {
            checkServe(serve, log);
        } else if (kind instanceof JarRun run) {
            checkRun(run, log);
        } else {
            throw new IllegalStateException("no check for " + kind);
        }
    }

    private static void checkAptGet(AptGet apt) throws IOException {
        List<String> arguments = apt.arguments();
        if (arguments.equals(List.of("update"))) {
            Assumptions.abort("`apt-get update` only refreshes the package lists");
        }
        assertTrue(arguments.size() > 2 && arguments.get(0).equals("install") && arguments.get(1).equals("-y"),
                "expected `sudo apt-get install -y PACKAGES`, got " + arguments);
        Set<String> readme = new TreeSet<>(arguments.subList(2, arguments.size()));
        assertEquals(packagesCiInstalls(), readme, "README's packages differ from those .ci/run installs");
    }

    /** The package names of .ci/run's {@code apt-get install}: words after it that are not options, up to a redirection. */
    static Set<String> packagesCiInstalls() throws IOException {
        String script = Files.readString(CI_SCRIPT).replace("\\\n", " ");
        int at = script.indexOf("apt-get install");
        assertTrue(at >= 0, ".ci/run has no `apt-get install`");
        Set<String> packages = new TreeSet<>();
        for (String word : script.substring(at + "apt-get install".length()).trim().split("\\s+")) {
            if (word.startsWith(">") || word.startsWith(")") || word.startsWith("|") || word.equals("&&")) {
                break;
            }
            if (!word.startsWith("-")) {
                packages.add(word);
            }
        }
        assertTrue(!packages.isEmpty(), ".ci/run installs no package?");
        return packages;
    }

    private static void checkRun(JarRun run, Path log) throws Exception {
        List<String> arguments = run.arguments();
        checkFilesItNames(arguments);
        Process process = start(arguments, log);
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("still running after " + COMMAND_TIMEOUT_SECONDS + " s; output:\n" + tail(log));
        }
        assertEquals(0, process.exitValue(), "exit code; output:\n" + tail(log));
    }

    /**
     * The files a command reads are in the repository (a lesson's name is one of the built-in lessons),
     * and what it writes goes under target/ or /tmp, so pasting leaves the clone clean.
     */
    private static void checkFilesItNames(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            boolean output = i > 0 && OUTPUT_OPTIONS.contains(arguments.get(i - 1));
            if (output) {
                assertTrue(argument.startsWith("target/") || argument.startsWith("/tmp/"),
                        "an output outside target/ and /tmp: " + arguments.get(i - 1) + " " + argument);
            } else if (!argument.startsWith("-") && (argument.contains("/") || argument.matches(".*\\.(json|jsonl|csv)"))) {
                assertTrue(Files.isRegularFile(Path.of(argument)), "README names a file that is not in the repository: " + argument);
            }
        }
        if (arguments.size() > 1 && arguments.get(0).equals("run") && !arguments.get(1).startsWith("-")
                && !arguments.get(1).contains("/")) {
            Path lesson = Path.of("scenarios", "lessons", arguments.get(1) + ".json");
            assertTrue(Files.isRegularFile(lesson), "no built-in lesson named " + arguments.get(1) + " (" + lesson + ")");
        }
    }

    /** serve: on a free port; once it prints where it listens, one route answers; then it is stopped. */
    private static void checkServe(Serve serve, Path log) throws Exception {
        List<String> arguments = onAFreePort(serve.arguments());
        ProcessBuilder builder = new ProcessBuilder(command(arguments)).redirectErrorStream(true);
        Process process = builder.start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            // Reading blocks until a line comes; the bound on lines and the timeout make a silent or chatty server fail.
            CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> portFromOutput(output));
            int listening;
            try {
                listening = port.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("serve printed no line naming its address within " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> cluster = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listening + "/cluster"))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Files.writeString(log, cluster.statusCode() + " " + cluster.body());
            assertEquals(200, cluster.statusCode(), cluster.body());
            assertTrue(cluster.body().contains("\"currentVoters\""), cluster.body());
        } finally {
            process.destroy();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int portFromOutput(BufferedReader output) {
        List<String> seen = new ArrayList<>();
        try {
            for (int attempt = 0; attempt < 200; attempt++) {
                String line = output.readLine();
                if (line == null) {
                    break;
                }
                seen.add(line);
                Matcher address = LISTENING.matcher(line);
                if (address.find()) {
                    return Integer.parseInt(address.group(1));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("reading serve's output", e);
        }
        throw new AssertionError("serve never said where it listens; it printed:\n" + String.join("\n", seen));
    }

    static List<String> onAFreePort(List<String> arguments) {
        List<String> changed = new ArrayList<>(arguments);
        int port = changed.indexOf("--port");
        if (port >= 0) {
            changed.set(port + 1, "0");
        } else {
            changed.removeIf(a -> a.startsWith("--port="));
            changed.addAll(List.of("--port", "0"));
        }
        return changed;
    }

    private static Process start(List<String> arguments, Path log) throws IOException {
        return new ProcessBuilder(command(arguments)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** {@code java -jar target/yakraft.jar ARGS}, with the JVM running this test as {@code java}. */
    private static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(Arrays.asList(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR));
        command.addAll(arguments);
        return command;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
