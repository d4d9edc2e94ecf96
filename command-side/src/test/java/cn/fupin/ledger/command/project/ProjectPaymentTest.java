package cn.fupin.ledger.command.project;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectCompletedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentRequestedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProjectStartedEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.HistoryFailures.failingOnHistory;
import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.project.ProjectTest.CENTRAL;
import static cn.fupin.ledger.command.project.ProjectTest.CLERK;
import static cn.fupin.ledger.command.project.ProjectTest.COUNTY;
import static cn.fupin.ledger.command.project.ProjectTest.PROJECT;
import static cn.fupin.ledger.command.project.ProjectTest.approved;
import static cn.fupin.ledger.command.project.ProjectTest.proposed;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/**
 * The project's side of its payments: how an amount is split over its budget lines (CENTRAL 30,000,000 fen and COUNTY
 * 10,000,000 fen), what is pending and paid, and that it is not closed while a payment is pending. The payment and
 * project handlers are stood in for by the fixture's handler below, which loads the project and calls the method.
 */
class ProjectPaymentTest {

    static final String FIRST = "DSB-2016-0001";
    static final String SECOND = "DSB-2016-0002";
    static final long BUDGET_FEN = 40_000_000L;

    record Split(long amountFen) {
    }

    record RequestPayment(String disbursementId, long amountFen, List<BudgetLine> fromFunds) {
    }

    record Settle(String disbursementId, DisbursementStatus outcome, long amountFen, List<BudgetLine> fromFunds) {
    }

    record Cancel(String reason, Actor actor) {
    }

    record Accept(String result, Actor actor) {
    }

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            List<BudgetLine> handle(Split command) {
                return fixture.getRepository().load(PROJECT).invoke(p -> p.split(command.amountFen()));
            }

            @CommandHandler
            void handle(RequestPayment command) {
                fixture.getRepository().load(PROJECT).execute(p -> p.requestPayment(command.disbursementId(),
                        command.amountFen(), command.fromFunds()));
            }

            @CommandHandler
            void handle(Settle command) {
                fixture.getRepository().load(PROJECT).execute(p -> p.settlePayment(command.disbursementId(),
                        command.outcome(), command.amountFen(), command.fromFunds()));
            }

            @CommandHandler
            void handle(Cancel command) {
                fixture.getRepository().load(PROJECT).execute(p -> p.cancel(command.reason(), command.actor()));
            }

