package cn.fupin.ledger.command.household;

import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantReleasedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.household.HouseholdTest.CARD;
import static cn.fupin.ledger.command.household.HouseholdTest.CIPHER;
import static cn.fupin.ledger.command.household.HouseholdTest.exited;
import static cn.fupin.ledger.command.household.HouseholdTest.registered;
import static cn.fupin.ledger.command.household.HouseholdTest.returned;

/**
 * The household's one start-up grant (DOMAIN.md, "Money"), claimed when a grant is requested and released when it is
 * rejected or reversed, as the disbursement handlers do it in their unit of work (stood in for by the fixture's
 * handler below).
 */
class HouseholdStartupGrantTest {

    static final String PROJECT = "PRJ-2016-0002";
    static final String FIRST = "DSB-2016-0001";
    static final String SECOND = "DSB-2016-0002";
    static final long GRANT_FEN = 300_000L;

    record Claim(String disbursementId, long amountFen) {
    }

    record Release(String disbursementId, DisbursementStatus outcome) {
    }

    /** What the handlers read before they decide. */
    record Facts() {
    }

    record Seen(String villageCode, String townshipCode, boolean exited, String startupGrant) {
    }

    FixtureConfiguration<Household> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Household.class);
        fixture.registerInjectableResource(CIPHER);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            void handle(Claim command) {
                fixture.getRepository().load(HouseholdCardNo.streamIdOf(CARD)).execute(
                        h -> h.claimStartupGrant(command.disbursementId(), PROJECT, command.amountFen()));
            }

            @CommandHandler
            void handle(Release command) {
                fixture.getRepository().load(HouseholdCardNo.streamIdOf(CARD))
                        .execute(h -> h.releaseStartupGrant(command.disbursementId(), command.outcome()));
            }

            @CommandHandler
            Seen handle(Facts query) {
                return fixture.getRepository().load(HouseholdCardNo.streamIdOf(CARD)).invoke(h -> new Seen(h.villageCode(), h.townshipCode(),
                        h.exited(), h.startupGrant()));
            }
        });
    }

    static HouseholdStartupGrantClaimedEvent claimed(String disbursementId) {
        return new HouseholdStartupGrantClaimedEvent(CARD, disbursementId, PROJECT, GRANT_FEN);
    }

    @Test
    void aRegisteredHouseholdClaimsItsGrant() {
        fixture.given(registered())
                .when(new Claim(FIRST, GRANT_FEN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(claimed(FIRST));
    }

    @Test
    void aRejectedGrantIsReleased() {
        fixture.given(registered(), claimed(FIRST))
                .when(new Release(FIRST, DisbursementStatus.REJECTED))
                .expectEvents(new HouseholdStartupGrantReleasedEvent(CARD, FIRST, "REJECTED"));
    }

    @Test
    void aHouseholdWhoseGrantWasRejectedClaimsAgain() {
        fixture.given(registered(), claimed(FIRST), new HouseholdStartupGrantReleasedEvent(CARD, FIRST, "REJECTED"))
                .when(new Claim(SECOND, GRANT_FEN))
                .expectEvents(claimed(SECOND));
    }

    @Test
    void aHouseholdWhoseGrantWasReversedClaimsAgain() {
        fixture.given(registered(), claimed(FIRST), new HouseholdStartupGrantReleasedEvent(CARD, FIRST, "REVERSED"))
                .when(new Claim(SECOND, GRANT_FEN))
                .expectEvents(claimed(SECOND));
    }

    @Test
    void theHouseholdKnowsWhereItLivesAndItsGrant() {
        fixture.given(registered(), claimed(FIRST))
                .when(new Facts())
                .expectResultMessagePayload(new Seen("510824100001", "510824100", false, FIRST));
    }

    @Test
    void anExitedHouseholdSaysSo() {
        fixture.given(registered(), exited(2017))
                .when(new Facts())
                .expectResultMessagePayload(new Seen("510824100001", "510824100", true, null));
    }

    @Test
    void aHouseholdThatReturnedIsNotExited() {
        fixture.given(registered(), exited(2017), returned(2018))
                .when(new Facts())
                .expectResultMessagePayload(new Seen("510824100001", "510824100", false, null));
    }

    @Nested
    class Refuses {

        @Test
        void aSecondGrantWhileTheFirstIsRequestedOrPaid() {
            fixture.given(registered(), claimed(FIRST))
                    .when(new Claim(SECOND, GRANT_FEN))
                    .expectException(conflict("DUPLICATE_STARTUP_GRANT"))
                    .expectNoEvents();
        }

        @Test
        void aSecondGrantAfterAnEarlierOneWasReleasedAndAnotherClaimed() {
            fixture.given(registered(), claimed(FIRST), new HouseholdStartupGrantReleasedEvent(CARD, FIRST, "REVERSED"),
                            claimed(SECOND))
                    .when(new Claim("DSB-2016-0003", GRANT_FEN))
                    .expectException(conflict("DUPLICATE_STARTUP_GRANT"))
                    .expectNoEvents();
        }
    }

    @Nested
    class FailsLoudlyOnAProgrammingError {

        @Test
        void releasingAGrantTheHouseholdDoesNotHold() {
            fixture.given(registered(), claimed(FIRST))
                    .when(new Release(SECOND, DisbursementStatus.REJECTED))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void releasingWhenNoGrantIsHeld() {
            fixture.given(registered())
                    .when(new Release(FIRST, DisbursementStatus.REVERSED))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void releasingAnApprovedGrant() {
            fixture.given(registered(), claimed(FIRST))
                    .when(new Release(FIRST, DisbursementStatus.APPROVED))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void claimingAGrantOfZero() {
            fixture.given(registered())
                    .when(new Claim(FIRST, 0L))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }
}
