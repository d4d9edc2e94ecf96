package cn.fupin.ledger.ops.architecture;

import cn.fupin.ledger.ops.testing.OneDatabaseSuffices;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.CrudRepository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one-way module rule: command-side, query-side and disclosure-publisher each depend on shared-events and never
 * on each other; only ops assembles them; shared-events holds plain records on the JDK and Axon's modelling
 * annotations, with no Spring, JPA or Jackson, except its package {@code stored} (the events' stored form), which
 * knows Jackson and Axon's serialization and nothing of Spring.
 */
@OneDatabaseSuffices
class ModuleBoundariesTest {

    private static final String SHARED = "cn.fupin.ledger.shared..";
    private static final String STORED = "cn.fupin.ledger.shared.stored..";
    private static final String COMMAND = "cn.fupin.ledger.command..";
    private static final String QUERY = "cn.fupin.ledger.query..";
    private static final String DISCLOSURE = "cn.fupin.ledger.disclosure..";
    private static final String OPS = "cn.fupin.ledger.ops..";

    private static JavaClasses ledger;

    @BeforeAll
    static void importLedger() {
        ledger = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.fupin.ledger");
    }

    @Test
    void everyModuleIsPresent() {
        org.assertj.core.api.Assertions.assertThat(ledger.stream().map(c -> c.getPackageName().split("\\.")[3]).distinct())
                .contains("shared", "command", "query", "ops");
    }

    @Test
    void sharedEventsDependOnTheJdkAndAxonModellingOnly() {
        classes().that().resideInAPackage(SHARED).and().resideOutsideOfPackage(STORED)
                .should().onlyDependOnClassesThat().resideInAnyPackage(SHARED, "java..", "org.axonframework.modelling..",
                        "org.axonframework.serialization..")
                .check(ledger);
    }

    /**
     * The events' stored form (the canonical Jackson mapper, the upcasters) lives beside the events, so that the
     * stored-event fixtures of shared-events are read with production's configuration; it is the one part of the module
     * that knows Jackson and Axon's serialization, and no event or value type knows it.
     */
    @Test
    void theStoredFormIsThePartOfSharedEventsThatKnowsJackson() {
        classes().that().resideInAPackage(STORED)
                .should().onlyDependOnClassesThat().resideInAnyPackage(SHARED, "java..", "org.axonframework.serialization..",
                        "com.fasterxml.jackson..")
                .check(ledger);
        noClasses().that().resideInAPackage(SHARED).and().resideOutsideOfPackage(STORED)
                .should().dependOnClassesThat().resideInAPackage(STORED)
                .check(ledger);
    }

    @Test
    void theCommandSideKnowsNothingOfTheQuerySideThePublisherOrOps() {
        noClasses().that().resideInAPackage(COMMAND)
                .should().dependOnClassesThat().resideInAnyPackage(QUERY, DISCLOSURE, OPS)
                .check(ledger);
    }

    @Test
    void theQuerySideKnowsNothingOfTheCommandSideThePublisherOrOps() {
        noClasses().that().resideInAPackage(QUERY)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, DISCLOSURE, OPS)
                .check(ledger);
    }

    @Test
    void thePublisherKnowsNothingOfTheCommandSideTheQuerySideOrOps() {
        noClasses().that().resideInAPackage(DISCLOSURE)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, OPS)
                .allowEmptyShould(true)
                .check(ledger);
    }

    @Test
    void readModelEntitiesNeverLeaveTheQuerySide() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .and().resideInAPackage("cn.fupin.ledger..")
                .should().resideInAPackage(QUERY)
                .check(ledger);
    }

    @Test
    void everyEventCarriesARevisionFromTheFirstDay() {
        classes().that().resideInAPackage(SHARED).and().haveSimpleNameEndingWith("Event")
                .should().beAnnotatedWith(org.axonframework.serialization.Revision.class)
                .andShould().beRecords()
                .check(ledger);
    }

    @Test
    void noDecisionReadsTheSystemClock() {
        noClasses().that().resideInAnyPackage(COMMAND, SHARED, QUERY, DISCLOSURE)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(ledger);
    }

    /**
     * Every read of an aggregate's history starts at its first stored event. {@code EventStore.readEvents(id)} starts
     * from the newest snapshot when there is one (funds and projects are snapshotted after 100 events), so a project's
     * proposal, or the round it was submitted to, would silently be missing from what it answers.
     */
    @Test
    void historiesAreReadFromTheFirstEventNeverFromASnapshot() {
        noClasses().that().resideInAPackage("cn.fupin.ledger..")
                .should().callMethod(org.axonframework.eventsourcing.eventstore.EventStore.class, "readEvents",
                        String.class)
                .check(ledger);
    }

    /**
     * A read model's handler asks whether a row exists through the persistence context ({@code findById}), never with
     * {@code existsById}: that is a query, and Hibernate flushes the batch's unit of work before every query, walking
     * every entity the batch holds once per event (a sixth of a county rebuild's CPU, docs/performance.md).
     */
    @Test
    void readModelsNeverAskExistsByIdInTheirHandlers() {
        noClasses().that().areAnnotatedWith(ProcessingGroup.class)
                .should().callMethodWhere(DescribedPredicate.describe("existsById of a Spring Data repository",
                        call -> call.getName().equals("existsById")
                                && call.getTargetOwner().isAssignableTo(CrudRepository.class)))
                .check(ledger);
    }
}
