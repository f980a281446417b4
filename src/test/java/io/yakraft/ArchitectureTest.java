package io.yakraft;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.SplittableRandom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layer rules of ARCHITECTURE.md, enforced: only ui touches JavaFX; the deterministic core
 * (sim, raft, metadata, cluster, check) starts no threads, reads no wall clock and uses no
 * unseeded randomness; raft, metadata and sim know nothing of each other; nothing depends upward.
 */
class ArchitectureTest {
    private static final String[] CORE = {
        "io.yakraft.sim..", "io.yakraft.raft..", "io.yakraft.metadata..", "io.yakraft.cluster..", "io.yakraft.check.."
    };
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.yakraft");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void onlyUiImportsJavaFx() {
        check(noClasses().that().resideOutsideOfPackage("io.yakraft.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx.."));
    }

    @Test
    void coreStartsNoThreads() {
        check(noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .because("only ui, api and cli start threads; the simulation is single-threaded and deterministic"));
    }

    @Test
    void coreReadsNoWallClock() {
        check(noClasses().that().resideInAnyPackage(CORE)
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.base.DescribedPredicate.describe("a now() of java.time",
                                t -> t.getName().equals("now") && t.getOwner().getPackageName().equals("java.time"))))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .because("simulated time is the only time below ui/api/cli"));
    }

    @Test
    void coreUsesOnlySeededRandomness() {
        check(noClasses().that().resideInAnyPackage(CORE)
                .should().callConstructor(Random.class)
                .orShould().callConstructor(SplittableRandom.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .because("every random choice must come from the run's seed"));
    }

    @Test
    void raftMetadataAndSimKnowNothingOfEachOther() {
        check(noClasses().that().resideInAPackage("io.yakraft.raft..")
                .should().dependOnClassesThat().resideInAnyPackage("io.yakraft.sim..", "io.yakraft.metadata.."));
        check(noClasses().that().resideInAPackage("io.yakraft.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("io.yakraft.raft..", "io.yakraft.metadata.."));
        check(noClasses().that().resideInAPackage("io.yakraft.metadata..")
                .should().dependOnClassesThat().resideInAnyPackage("io.yakraft.raft..", "io.yakraft.sim.."));
    }

    @Test
    void dataPlaneIsAPureCoreThatKnowsNoOtherLayer() {
        // raft, metadata, data and sim know nothing of each other; cluster wires them
        check(noClasses().that().resideInAPackage("io.yakraft.data..")
                .should().dependOnClassesThat().resideInAnyPackage("io.yakraft.sim..", "io.yakraft.raft..",
                        "io.yakraft.metadata..", "io.yakraft.cluster..", "io.yakraft.check..", "io.yakraft.scenario..",
                        "io.yakraft.ui..", "io.yakraft.api..", "io.yakraft.cli..")
                .because("the data plane takes time as arguments and decides through DataOutputs, like the raft core"));
        check(noClasses().that().resideInAnyPackage("io.yakraft.sim..", "io.yakraft.raft..", "io.yakraft.metadata..")
                .should().dependOnClassesThat().resideInAPackage("io.yakraft.data..")
                .because("only cluster and the layers above it know the data plane"));
        check(noClasses().that().resideInAPackage("io.yakraft.data..")
                .should().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callConstructor(Random.class)
                .orShould().callMethod(Math.class, "random")
                .because("the data plane is part of the deterministic simulation"));
    }

    @Test
    void dependenciesPointDown() {
        check(noClasses().that().resideInAnyPackage("io.yakraft.sim..", "io.yakraft.raft..", "io.yakraft.metadata..")
                .should().dependOnClassesThat().resideInAnyPackage("io.yakraft.cluster..", "io.yakraft.check..",
                        "io.yakraft.ingest..", "io.yakraft.scenario..", "io.yakraft.api..", "io.yakraft.ui..", "io.yakraft.cli.."));
        check(noClasses().that().resideInAPackage("io.yakraft.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("io.yakraft.check..", "io.yakraft.ingest..",
                        "io.yakraft.scenario..", "io.yakraft.api..", "io.yakraft.ui..", "io.yakraft.cli.."));
        check(noClasses().that().resideInAPackage("io.yakraft.check..")
                .should().dependOnClassesThat().resideInAnyPackage("io.yakraft.api..", "io.yakraft.ui..", "io.yakraft.cli.."));
        check(noClasses().that().resideInAPackage("io.yakraft.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("io.yakraft.cli.."));
    }
}
