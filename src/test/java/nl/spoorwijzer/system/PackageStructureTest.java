package nl.spoorwijzer.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The directions in which the packages may depend on each other (DESIGN.md §2): features at the top, engine glue in
 * the middle, the calendar and the platform's own plumbing at the bottom. A new dependency against the direction,
 * or any cycle between packages, fails here with the classes that caused it.
 */
class PackageStructureTest {

    private static final String BASE = "nl.spoorwijzer";
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void packagesDependOnlyOnThoseBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("demo").definedBy(BASE + ".demo..")
                .layer("case actions").definedBy(BASE + ".recovery..", BASE + ".uwv..", BASE + ".agreements..",
                        BASE + ".employment..", BASE + ".activities..", BASE + ".opinions..",
                        BASE + ".cooperation..",
                        BASE + ".ownwork..",
                        BASE + ".trajectories..", BASE + ".migration..", BASE + ".simulation..")
                .layer("cases").definedBy(BASE + ".cases..")
                .layer("report").definedBy(BASE + ".report..", BASE + ".dashboard..", BASE + ".casedetails..",
                        BASE + ".deadlines..", BASE + ".signals..", BASE + ".risks..", BASE + ".overview..")
                .layer("documents").definedBy(BASE + ".documents..")
                .layer("engine guards").definedBy(BASE + ".forms..", BASE + ".modelling..")
                .layer("case read model").definedBy(BASE + ".casefile..")
                .layer("process").definedBy(BASE + ".process..")
                .layer("dossier").definedBy(BASE + ".dossier..")
                .layer("audit").definedBy(BASE + ".audit..")
                .layer("identity").definedBy(BASE + ".identity..")
                .layer("timeline").definedBy(BASE + ".timeline..")
                .layer("system").definedBy(BASE + ".system..")
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .whereLayer("case actions").mayOnlyBeAccessedByLayers("demo")
                .whereLayer("cases").mayOnlyBeAccessedByLayers("demo", "case actions")
                .whereLayer("report").mayOnlyBeAccessedByLayers("demo", "case actions", "cases")
                .whereLayer("documents").mayOnlyBeAccessedByLayers("demo", "case actions", "cases", "report")
                .whereLayer("engine guards").mayOnlyBeAccessedByLayers("demo", "case actions", "cases", "report",
                        "documents")
                .whereLayer("case read model")
                .mayOnlyBeAccessedByLayers("demo", "case actions", "cases", "report", "documents", "engine guards")
                .whereLayer("process").mayOnlyBeAccessedByLayers("demo", "case actions", "cases", "report",
                        "documents", "engine guards", "case read model")
                .whereLayer("dossier").mayOnlyBeAccessedByLayers("demo", "case actions", "cases", "report",
                        "documents", "engine guards", "case read model", "process")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("demo", "case actions", "cases", "report",
                        "documents", "engine guards", "case read model", "process", "dossier")
                .whereLayer("identity").mayOnlyBeAccessedByLayers("demo", "case actions", "cases", "report",
                        "documents", "engine guards", "case read model", "process", "dossier", "audit")
                .whereLayer("timeline").mayOnlyBeAccessedByLayers("demo", "case actions", "cases", "report",
                        "documents", "engine guards", "case read model", "process", "dossier", "audit", "identity")
                .check(classes);
    }

    /** A package outside every layer would escape the check above without anyone noticing. */
    @Test
    void everyFeaturePackageHasItsLayer() {
        Set<String> layered = Set.of("demo", "recovery", "uwv", "agreements", "employment", "activities", "opinions",
                "cooperation", "ownwork", "trajectories", "migration", "simulation",
                "cases",
                "report", "dashboard", "casedetails", "deadlines", "signals", "risks", "overview", "documents", "forms",
                "modelling", "casefile", "process",
                "dossier", "audit", "identity",
                "timeline", "system");
        Set<String> packages = new TreeSet<>();
        classes.forEach(type -> {
            String name = type.getPackageName();
            if (name.startsWith(BASE + ".")) {
                packages.add(name.substring(BASE.length() + 1).split("\\.")[0]);
            }
        });
        assertThat(layered).containsAll(packages);
    }

    @Test
    void nothingOutsideTheDemoUsesIt() {
        noClasses().that().resideOutsideOfPackage(BASE + ".demo..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".demo..")
                .because("the demo exists only in the demo profile; production code must work without it")
                .check(classes);
    }

    @Test
    void theLawsCalendarNeedsNoEngine() {
        noClasses().that().resideInAPackage(BASE + ".timeline..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the calendar is plain Java: tested without an engine (DESIGN.md §3)")
                .check(classes);
    }
}
