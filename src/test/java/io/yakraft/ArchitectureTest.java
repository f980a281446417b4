package io.yakraft;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.yakraft.raft.DurableState;
import io.yakraft.raft.RaftLog;
import io.yakraft.raft.RaftNode;
import io.yakraft.session.Pacer;
import io.yakraft.sim.Network;
import io.yakraft.sim.Simulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layer rules of ARCHITECTURE.md, enforced on the main classes: one layered architecture
 * (dependencies point down; raft, metadata, data and sim know nothing of each other), no cycles
 * between packages, only ui touches JavaFX, and everything below ui/api/cli is deterministic:
 * no threads, no wall clock, no unseeded randomness, the session's pacer alone excepted.
 * A rule that matches no class fails (archunit.properties: failOnEmptyShould).
 */
class ArchitectureTest {
    /** Every package below ui, api and cli (and kafka, which talks to real processes). */
    private static final String[] DETERMINISTIC = {
        "io.yakraft.session..", "io.yakraft.scenario..", "io.yakraft.ingest..", "io.yakraft.check..",
        "io.yakraft.cluster..", "io.yakraft.data..", "io.yakraft.metadata..", "io.yakraft.raft..", "io.yakraft.sim.."
    };
    /** What a run is made of inside the cluster: the kernel, its network, the raft cores and their disks and logs. */
    private static final DescribedPredicate<JavaClass> CLUSTER_INTERNALS = DescribedPredicate.describe(
            "are the kernel, its network or a raft core's node, disk or log", c -> c.isAssignableTo(Simulation.class)
                    || c.isAssignableTo(Network.class) || c.isAssignableTo(RaftNode.class)
                    || c.isAssignableTo(DurableState.class) || c.isAssignableTo(RaftLog.class));

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.yakraft");
    }

    /** Evaluates the rule on the main classes and fails with ArchUnit's report of every violation. */
    private static void check(ArchRule rule) {
        EvaluationResult result = rule.evaluate(classes);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }

    @Test
    void layersDependOnlyDownward() {
        check(layeredArchitecture().consideringOnlyDependenciesInAnyPackage("io.yakraft..")
                .withOptionalLayers(true)
                .layer("cli").definedBy("io.yakraft.cli..")
                .layer("ui").definedBy("io.yakraft.ui..")
                .layer("api").definedBy("io.yakraft.api..")
                .layer("kafka").definedBy("io.yakraft.kafka..")
                .layer("session").definedBy("io.yakraft.session..")
                .layer("scenario").definedBy("io.yakraft.scenario..")
                .layer("ingest").definedBy("io.yakraft.ingest..")
                .layer("check").definedBy("io.yakraft.check..")
                .layer("cluster").definedBy("io.yakraft.cluster..")
                .layer("data").definedBy("io.yakraft.data..")
                .layer("metadata").definedBy("io.yakraft.metadata..")
                .layer("raft").definedBy("io.yakraft.raft..")
                .layer("sim").definedBy("io.yakraft.sim..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("api").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("kafka").mayOnlyBeAccessedByLayers("cli", "ui", "api")
                .whereLayer("session").mayOnlyBeAccessedByLayers("cli", "ui", "api", "kafka")
                .whereLayer("scenario").mayOnlyBeAccessedByLayers("cli", "ui", "api", "kafka", "session")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("cli", "ui", "api", "kafka", "session", "scenario")
                .whereLayer("check").mayOnlyBeAccessedByLayers("cli", "ui", "api", "kafka", "session", "scenario", "ingest")
                .whereLayer("cluster").mayOnlyBeAccessedByLayers("cli", "ui", "api", "kafka", "session", "scenario",
                        "ingest", "check")
                // the four cores know nothing of each other; cluster wires them
                .whereLayer("data").mayOnlyBeAccessedByLayers("cli", "ui", "api", "kafka", "session", "scenario",
                        "ingest", "check", "cluster")
                .whereLayer("metadata").mayOnlyBeAccessedByLayers("cli", "ui", "api", "kafka", "session", "scenario",
                        "ingest", "check", "cluster")
                .whereLayer("raft").mayOnlyBeAccessedByLayers("cli", "ui", "api", "kafka", "session", "scenario",
                        "ingest", "check", "cluster")
                .whereLayer("sim").mayOnlyBeAccessedByLayers("cli", "ui", "api", "kafka", "session", "scenario",
                        "ingest", "check", "cluster"));
    }

    @Test
    void packagesHaveNoCycles() {
        check(slices().matching("io.yakraft.(*)..").should().beFreeOfCycles());
    }

    @Test
    void onlyUiImportsJavaFx() {
        check(noClasses().that().resideOutsideOfPackage("io.yakraft.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx.."));
    }

    /**
     * The Cluster is narrow: it hands out typed, immutable answers, never the simulation or a
     * node's raft core, disk or log. Outside cluster (and the raft and sim layers that own them),
     * nothing uses those classes, nor calls a method that returns one (a {@code cluster.simulation()}).
     */
    @Test
    void onlyTheClusterReachesTheKernelAndTheRaftCores() {
        check(noClasses().that().resideOutsideOfPackages("io.yakraft.cluster..", "io.yakraft.raft..", "io.yakraft.sim..")
                .should().dependOnClassesThat(CLUSTER_INTERNALS)
                .orShould().callMethodWhere(JavaCall.Predicates.target(DescribedPredicate.describe(
                        "a method handing out the kernel, its network or a raft core's node, disk or log",
                        t -> CLUSTER_INTERNALS.test(t.getRawReturnType()))))
                .because("a run changes only through the Cluster's commands; everything else reads typed views"));
    }

    /** Below ui/api/cli, only the pacer may start a thread; the rest runs on whichever thread drives it. */
    @Test
    void belowTheUserInterfaceNothingStartsThreads() {
        check(noClasses().that().resideInAnyPackage(DETERMINISTIC).and().doNotBelongToAnyOf(Pacer.class)
                .should().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(Executor.class)
                .orShould().dependOnClassesThat().areAssignableTo(ThreadFactory.class)
                .orShould().dependOnClassesThat().areAssignableTo(ForkJoinPool.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Timer.class)
                .orShould().callMethodWhere(JavaCall.Predicates.target(DescribedPredicate.describe(
                        "an asynchronous method (…Async)", t -> t.getName().endsWith("Async"))))
                .because("the simulation is single-threaded and deterministic; the pacer alone runs it in real time"));
    }

    @Test
    void belowTheUserInterfaceNothingReadsTheWallClock() {
        check(noClasses().that().resideInAnyPackage(DETERMINISTIC).and().doNotBelongToAnyOf(Pacer.class)
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethodWhere(JavaCall.Predicates.target(DescribedPredicate.describe("a now() of java.time",
                        t -> t.getName().equals("now") && t.getOwner().getPackageName().equals("java.time"))))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .because("simulated time is the only time below ui/api/cli"));
    }

    @Test
    void belowTheUserInterfaceRandomnessComesFromTheSeed() {
        check(noClasses().that().resideInAnyPackage(DETERMINISTIC)
                .should().callConstructor(Random.class)
                .orShould().callConstructor(SplittableRandom.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .because("every random choice must come from the run's seed"));
    }
}
