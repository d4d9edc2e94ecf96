package cn.fupin.ledger.command.place;

import cn.fupin.ledger.shared.assessment.RecordTownshipAssessmentCommand;
import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.competition.AssessmentUsed;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.TownshipCode;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.Refusals.invalidField;
import static cn.fupin.ledger.command.Refusals.refusal;

class TownshipTest {

    /** 陵江镇, a township of Cangxi County in the shipped gazetteer. */
    static final TownshipCode LINGJIANG = new TownshipCode("510824100");
    static final String DOCUMENT = "苍委办〔2016〕8号";
    static final Actor CLERK = Actor.of("clerk", "CLERK");

    static Gazetteer cangxi;

    FixtureConfiguration<Township> fixture;

    /** Asks the township for its assessment of a year, as the handler that closes a round does. */
    record AssessmentOf(String townshipCode, int year) {
    }

    @BeforeAll
    static void gazetteer() {
        cangxi = Gazetteer.forCounty("510824");
    }

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Township.class);
        fixture.registerInjectableResource(cangxi);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            Optional<AssessmentUsed> handle(AssessmentOf query) {
                return fixture.getRepository().load(TownshipCode.streamIdOf(query.townshipCode())).invoke(t -> t.assessmentOf(query.year()));
            }
        });
    }

    static RecordTownshipAssessmentCommand assessment(int year, int scoreHundredths, String documentNo) {
        return new RecordTownshipAssessmentCommand(LINGJIANG, year, scoreHundredths, documentNo, CLERK);
    }

    static TownshipAssessedEvent assessed(int year, int scoreHundredths) {
        return new TownshipAssessedEvent("510824100", year, scoreHundredths, DOCUMENT, "clerk");
    }

    @Test
    void aTownshipsAssessmentIsRecordedInHundredthsOfAPointWithItsDocument() {
        fixture.givenNoPriorActivity()
                .when(assessment(2015, 92_50, " " + DOCUMENT + " "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(assessed(2015, 92_50));
    }

    @Test
    void anotherYearIsRecordedBesideTheFirst() {
        fixture.given(assessed(2015, 92_50))
                .when(assessment(2016, 88_00, DOCUMENT))
                .expectEvents(assessed(2016, 88_00));
    }

    @Test
    void aScoreMayBeZeroOrAFullHundred() {
        fixture.given(assessed(2015, 0))
                .when(assessment(2016, 100_00, DOCUMENT))
                .expectEvents(assessed(2016, 100_00));
    }

    @Test
    void theAssessmentOfAYearIsWhatWasRecordedForIt() {
        fixture.given(assessed(2015, 92_50), assessed(2016, 71_25))
                .when(new AssessmentOf("510824100", 2015))
                .expectResultMessagePayload(Optional.of(new AssessmentUsed("510824100", 2015, 92_50, DOCUMENT)));
    }

    @Test
    void aYearWithoutAnAssessmentHasNone() {
        fixture.given(assessed(2015, 92_50))
                .when(new AssessmentOf("510824100", 2014))
                .expectResultMessagePayload(Optional.empty());
    }

    @Nested
    class Refuses {

        @Test
        void aCodeThatIsNoTownshipOfTheCounty() {
            fixture.givenNoPriorActivity()
                    .when(new RecordTownshipAssessmentCommand(new TownshipCode("510824999"), 2015, 90_00, DOCUMENT, CLERK))
                    .expectException(refusal(RefusalKind.NOT_FOUND, "TOWNSHIP_NOT_FOUND"))
                    .expectNoEvents();
        }

        @Test
        void aTownshipOfAnotherCounty() {
            fixture.givenNoPriorActivity()
                    .when(new RecordTownshipAssessmentCommand(new TownshipCode("510821100"), 2015, 90_00, DOCUMENT, CLERK))
                    .expectException(refusal(RefusalKind.NOT_FOUND, "TOWNSHIP_NOT_FOUND"))
                    .expectNoEvents();
        }

        @Test
        void aYearBefore2000() {
            fixture.givenNoPriorActivity()
                    .when(assessment(1999, 90_00, DOCUMENT))
                    .expectException(invalidField("YEAR_OUT_OF_RANGE", "year"))
                    .expectNoEvents();
        }

        @Test
        void aYearAfter2100() {
            fixture.givenNoPriorActivity()
                    .when(assessment(2101, 90_00, DOCUMENT))
                    .expectException(invalidField("YEAR_OUT_OF_RANGE", "year"))
                    .expectNoEvents();
        }

        @Test
        void aNegativeScore() {
            fixture.givenNoPriorActivity()
                    .when(assessment(2015, -1, DOCUMENT))
                    .expectException(invalidField("SCORE_OUT_OF_RANGE", "score"))
                    .expectNoEvents();
        }

        @Test
        void aScoreAboveAHundred() {
            fixture.givenNoPriorActivity()
                    .when(assessment(2015, 100_01, DOCUMENT))
                    .expectException(invalidField("SCORE_OUT_OF_RANGE", "score"))
                    .expectNoEvents();
        }

        @Test
        void aMissingDocumentNumber() {
            fixture.givenNoPriorActivity()
                    .when(assessment(2015, 90_00, null))
                    .expectException(invalidField("DOCUMENT_NO_REQUIRED", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aBlankDocumentNumber() {
            fixture.givenNoPriorActivity()
                    .when(assessment(2015, 90_00, " \t "))
                    .expectException(invalidField("DOCUMENT_NO_REQUIRED", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aDocumentNumberLongerThanSixtyFourCharacters() {
            fixture.givenNoPriorActivity()
                    .when(assessment(2015, 90_00, "苍".repeat(65)))
                    .expectException(invalidField("DOCUMENT_NO_INVALID", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aDocumentNumberWithAControlCharacter() {
            fixture.givenNoPriorActivity()
                    .when(assessment(2015, 90_00, "苍委办\n〔2016〕8号"))
                    .expectException(invalidField("DOCUMENT_NO_INVALID", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aSecondAssessmentOfTheSameYear() {
            fixture.given(assessed(2015, 92_50))
                    .when(assessment(2015, 95_00, "苍委办〔2016〕9号"))
                    .expectException(conflict("ASSESSMENT_ALREADY_RECORDED"))
                    .expectNoEvents();
        }
    }
}
