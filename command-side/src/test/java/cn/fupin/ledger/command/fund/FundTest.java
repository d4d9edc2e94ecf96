package cn.fupin.ledger.command.fund;

import cn.fupin.ledger.shared.fund.AppropriateFundsCommand;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.Refusals.invalidField;

class FundTest {

    static final FundId COUNTY_2015 = FundId.of("510824", 2015, FundSource.COUNTY);
    static final String FIRST_DOCUMENT = "苍财农〔2015〕12号";
    static final String SECOND_DOCUMENT = "苍财农〔2015〕13号";
    static final long SIX_MILLION_YUAN_FEN = 600_000_000L;

    FixtureConfiguration<Fund> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Fund.class);
    }

    static AppropriateFundsCommand appropriation(String appropriationId, long amountFen, String documentNo, String note) {
        return new AppropriateFundsCommand(COUNTY_2015, appropriationId, 2015, FundSource.COUNTY, amountFen, documentNo, note);
    }

    static FundsAppropriatedEvent appropriated(String appropriationId, long amountFen, String documentNo, long totalFen) {
        return new FundsAppropriatedEvent("FUND-510824-2015-COUNTY", appropriationId, 2015, FundSource.COUNTY, amountFen,
                documentNo, null);
    }

    @Test
    void theFirstAppropriationCreatesTheFundWithItsAmountAsTheTotal() {
        fixture.givenNoPriorActivity()
                .when(appropriation("APPR-0001", SIX_MILLION_YUAN_FEN, FIRST_DOCUMENT, "上半年"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FundsAppropriatedEvent("FUND-510824-2015-COUNTY", "APPR-0001", 2015, FundSource.COUNTY,
                        SIX_MILLION_YUAN_FEN, FIRST_DOCUMENT, "上半年"));
    }

    @Test
    void aSecondAppropriationAddsToTheRunningTotal() {
        fixture.given(appropriated("APPR-0001", SIX_MILLION_YUAN_FEN, FIRST_DOCUMENT, SIX_MILLION_YUAN_FEN))
                .when(appropriation("APPR-0002", SIX_MILLION_YUAN_FEN, SECOND_DOCUMENT, null))
                .expectEvents(appropriated("APPR-0002", SIX_MILLION_YUAN_FEN, SECOND_DOCUMENT, 1_200_000_000L));
    }

    @Test
    void aThirdAppropriationAddsToTheTotalOfTheFirstTwo() {
        fixture.given(appropriated("APPR-0001", 100L, FIRST_DOCUMENT, 100L),
                        appropriated("APPR-0002", 20L, SECOND_DOCUMENT, 120L))
                .when(appropriation("APPR-0003", 3L, "苍财农〔2015〕14号", null))
                .expectEvents(appropriated("APPR-0003", 3L, "苍财农〔2015〕14号", 123L));
    }

    @Test
    void theDocumentNumberAndNoteAreRecordedWithoutSurroundingSpaceAndABlankNoteAsNone() {
        fixture.givenNoPriorActivity()
                .when(appropriation("APPR-0001", 1L, "  " + FIRST_DOCUMENT + "\r\n", "   "))
                .expectEvents(appropriated("APPR-0001", 1L, FIRST_DOCUMENT, 1L));
    }

    @Test
    void aNoteMayHoldLineBreaksAndFiveHundredCharacters() {
        String note = "第一批\n" + "注".repeat(496);
        fixture.givenNoPriorActivity()
                .when(appropriation("APPR-0001", 1L, FIRST_DOCUMENT, note))
                .expectEvents(new FundsAppropriatedEvent("FUND-510824-2015-COUNTY", "APPR-0001", 2015, FundSource.COUNTY,
                        1L, FIRST_DOCUMENT, note));
    }

    @Test
    void aDocumentNumberMayHaveSixtyFourCharacters() {
        String documentNo = "苍".repeat(64);
        fixture.givenNoPriorActivity()
                .when(appropriation("APPR-0001", 1L, documentNo, null))
                .expectEvents(appropriated("APPR-0001", 1L, documentNo, 1L));
    }

    @Test
    void theTotalMayReachTheLargestAmountTheLedgerHolds() {
        fixture.given(appropriated("APPR-0001", Long.MAX_VALUE - 10, FIRST_DOCUMENT, Long.MAX_VALUE - 10))
                .when(appropriation("APPR-0002", 10L, SECOND_DOCUMENT, null))
                .expectEvents(appropriated("APPR-0002", 10L, SECOND_DOCUMENT, Long.MAX_VALUE));
    }

    @Test
    void anAppropriationOfAnotherSourceIsRecordedInThatSourcesFund() {
        FundId central = FundId.of("510824", 2015, FundSource.CENTRAL);
        fixture.givenNoPriorActivity()
                .when(new AppropriateFundsCommand(central, "APPR-0002", 2015, FundSource.CENTRAL, 5L, FIRST_DOCUMENT, null))
                .expectEvents(new FundsAppropriatedEvent("FUND-510824-2015-CENTRAL", "APPR-0002", 2015, FundSource.CENTRAL,
                        5L, FIRST_DOCUMENT, null));
    }

    @Nested
    class Refuses {

        @Test
        void anAmountOfZero() {
            fixture.givenNoPriorActivity()
                    .when(appropriation("APPR-0001", 0L, FIRST_DOCUMENT, null))
                    .expectException(invalidField("AMOUNT_NOT_POSITIVE", "amountFen"))
                    .expectNoEvents();
        }

        @Test
        void aNegativeAmount() {
            fixture.given(appropriated("APPR-0001", SIX_MILLION_YUAN_FEN, FIRST_DOCUMENT, SIX_MILLION_YUAN_FEN))
                    .when(appropriation("APPR-0002", -1L, SECOND_DOCUMENT, null))
                    .expectException(invalidField("AMOUNT_NOT_POSITIVE", "amountFen"))
                    .expectNoEvents();
        }

        @Test
        void aMissingDocumentNumber() {
            fixture.givenNoPriorActivity()
                    .when(appropriation("APPR-0001", 1L, null, null))
                    .expectException(invalidField("DOCUMENT_NO_REQUIRED", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aBlankDocumentNumber() {
            fixture.givenNoPriorActivity()
                    .when(appropriation("APPR-0001", 1L, " \t ", null))
                    .expectException(invalidField("DOCUMENT_NO_REQUIRED", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aDocumentNumberLongerThanSixtyFourCharacters() {
            fixture.givenNoPriorActivity()
                    .when(appropriation("APPR-0001", 1L, "苍".repeat(65), null))
                    .expectException(invalidField("DOCUMENT_NO_INVALID", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aDocumentNumberWithAControlCharacter() {
            fixture.givenNoPriorActivity()
                    .when(appropriation("APPR-0001", 1L, "苍财农\u0000〔2015〕12号", null))
                    .expectException(invalidField("DOCUMENT_NO_INVALID", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aDocumentNumberBrokenOverTwoLines() {
            // A document number is printed on one line of the county notice; a line break is a typing error.
            fixture.givenNoPriorActivity()
                    .when(appropriation("APPR-0001", 1L, "苍财农\n〔2015〕12号", null))
                    .expectException(invalidField("DOCUMENT_NO_INVALID", "documentNo"))
                    .expectNoEvents();
        }

        @Test
        void aNoteLongerThanFiveHundredCharacters() {
            fixture.givenNoPriorActivity()
                    .when(appropriation("APPR-0001", 1L, FIRST_DOCUMENT, "注".repeat(501)))
                    .expectException(invalidField("NOTE_INVALID", "note"))
                    .expectNoEvents();
        }

        @Test
        void aNoteWithAControlCharacter() {
            fixture.givenNoPriorActivity()
                    .when(appropriation("APPR-0001", 1L, FIRST_DOCUMENT, "上半年\u0007"))
                    .expectException(invalidField("NOTE_INVALID", "note"))
                    .expectNoEvents();
        }

        @Test
        void aFiscalYearBefore2000() {
            FundId fundId = FundId.of("510824", 1999, FundSource.COUNTY);
            fixture.givenNoPriorActivity()
                    .when(new AppropriateFundsCommand(fundId, "APPR-0001", 1999, FundSource.COUNTY, 1L, FIRST_DOCUMENT, null))
                    .expectException(invalidField("FISCAL_YEAR_OUT_OF_RANGE", "fiscalYear"))
                    .expectNoEvents();
        }

        @Test
        void aFiscalYearAfter2100() {
            FundId fundId = FundId.of("510824", 2101, FundSource.COUNTY);
            fixture.givenNoPriorActivity()
                    .when(new AppropriateFundsCommand(fundId, "APPR-0001", 2101, FundSource.COUNTY, 1L, FIRST_DOCUMENT, null))
                    .expectException(invalidField("FISCAL_YEAR_OUT_OF_RANGE", "fiscalYear"))
                    .expectNoEvents();
        }

        @Test
        void anAppropriationWithoutASource() {
            fixture.givenNoPriorActivity()
                    .when(new AppropriateFundsCommand(COUNTY_2015, "APPR-0001", 2015, null, 1L, FIRST_DOCUMENT, null))
                    .expectException(invalidField("SOURCE_REQUIRED", "source"))
                    .expectNoEvents();
        }

        @Test
        void anAppropriationOfAnotherYearThanTheFunds() {
            fixture.givenNoPriorActivity()
                    .when(new AppropriateFundsCommand(COUNTY_2015, "APPR-0001", 2016, FundSource.COUNTY, 1L, FIRST_DOCUMENT, null))
                    .expectException(conflict("FUND_MISMATCH"))
                    .expectNoEvents();
        }

        @Test
        void anAppropriationOfAnotherSourceThanTheFunds() {
            fixture.given(appropriated("APPR-0001", SIX_MILLION_YUAN_FEN, FIRST_DOCUMENT, SIX_MILLION_YUAN_FEN))
                    .when(new AppropriateFundsCommand(COUNTY_2015, "APPR-0002", 2015, FundSource.CENTRAL, 1L, SECOND_DOCUMENT, null))
                    .expectException(conflict("FUND_MISMATCH"))
                    .expectNoEvents();
        }

        @Test
        void aDocumentNumberAppropriatedToTheFundAlready() {
            fixture.given(appropriated("APPR-0001", SIX_MILLION_YUAN_FEN, FIRST_DOCUMENT, SIX_MILLION_YUAN_FEN))
                    .when(appropriation("APPR-0002", 1L, " " + FIRST_DOCUMENT + " ", null))
                    .expectException(conflict("DUPLICATE_DOCUMENT_NO"))
                    .expectNoEvents();
        }

        @Test
        void anAppropriationRecordedAlready() {
            fixture.given(appropriated("APPR-0001", SIX_MILLION_YUAN_FEN, FIRST_DOCUMENT, SIX_MILLION_YUAN_FEN))
                    .when(appropriation("APPR-0001", SIX_MILLION_YUAN_FEN, SECOND_DOCUMENT, null))
                    .expectException(conflict("DUPLICATE_APPROPRIATION"))
                    .expectNoEvents();
        }

        @Test
        void anAmountThatWouldTakeTheTotalPastTheLargestTheLedgerHolds() {
            fixture.given(appropriated("APPR-0001", Long.MAX_VALUE - 10, FIRST_DOCUMENT, Long.MAX_VALUE - 10))
                    .when(appropriation("APPR-0002", 11L, SECOND_DOCUMENT, null))
                    .expectException(conflict("AMOUNT_OVERFLOW"))
                    .expectNoEvents();
        }
    }
}
