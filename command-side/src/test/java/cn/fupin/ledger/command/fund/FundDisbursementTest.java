package cn.fupin.ledger.command.fund;

import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.fund.FundReservationTest.FUND;
import static cn.fupin.ledger.command.fund.FundReservationTest.ROAD;
import static cn.fupin.ledger.command.fund.FundReservationTest.THOUSAND_YUAN_FEN;
import static cn.fupin.ledger.command.fund.FundReservationTest.WATER;
import static cn.fupin.ledger.command.fund.FundReservationTest.appropriated;

/**
 * Payments out of a project's reservation and their reversals, as the disbursement handlers ask for them in their
 * unit of work (stood in for by the fixture's handler below). A payment moves money from reserved to disbursed, so
 * what the fund can still promise does not change; paying or reversing more than the project's share is a bug.
 */
class FundDisbursementTest {

    static final String FIRST = "DSB-2016-0001";
    static final String SECOND = "DSB-2016-0002";

    record Disburse(String projectId, String disbursementId, long amountFen) {
    }

    record Reverse(String projectId, String disbursementId, long amountFen) {
    }

    record Release(String projectId, long amountFen) {
    }

    FixtureConfiguration<Fund> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Fund.class);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            void handle(Disburse command) {
                fixture.getRepository().load(FUND).execute(
                        fund -> fund.disburse(command.projectId(), command.disbursementId(), command.amountFen()));
            }

            @CommandHandler
            void handle(Reverse command) {
                fixture.getRepository().load(FUND).execute(fund -> fund.reverseDisbursement(command.projectId(),
                        command.disbursementId(), command.amountFen()));
            }

            @CommandHandler
            void handle(Release command) {
                fixture.getRepository().load(FUND)
                        .execute(fund -> fund.release(command.projectId(), command.amountFen(), "ACCEPTED"));
            }
        });
    }

    /** 1,000 yuan appropriated; ROAD holds 400 yuan reserved and WATER 250 yuan; 350 yuan available. */
    static Object[] reservedForTwoProjects() {
        return new Object[] {appropriated(THOUSAND_YUAN_FEN),
                new FundsReservedEvent(FUND, ROAD, 40_000L, 40_000L, 60_000L),
                new FundsReservedEvent(FUND, WATER, 25_000L, 65_000L, 35_000L)};
    }

    @Test
    void aPaymentMovesMoneyFromReservedToDisbursedWithTheRunningTotals() {
        fixture.given(reservedForTwoProjects())
                .when(new Disburse(ROAD, FIRST, 10_000L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FundsDisbursedEvent(FUND, ROAD, FIRST, 10_000L, 55_000L, 10_000L, 35_000L));
    }

    @Test
    void aPaymentMayTakeTheProjectsWholeReservation() {
        fixture.given(reservedForTwoProjects())
                .when(new Disburse(ROAD, FIRST, 40_000L))
                .expectEvents(new FundsDisbursedEvent(FUND, ROAD, FIRST, 40_000L, 25_000L, 40_000L, 35_000L));
    }

    @Test
    void aSecondPaymentTakesWhatTheFirstLeftOfTheReservation() {
        fixture.given(reservedForTwoProjects())
                .andGiven(new FundsDisbursedEvent(FUND, ROAD, FIRST, 30_000L, 35_000L, 30_000L, 35_000L))
                .when(new Disburse(ROAD, SECOND, 10_000L))
                .expectEvents(new FundsDisbursedEvent(FUND, ROAD, SECOND, 10_000L, 25_000L, 40_000L, 35_000L));
    }

    @Test
    void aReversalHoldsThePaymentReservedForTheProjectAgain() {
        fixture.given(reservedForTwoProjects())
                .andGiven(new FundsDisbursedEvent(FUND, ROAD, FIRST, 40_000L, 25_000L, 40_000L, 35_000L))
                .when(new Reverse(ROAD, FIRST, 40_000L))
                .expectEvents(new FundDisbursementReversedEvent(FUND, ROAD, FIRST, 40_000L, 65_000L, 0L, 35_000L));
    }

    @Test
    void whatWasReversedCanBePaidAgain() {
        fixture.given(reservedForTwoProjects())
                .andGiven(new FundsDisbursedEvent(FUND, ROAD, FIRST, 40_000L, 25_000L, 40_000L, 35_000L),
                        new FundDisbursementReversedEvent(FUND, ROAD, FIRST, 40_000L, 65_000L, 0L, 35_000L))
                .when(new Disburse(ROAD, SECOND, 40_000L))
                .expectEvents(new FundsDisbursedEvent(FUND, ROAD, SECOND, 40_000L, 25_000L, 40_000L, 35_000L));
    }

    @Test
    void aReleaseAfterAPaymentGivesBackOnlyWhatWasNotPaid() {
        fixture.given(reservedForTwoProjects())
                .andGiven(new FundsDisbursedEvent(FUND, ROAD, FIRST, 30_000L, 35_000L, 30_000L, 35_000L))
                .when(new Release(ROAD, 10_000L))
                .expectEvents(new FundReservationReleasedEvent(FUND, ROAD, 10_000L, "ACCEPTED", 25_000L, 45_000L));
    }

    @Nested
    class FailsLoudlyOnAProgrammingError {

        @Test
        void aPaymentOfOneFenMoreThanTheProjectHoldsReserved() {
            fixture.given(reservedForTwoProjects())
                    .when(new Disburse(ROAD, FIRST, 40_001L))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void aPaymentForAProjectWithNoReservation() {
            fixture.given(reservedForTwoProjects())
                    .when(new Disburse("PRJ-2016-0003", FIRST, 1L))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void aPaymentOfWhatTheProjectHadPaidAlready() {
            fixture.given(reservedForTwoProjects())
                    .andGiven(new FundsDisbursedEvent(FUND, ROAD, FIRST, 40_000L, 25_000L, 40_000L, 35_000L))
                    .when(new Disburse(ROAD, SECOND, 1L))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void aPaymentOfZero() {
            fixture.given(reservedForTwoProjects())
                    .when(new Disburse(ROAD, FIRST, 0L))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aReversalOfOneFenMoreThanWasPaid() {
            fixture.given(reservedForTwoProjects())
                    .andGiven(new FundsDisbursedEvent(FUND, ROAD, FIRST, 10_000L, 55_000L, 10_000L, 35_000L))
                    .when(new Reverse(ROAD, FIRST, 10_001L))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void aReversalOfAnotherProjectsPayment() {
            fixture.given(reservedForTwoProjects())
                    .andGiven(new FundsDisbursedEvent(FUND, ROAD, FIRST, 10_000L, 55_000L, 10_000L, 35_000L))
                    .when(new Reverse(WATER, FIRST, 10_000L))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void aNegativeReversal() {
            fixture.given(reservedForTwoProjects())
                    .andGiven(new FundsDisbursedEvent(FUND, ROAD, FIRST, 10_000L, 55_000L, 10_000L, 35_000L))
                    .when(new Reverse(ROAD, FIRST, -1L))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aReleaseOfWhatWasPaid() {
            // What was paid is no longer reserved: releasing it would promise the same money twice.
            fixture.given(reservedForTwoProjects())
                    .andGiven(new FundsDisbursedEvent(FUND, ROAD, FIRST, 30_000L, 35_000L, 30_000L, 35_000L))
                    .when(new Release(ROAD, 10_001L))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }
    }
}
