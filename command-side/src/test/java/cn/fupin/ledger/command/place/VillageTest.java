package cn.fupin.ledger.command.place;

import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.place.DesignatePoorVillageCommand;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.PoorVillageDesignatedEvent;
import cn.fupin.ledger.shared.place.VillageCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.Refusals.invalidField;
import static cn.fupin.ledger.command.Refusals.refusal;

class VillageTest {

    /** 金穗社区, a community of 陵江镇 (510824100) in the shipped gazetteer of Cangxi County. */
    static final VillageCode JINSUI = new VillageCode("510824100001");
    static final String DOCUMENT = "苍委发〔2014〕3号";

    static Gazetteer cangxi;

    FixtureConfiguration<Village> fixture;

    @BeforeAll
    static void gazetteer() {
        cangxi = Gazetteer.forCounty("510824");
    }

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Village.class);
        fixture.registerInjectableResource(cangxi);
    }

    @Test
    void aVillageOfTheCountyIsDesignatedAPoorVillageForAYear() {
        fixture.givenNoPriorActivity()
                .when(new DesignatePoorVillageCommand(JINSUI, 2014, " " + DOCUMENT + " "))
                .expectEvents(new PoorVillageDesignatedEvent("510824100001", "510824100", 2014, DOCUMENT));
    }

    @Test
    void aPoorVillageIsDesignatedForAnotherYearToo() {
        fixture.given(new PoorVillageDesignatedEvent("510824100001", "510824100", 2014, DOCUMENT))
                .when(new DesignatePoorVillageCommand(JINSUI, 2015, "苍委发〔2015〕1号"))
                .expectEvents(new PoorVillageDesignatedEvent("510824100001", "510824100", 2015, "苍委发〔2015〕1号"));
    }

    @Test
    void aVillageOfAnotherTownshipIsRecordedWithItsOwnTownship() {
        fixture.givenNoPriorActivity()
                .when(new DesignatePoorVillageCommand(new VillageCode("510824402598"), 2014, DOCUMENT))
                .expectEvents(new PoorVillageDesignatedEvent("510824402598", "510824402", 2014, DOCUMENT));
    }

    @Nested
    class Refuses {

        @Test
        void aCodeThatIsNoVillageOfTheCounty() {
            fixture.givenNoPriorActivity()
                    .when(new DesignatePoorVillageCommand(new VillageCode("510824100999"), 2014, DOCUMENT))
                    .expectException(refusal(RefusalKind.NOT_FOUND, "VILLAGE_NOT_FOUND"))
                    .expectNoEvents();
        }

        @Test
        void aVillageOfAnotherCounty() {
            fixture.givenNoPriorActivity()
                    .when(new DesignatePoorVillageCommand(new VillageCode("510821100001"), 2014, DOCUMENT))
                    .expectException(refusal(RefusalKind.NOT_FOUND, "VILLAGE_NOT_FOUND"))
                    .expectNoEvents();
        }

        @Test
        void aYearBefore2000() {
            fixture.givenNoPriorActivity()
                    .when(new DesignatePoorVillageCommand(JINSUI, 1999, DOCUMENT))
                    .expectException(invalidField("YEAR_OUT_OF_RANGE", "year"))
                    .expectNoEvents();
        }

        @Test
        void aYearAfter2100() {
            fixture.givenNoPriorActivity()
                    .when(new DesignatePoorVillageCommand(JINSUI, 2101, DOCUMENT))
                    .expectException(invalidField("YEAR_OUT_OF_RANGE", "year"))
                    .expectNoEvents();
        }

        @Test
        void aMissingDocumentNumber() {
            fixture.givenNoPriorActivity()
                    .when(new DesignatePoorVillageCommand(JINSUI, 2014, null))
                    .expectException(invalidField("DOCUMENT_NO_REQUIRED", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aBlankDocumentNumber() {
            fixture.givenNoPriorActivity()
                    .when(new DesignatePoorVillageCommand(JINSUI, 2014, "   "))
                    .expectException(invalidField("DOCUMENT_NO_REQUIRED", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aDocumentNumberLongerThanSixtyFourCharacters() {
            fixture.givenNoPriorActivity()
                    .when(new DesignatePoorVillageCommand(JINSUI, 2014, "苍".repeat(65)))
                    .expectException(invalidField("DOCUMENT_NO_INVALID", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aDocumentNumberWithAControlCharacter() {
            fixture.givenNoPriorActivity()
                    .when(new DesignatePoorVillageCommand(JINSUI, 2014, "苍委发\u0000〔2014〕3号"))
                    .expectException(invalidField("DOCUMENT_NO_INVALID", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aDocumentNumberBrokenOverTwoLines() {
            fixture.givenNoPriorActivity()
                    .when(new DesignatePoorVillageCommand(JINSUI, 2014, "苍委发\r\n〔2014〕3号"))
                    .expectException(invalidField("DOCUMENT_NO_INVALID", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aYearTheVillageIsDesignatedForAlready() {
            fixture.given(new PoorVillageDesignatedEvent("510824100001", "510824100", 2014, DOCUMENT))
                    .when(new DesignatePoorVillageCommand(JINSUI, 2014, "苍委发〔2014〕9号"))
                    .expectException(conflict("ALREADY_DESIGNATED"))
                    .expectNoEvents();
        }
    }
}
