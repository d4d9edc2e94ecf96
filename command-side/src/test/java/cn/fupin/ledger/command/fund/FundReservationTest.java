package cn.fupin.ledger.command.fund;

import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.conflict;

/**
 * Reservations and releases, as the project handlers ask for them in their unit of work. The fixture's own
 * handler below stands in for them: it loads the fund from the fixture's repository and calls the method.
 */
class FundReservationTest {

    static final String FUND = "FUND-510824-2016-CENTRAL";
    static final String ROAD = "PRJ-2016-0001";
    static final String WATER = "PRJ-2016-0002";
    static final long THOUSAND_YUAN_FEN = 100_000L;

    record Reserve(String projectId, long amountFen) {
    }

    record Release(String projectId, long amountFen, String reason) {
    }

    /** Asks for what the fund has available, as a handler does before it reserves. */
    record Available() {
    }

    FixtureConfiguration<Fund> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Fund.class);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            void handle(Reserve command) {
                fixture.getRepository().load(FUND).execute(fund -> fund.reserve(command.projectId(), command.amountFen()));
            }

            @CommandHandler
            void handle(Release command) {
                fixture.getRepository().load(FUND)
                        .execute(fund -> fund.release(command.projectId(), command.amountFen(), command.reason()));
            }

            @CommandHandler
            long handle(Available query) {
                return fixture.getRepository().load(FUND).invoke(Fund::availableFen);
            }
        });
    }

    static FundsAppropriatedEvent appropriated(long amountFen) {
        return new FundsAppropriatedEvent(FUND, "APPR-0001", 2016, FundSource.CENTRAL, amountFen, "财农〔2016〕1号", null);
    }

    @Test
    void aReservationIsRecordedWithTheFundsRunningTotals() {
        fixture.given(appropriated(THOUSAND_YUAN_FEN))
                .when(new Reserve(ROAD, 40_000L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FundsReservedEvent(FUND, ROAD, 40_000L, 40_000L, 60_000L));
    }

    @Test
    void aSecondReservationAddsToWhatTheFundHoldsReserved() {
        fixture.given(appropriated(THOUSAND_YUAN_FEN), new FundsReservedEvent(FUND, ROAD, 40_000L, 40_000L, 60_000L))
                .when(new Reserve(WATER, 25_000L))
                .expectEvents(new FundsReservedEvent(FUND, WATER, 25_000L, 65_000L, 35_000L));
    }

    @Test
    void reservingExactlyWhatIsAvailableLeavesNothingAvailable() {
        fixture.given(appropriated(THOUSAND_YUAN_FEN), new FundsReservedEvent(FUND, ROAD, 40_000L, 40_000L, 60_000L))
                .when(new Reserve(WATER, 60_000L))
                .expectEvents(new FundsReservedEvent(FUND, WATER, 60_000L, THOUSAND_YUAN_FEN, 0L));
    }

    @Test
    void theAvailableAmountIsTheAppropriationLessWhatIsReserved() {
        fixture.given(appropriated(THOUSAND_YUAN_FEN), new FundsReservedEvent(FUND, ROAD, 40_000L, 40_000L, 60_000L),
                        new FundsReservedEvent(FUND, WATER, 1_000L, 41_000L, 59_000L),
                        new FundReservationReleasedEvent(FUND, ROAD, 40_000L, "CANCELLED", 1_000L, 99_000L))
                .when(new Available())
                .expectResultMessagePayload(99_000L);
    }

    @Test
    void aReleaseGivesTheProjectsReservationBack() {
        fixture.given(appropriated(THOUSAND_YUAN_FEN), new FundsReservedEvent(FUND, ROAD, 40_000L, 40_000L, 60_000L),
                        new FundsReservedEvent(FUND, WATER, 25_000L, 65_000L, 35_000L))
                .when(new Release(ROAD, 40_000L, "CANCELLED"))
                .expectEvents(new FundReservationReleasedEvent(FUND, ROAD, 40_000L, "CANCELLED", 25_000L, 75_000L));
    }

    @Test
    void aReleaseMayGiveBackPartOfTheReservation() {
        fixture.given(appropriated(THOUSAND_YUAN_FEN), new FundsReservedEvent(FUND, ROAD, 40_000L, 40_000L, 60_000L))
                .when(new Release(ROAD, 15_000L, "ACCEPTED"))
                .expectEvents(new FundReservationReleasedEvent(FUND, ROAD, 15_000L, "ACCEPTED", 25_000L, 75_000L));
    }

    @Test
    void whatWasReleasedCanBeReservedAgainToTheLastFen() {
        fixture.given(appropriated(THOUSAND_YUAN_FEN), new FundsReservedEvent(FUND, ROAD, THOUSAND_YUAN_FEN, THOUSAND_YUAN_FEN, 0L),
                        new FundReservationReleasedEvent(FUND, ROAD, THOUSAND_YUAN_FEN, "CANCELLED", 0L, THOUSAND_YUAN_FEN))
                .when(new Reserve(WATER, THOUSAND_YUAN_FEN))
                .expectEvents(new FundsReservedEvent(FUND, WATER, THOUSAND_YUAN_FEN, THOUSAND_YUAN_FEN, 0L));
    }

    @Nested
    class Refuses {

        @Test
        void oneFenMoreThanIsAvailable() {
            fixture.given(appropriated(THOUSAND_YUAN_FEN), new FundsReservedEvent(FUND, ROAD, 40_000L, 40_000L, 60_000L))
                    .when(new Reserve(WATER, 60_001L))
                    .expectException(conflict("FUND_OVERDRAWN"))
                    .expectNoEvents();
        }

        @Test
        void anyReservationOnceEverythingIsReserved() {
            fixture.given(appropriated(THOUSAND_YUAN_FEN),
                            new FundsReservedEvent(FUND, ROAD, THOUSAND_YUAN_FEN, THOUSAND_YUAN_FEN, 0L))
                    .when(new Reserve(WATER, 1L))
                    .expectException(conflict("FUND_OVERDRAWN"))
                    .expectNoEvents();
        }
    }

    @Nested
    class FailsLoudlyOnAProgrammingError {

        @Test
        void aReservationOfZero() {
            fixture.given(appropriated(THOUSAND_YUAN_FEN))
                    .when(new Reserve(ROAD, 0L))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aNegativeReservation() {
            // A negative reservation would raise what the fund has available without any appropriation.
            fixture.given(appropriated(THOUSAND_YUAN_FEN))
                    .when(new Reserve(ROAD, -1L))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aReleaseOfMoreThanTheProjectHoldsReserved() {
            fixture.given(appropriated(THOUSAND_YUAN_FEN), new FundsReservedEvent(FUND, ROAD, 40_000L, 40_000L, 60_000L),
                            new FundsReservedEvent(FUND, WATER, 25_000L, 65_000L, 35_000L))
                    .when(new Release(ROAD, 40_001L, "CANCELLED"))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void aReleaseForAProjectWithNoReservation() {
            fixture.given(appropriated(THOUSAND_YUAN_FEN), new FundsReservedEvent(FUND, ROAD, 40_000L, 40_000L, 60_000L))
                    .when(new Release(WATER, 1L, "CANCELLED"))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void aSecondReleaseOfAReservationReleasedAlready() {
            fixture.given(appropriated(THOUSAND_YUAN_FEN), new FundsReservedEvent(FUND, ROAD, 40_000L, 40_000L, 60_000L),
                            new FundReservationReleasedEvent(FUND, ROAD, 40_000L, "CANCELLED", 0L, THOUSAND_YUAN_FEN))
                    .when(new Release(ROAD, 40_000L, "CANCELLED"))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }
    }
}
