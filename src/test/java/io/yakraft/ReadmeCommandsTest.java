package io.yakraft;

import io.yakraft.ReadmeCommands.Command;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How README command blocks are read before {@link ReadmeCommandsIT} runs them. */
class ReadmeCommandsTest {
    @Test
    void continuationsJoinCommentsEndAndOnlyBashBlocksCount() {
        String markdown = String.join("\n",
                "# Title",
                "```bash",
                "mvn verify     # every test",
                "",
                "java -jar target/yakraft.jar sim --seed 42 \\",
                "    --workload topics=2,partitions=1,rf=1 --duration 10s",
                "```",
                "```console",
                "$ curl -s localhost:6000/topics",
                "```",
                "```bash",
                "java -jar target/yakraft.jar run 'a file.json' \"--json\"",
                "```",
                "");
        List<Command> commands = ReadmeCommands.inBashBlocks(markdown);
        assertEquals(List.of(
                new Command(3, List.of("mvn", "verify")),
                new Command(5, List.of("java", "-jar", "target/yakraft.jar", "sim", "--seed", "42",
                        "--workload", "topics=2,partitions=1,rf=1", "--duration", "10s")),
                new Command(12, List.of("java", "-jar", "target/yakraft.jar", "run", "a file.json", "--json"))), commands);
    }

    @Test
    void optionalFlagsInBracketsAndShellSyntaxAreRefusedWithTheLine() {
        IllegalArgumentException brackets = assertThrows(IllegalArgumentException.class,
                () -> ReadmeCommands.inScript("java -jar target/yakraft.jar run x.json [--json]", 40));
        assertTrue(brackets.getMessage().startsWith("line 40: '['"), brackets.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReadmeCommands.inScript("java -version | head -1", 1));
        assertThrows(IllegalArgumentException.class, () -> ReadmeCommands.inScript("echo 'open", 1));
        assertThrows(IllegalArgumentException.class, () -> ReadmeCommands.inScript("java -jar x.jar \\", 1));
    }

    @Test
    void aHashInsideAWordIsNotAComment() {
        assertEquals(List.of("echo", "a#b"), ReadmeCommands.words("echo a#b # comment", 1));
    }
}