            @CommandHandler
            void handle(Accept command) {
                fixture.getRepository().load(PROJECT).execute(p -> p.accept(command.result(), command.actor()));
            }
        });
    }

    static List<BudgetLine> lines(long centralFen, long countyFen) {
        return List.of(new BudgetLine(CENTRAL, centralFen), new BudgetLine(COUNTY, countyFen));
    }

    static List<BudgetLine> central(long fen) {
        return List.of(new BudgetLine(CENTRAL, fen));
    }

    static ProjectPaymentRequestedEvent requested(String disbursementId, List<BudgetLine> fromFunds) {
        return new ProjectPaymentRequestedEvent(PROJECT, disbursementId, total(fromFunds), fromFunds);
    }

    static ProjectPaymentSettledEvent settled(String disbursementId, String outcome, List<BudgetLine> fromFunds) {
        return new ProjectPaymentSettledEvent(PROJECT, disbursementId, outcome, total(fromFunds), fromFunds);
    }

    static long total(List<BudgetLine> lines) {
        return lines.stream().mapToLong(BudgetLine::amountFen).sum();
    }

    @Nested
    class SplittingAnAmount {

        @Test
        void takesTheFirstLineInFundIdOrderFirst() {
            fixture.given(proposed(), approved())
                    .when(new Split(1_000L))
                    .expectResultMessagePayload(central(1_000L));
        }

        @Test
        void continuesOnTheNextLineWhenTheFirstIsUsedUp() {
            fixture.given(proposed(), approved())
                    .when(new Split(35_000_000L))
                    .expectResultMessagePayload(lines(30_000_000L, 5_000_000L));
        }

        @Test
        void leavesOutALineThatPendingPaymentsTookWhole() {
            fixture.given(proposed(), approved(), requested(FIRST, central(30_000_000L)))
                    .when(new Split(2_000_000L))
                    .expectResultMessagePayload(List.of(new BudgetLine(COUNTY, 2_000_000L)));
        }

        @Test
        void countsWhatWasPaidAsTaken() {
            fixture.given(proposed(), approved(), requested(FIRST, central(29_000_000L)),
                            settled(FIRST, "APPROVED", central(29_000_000L)))
                    .when(new Split(3_000_000L))
                    .expectResultMessagePayload(lines(1_000_000L, 2_000_000L));
        }

        @Test
        void givesBackWhatWasRejected() {
            fixture.given(proposed(), approved(), requested(FIRST, central(30_000_000L)),
                            settled(FIRST, "REJECTED", central(30_000_000L)))
                    .when(new Split(1_000L))
                    .expectResultMessagePayload(central(1_000L));
        }

        @Test
        void givesBackWhatWasReversed() {
            fixture.given(proposed(), approved(), requested(FIRST, central(30_000_000L)),
                            settled(FIRST, "APPROVED", central(30_000_000L)),
                            settled(FIRST, "REVERSED", central(30_000_000L)))
                    .when(new Split(1_000L))
                    .expectResultMessagePayload(central(1_000L));
        }

        @Test
        void takesTheWholeBudgetToTheLastFen() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1L)))
                    .when(new Split(BUDGET_FEN - 1))
                    .expectResultMessagePayload(lines(30_000_000L - 1, 10_000_000L));
        }

        @Test
        void refusesOneFenMoreThanIsLeft() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1L)))
                    .when(new Split(BUDGET_FEN))
                    .expectException(conflict("PROJECT_BUDGET_EXCEEDED"));
        }

        @Test
        void refusesAnyAmountOnceEverythingIsPaid() {
            fixture.given(proposed(), approved(), requested(FIRST, lines(30_000_000L, 10_000_000L)),
                            settled(FIRST, "APPROVED", lines(30_000_000L, 10_000_000L)))
                    .when(new Split(1L))
                    .expectException(conflict("PROJECT_BUDGET_EXCEEDED"));
        }
    }

    @Nested
    class Payments {

        @Test
        void aRequestIsRecordedAsPending() {
            fixture.given(proposed(), approved())
                    .when(new RequestPayment(FIRST, 35_000_000L, lines(30_000_000L, 5_000_000L)))
                    .expectEvents(requested(FIRST, lines(30_000_000L, 5_000_000L)));
        }

        @Test
        void aProjectBeingImplementedTakesRequests() {
            fixture.given(proposed(), approved(), new ProjectStartedEvent(PROJECT, "clerk"))
                    .when(new RequestPayment(FIRST, 1_000L, central(1_000L)))
                    .expectEvents(requested(FIRST, central(1_000L)));
        }

        @Test
        void anApprovalMovesThePaymentFromPendingToPaid() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1_000L)))
                    .when(new Settle(FIRST, DisbursementStatus.APPROVED, 1_000L, central(1_000L)))
                    .expectEvents(settled(FIRST, "APPROVED", central(1_000L)));
        }

        @Test
        void aCompletedProjectStillRejectsItsPendingPayment() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1_000L)),
                            new ProjectStartedEvent(PROJECT, "clerk"), new ProjectCompletedEvent(PROJECT, null, "clerk"))
                    .when(new Settle(FIRST, DisbursementStatus.REJECTED, 1_000L, central(1_000L)))
                    .expectEvents(settled(FIRST, "REJECTED", central(1_000L)));
        }

        @Test
        void refusesARequestOfAProjectThatIsOnlyProposed() {
            fixture.given(proposed())
                    .when(new RequestPayment(FIRST, 1_000L, central(1_000L)))
                    .expectException(conflict("PROJECT_NOT_PAYABLE"))
                    .expectNoEvents();
        }

        @Test
        void refusesToApproveAPaymentOfACompletedProject() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1_000L)),
                            new ProjectStartedEvent(PROJECT, "clerk"), new ProjectCompletedEvent(PROJECT, null, "clerk"))
                    .when(new Settle(FIRST, DisbursementStatus.APPROVED, 1_000L, central(1_000L)))
                    .expectException(conflict("PROJECT_NOT_PAYABLE"))
                    .expectNoEvents();
        }

        @Test
        void refusesAReversalIntoAnAcceptedProject() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1_000L)),
                            settled(FIRST, "APPROVED", central(1_000L)), new ProjectStartedEvent(PROJECT, "clerk"),
                            new ProjectCompletedEvent(PROJECT, null, "clerk"),
                            new ProjectAcceptedEvent(PROJECT, "合格", lines(30_000_000L - 1_000L, 10_000_000L), "clerk2"))
                    .when(new Settle(FIRST, DisbursementStatus.REVERSED, 1_000L, central(1_000L)))
                    .expectException(conflict("PROJECT_CLOSED"))
                    .expectNoEvents();
        }

        @Test
        void refusesAReversalIntoACancelledProject() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1_000L)),
                            settled(FIRST, "APPROVED", central(1_000L)),
                            new ProjectCancelledEvent(PROJECT, ProjectStatus.APPROVED, "撤销",
                                    lines(30_000_000L - 1_000L, 10_000_000L), "clerk"))
                    .when(new Settle(FIRST, DisbursementStatus.REVERSED, 1_000L, central(1_000L)))
                    .expectException(conflict("PROJECT_CLOSED"))
                    .expectNoEvents();
        }

        @Test
        void failsLoudlyOnLinesThatTakeMoreThanIsLeft() {
            fixture.given(proposed(), approved())
                    .when(new RequestPayment(FIRST, 30_000_001L, central(30_000_001L)))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void failsLoudlyOnLinesThatDoNotAddUpToTheAmount() {
            fixture.given(proposed(), approved())
                    .when(new RequestPayment(FIRST, 2_000L, central(1_000L)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void failsLoudlyOnSettlingAPaymentThatIsNotPending() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1_000L)))
                    .when(new Settle(SECOND, DisbursementStatus.APPROVED, 1_000L, central(1_000L)))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void failsLoudlyOnReversingAPaymentThatWasNotPaid() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1_000L)))
                    .when(new Settle(FIRST, DisbursementStatus.REVERSED, 1_000L, central(1_000L)))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        @Test
        void aCancellationReleasesWhatWasReservedAndNotPaid() {
            fixture.given(proposed(), approved(), requested(FIRST, lines(30_000_000L, 1_000_000L)),
                            settled(FIRST, "APPROVED", lines(30_000_000L, 1_000_000L)))
                    .when(new Cancel("撤销", CLERK))
                    .expectEvents(new ProjectCancelledEvent(PROJECT, ProjectStatus.APPROVED, "撤销",
                            List.of(new BudgetLine(COUNTY, 9_000_000L)), "clerk"));
        }

        @Test
        void anAcceptanceReleasesWhatWasReservedAndNotPaid() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1_000L)),
                            settled(FIRST, "APPROVED", central(1_000L)), new ProjectStartedEvent(PROJECT, "clerk"),
                            new ProjectCompletedEvent(PROJECT, null, "clerk"))
                    .when(new Accept("合格", CLERK))
                    .expectEvents(new ProjectAcceptedEvent(PROJECT, "合格", lines(30_000_000L - 1_000L, 10_000_000L),
                            "clerk"));
        }

        @Test
        void aRejectedPaymentNoLongerHoldsTheProjectOpen() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1_000L)),
                            settled(FIRST, "REJECTED", central(1_000L)))
                    .when(new Cancel("撤销", CLERK))
                    .expectEvents(new ProjectCancelledEvent(PROJECT, ProjectStatus.APPROVED, "撤销",
                            lines(30_000_000L, 10_000_000L), "clerk"));
        }

        @Test
        void refusesACancellationWhileAPaymentIsPending() {
            fixture.given(proposed(), approved(), requested(FIRST, central(1_000L)))
                    .when(new Cancel("撤销", CLERK))
                    .expectException(conflict("PAYMENTS_PENDING"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAcceptanceWhileAPaymentIsPending() {
            fixture.given(proposed(), approved(), new ProjectStartedEvent(PROJECT, "clerk"),
                            requested(FIRST, central(1_000L)), new ProjectCompletedEvent(PROJECT, null, "clerk"))
                    .when(new Accept("合格", CLERK))
                    .expectException(conflict("PAYMENTS_PENDING"))
                    .expectNoEvents();
        }
    }

    /**
     * A project decides from its payments' lines (what each fund pays); each payment event also records the amount. A
     * stored history where the two disagree is not decided on: loading the project fails, naming the event.
     */
    @Nested
    class ItsStoredHistory {

        @Test
        void aProposalWhoseBudgetTotalIsNotTheSumOfItsLinesFailsNamingTheEvent() {
            ProjectProposedEvent proposal = proposed();
            fixture.given(new ProjectProposedEvent(proposal.projectId(), proposal.name(), proposal.workArea(),
                            proposal.villageCode(), proposal.townshipCode(), proposal.beneficiary(), proposal.budget(),
                            proposal.budgetTotalFen() + 1, proposal.implementer(), proposal.supervisor(),
                            proposal.startDate(), proposal.endDate(), proposal.expectedHouseholds(),
                            proposal.expectedPeople(), proposal.description(), proposal.benefitMechanism(),
                            proposal.subsidyStandard(), proposal.personInCharge(), proposal.supervisionPhone(),
                            proposal.villagersMeeting(), proposal.proposedBy()), approved())
                    .when(new Split(100_00L))
                    .expectException(failingOnHistory(allOf(containsString("project " + PROJECT),
                            containsString("sequence 0"), containsString("ProjectProposedEvent"),
                            containsString("budgetTotalFen = 40000001"), containsString("give 40000000 fen"))));
        }

        @Test
        void aPaymentWhoseAmountIsNotTheSumOfItsLinesFailsNamingTheEvent() {
            fixture.given(proposed(), approved(), new ProjectPaymentRequestedEvent(PROJECT, "DSB-2016-0009",
                            2_000_000L, central(1_000_000L)))
                    .when(new Split(100_00L))
                    .expectException(failingOnHistory(allOf(containsString("sequence 2"),
                            containsString("ProjectPaymentRequestedEvent"), containsString("amountFen = 2000000"),
                            containsString("give 1000000 fen"))));
        }

        @Test
        void aSettlementWhoseAmountIsNotTheSumOfItsLinesFailsNamingTheEvent() {
            fixture.given(proposed(), approved(), requested("DSB-2016-0009", central(1_000_000L)),
                            new ProjectPaymentSettledEvent(PROJECT, "DSB-2016-0009", "APPROVED", 999_999L,
                                    central(1_000_000L)))
                    .when(new Split(100_00L))
                    .expectException(failingOnHistory(allOf(containsString("sequence 3"),
                            containsString("ProjectPaymentSettledEvent"), containsString("amountFen = 999999"))));
        }
    }
}
