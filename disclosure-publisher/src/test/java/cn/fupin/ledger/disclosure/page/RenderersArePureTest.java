package cn.fupin.ledger.disclosure.page;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderers are pure functions from data to bytes, so that the same data gives the same bytes served live,
 * written as a static site and compared with golden files: they use the JDK's values and the shared records only —
 * no framework, no clock, no files, no network, no environment.
 */
class RenderersArePureTest {

    private static final String PAGES = "cn.fupin.ledger.disclosure.page..";

    private static JavaClasses renderers;

    @BeforeAll
    static void importRenderers() {
        renderers = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.fupin.ledger.disclosure.page");
    }

    @Test
    void theRenderersArePresent() {
        assertThat(renderers.contain(Pages.class)).isTrue();
    }

    @Test
    void theRenderersUseTheJdksValuesAndTheSharedRecordsOnly() {
        // Besides: Apache Commons CSV, which NoticeCsv has write into a StringBuilder, and the I/O exceptions its
        // methods declare (never thrown for a StringBuilder); no other java.io, so no files.
        classes().that().resideInAPackage(PAGES)
                .should().onlyDependOnClassesThat(resideInAnyPackage(PAGES, "cn.fupin.ledger.shared..", "java.lang",
                        "java.lang.invoke", "java.util", "java.util.function", "java.util.regex", "java.util.stream",
                        "java.time", "java.time.format", "java.math", "java.nio.charset", "org.apache.commons.csv")
                        .or(type(IOException.class)).or(type(UncheckedIOException.class)))
                .check(renderers);
    }

    @Test
    void theRenderersReadNoClockAndNoEnvironment() {
        noClasses().that().resideInAPackage(PAGES)
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .orShould().dependOnClassesThat().areAssignableTo(System.class)
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.UUID.class)
                .check(renderers);
    }
}
