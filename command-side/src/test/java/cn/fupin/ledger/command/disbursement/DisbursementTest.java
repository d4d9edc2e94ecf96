package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.HistoryFailures.failingOnHistory;
import static cn.fupin.ledger.command.Refusals.conflict;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/**
 * A disbursement's own steps, as the payment handlers call them in their unit of work (stood in for by the fixture's
 * handler below): REQUESTED → APPROVED or REJECTED, APPROVED → REVERSED, four eyes, and batch items approved only
 * with their batch.
 */
class DisbursementTest {

    static final String DISBURSEMENT = "DSB-2016-0001";
    static final String PROJECT = "PRJ-2016-0002";
    static final String BATCH = "GB-2016-0001";
    static final String CARD = "HK-510824100001-0001";
    static final List<BudgetLine> FROM_FUNDS = List.of(new BudgetLine("FUND-510824-2016-CENTRAL", 200_000L),
            new BudgetLine("FUND-510824-2016-COUNTY", 100_000L));
    static final Actor CLERK = Actor.of("clerk", "CLERK");
    static final Actor APPROVER = Actor.of("approver", "APPROVER");
    static final String REASON = "凭证不全";

    record Approve(Actor approver) {
    }

    record ApproveInBatch(String batchId, Actor approver) {
    }

    record Reject(String reason, Actor actor) {
    }

    record Reverse(String reason, Actor actor) {
    }

    FixtureConfiguration<Disbursement> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Disbursement.class);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            void handle(Approve command) {
                fixture.getRepository().load(DISBURSEMENT).execute(d -> d.approve(command.approver()));
            }

            @CommandHandler
            void handle(ApproveInBatch command) {
                fixture.getRepository().load(DISBURSEMENT)
                        .execute(d -> d.approveInBatch(command.batchId(), command.approver()));
            }

            @CommandHandler
            void handle(Reject command) {
                fixture.getRepository().load(DISBURSEMENT).execute(d -> d.reject(command.reason(), command.actor()));
            }

            @CommandHandler
            void handle(Reverse command) {
                fixture.getRepository().load(DISBURSEMENT).execute(d -> d.reverse(command.reason(), command.actor()));
            }
        });
    }

    static DisbursementRequestedEvent requested(String batchId) {
        return new DisbursementRequestedEvent(DISBURSEMENT, PROJECT, PayeeKind.HOUSEHOLD, "510824100001", "510824100",
                CARD, 300_000L, FROM_FUNDS, "苍扶拨〔2016〕1号", batchId, "clerk");
    }

    static DisbursementApprovedEvent approved(String batchId) {
        return new DisbursementApprovedEvent(DISBURSEMENT, PROJECT, PayeeKind.HOUSEHOLD, "510824100001", CARD,
                300_000L, FROM_FUNDS, batchId, "approver");
    }

    static DisbursementRejectedEvent rejected(String batchId) {
        return new DisbursementRejectedEvent(DISBURSEMENT, PROJECT, CARD, batchId, REASON, "approver");
    }

    @Test
    void aRequestIsApprovedWithEverythingItWillPay() {
        fixture.given(requested(null))
                .when(new Approve(APPROVER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(approved(null));
    }

    @Test
    void aRequestIsRejected() {
        fixture.given(requested(null))
                .when(new Reject(REASON, APPROVER))
                .expectEvents(rejected(null));
    }

    @Test
    void anItemOfABatchIsRejectedOnItsOwn() {
        fixture.given(requested(BATCH))
                .when(new Reject(REASON, APPROVER))
                .expectEvents(rejected(BATCH));
    }

    @Test
    void anItemIsApprovedWithItsBatch() {
        fixture.given(requested(BATCH))
                .when(new ApproveInBatch(BATCH, APPROVER))
                .expectEvents(approved(BATCH));
    }

    @Test
    void anApprovedPaymentIsReversedWithWhatItPaid() {
        fixture.given(requested(null), approved(null))
                .when(new Reverse("重复享受", APPROVER))
                .expectEvents(new DisbursementReversedEvent(DISBURSEMENT, PROJECT, PayeeKind.HOUSEHOLD, "510824100001",
                        CARD, 300_000L, FROM_FUNDS, "重复享受", "approver"));
    }

    @Nested
    class Refuses {

        @Test
        void anApprovalByTheRequester() {
            fixture.given(requested(null))
                    .when(new Approve(CLERK))
                    .expectException(conflict("SAME_REQUESTER_AND_APPROVER"))
                    .expectNoEvents();
        }

        @Test
        void aBatchApprovalOfAnItemByItsRequester() {
            fixture.given(requested(BATCH))
                    .when(new ApproveInBatch(BATCH, CLERK))
                    .expectException(conflict("SAME_REQUESTER_AND_APPROVER"))
                    .expectNoEvents();
        }

        @Test
        void anApprovalOfABatchItemOnItsOwn() {
            fixture.given(requested(BATCH))
                    .when(new Approve(APPROVER))
                    .expectException(conflict("BATCH_ITEM"))
                    .expectNoEvents();
        }

        @Test
        void aSecondApproval() {
            fixture.given(requested(null), approved(null))
                    .when(new Approve(APPROVER))
                    .expectException(conflict("DISBURSEMENT_NOT_PENDING"))
                    .expectNoEvents();
        }

        @Test
        void anApprovalOfARejectedRequest() {
            fixture.given(requested(null), rejected(null))
                    .when(new Approve(APPROVER))
                    .expectException(conflict("DISBURSEMENT_NOT_PENDING"))
                    .expectNoEvents();
        }

        @Test
        void aRejectionOfAnApprovedPayment() {
            fixture.given(requested(null), approved(null))
                    .when(new Reject(REASON, APPROVER))
                    .expectException(conflict("DISBURSEMENT_NOT_PENDING"))
                    .expectNoEvents();
        }

        @Test
        void aReversalOfARequest() {
            fixture.given(requested(null))
                    .when(new Reverse(REASON, APPROVER))
                    .expectException(conflict("DISBURSEMENT_NOT_APPROVED"))
                    .expectNoEvents();
        }

        @Test
        void aSecondReversal() {
            fixture.given(requested(null), approved(null), new DisbursementReversedEvent(DISBURSEMENT, PROJECT,
                            PayeeKind.HOUSEHOLD, "510824100001", CARD, 300_000L, FROM_FUNDS, "重复享受", "approver"))
                    .when(new Reverse(REASON, APPROVER))
                    .expectException(conflict("DISBURSEMENT_NOT_APPROVED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class FailsLoudlyOnAProgrammingError {

        @Test
        void aStoredRequestWhoseLinesDoNotAddUpToItsAmount() {
            fixture.given(new DisbursementRequestedEvent(DISBURSEMENT, PROJECT, PayeeKind.HOUSEHOLD, "510824100001",
                            "510824100", CARD, 300_000L, List.of(new BudgetLine("FUND-510824-2016-CENTRAL", 290_000L)),
                            "苍扶拨〔2016〕1号", null, "clerk"))
                    .when(new Approve(APPROVER))
                    .expectException(failingOnHistory(allOf(containsString("disbursement " + DISBURSEMENT),
                            containsString("sequence 0"), containsString("amountFen = 300000"),
                            containsString("give 290000 fen"))))
                    .expectNoEvents();
        }

        @Test
        void aBatchApprovalOfAnItemOfAnotherBatch() {
            fixture.given(requested(BATCH))
                    .when(new ApproveInBatch("GB-2016-0002", APPROVER))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void aBatchApprovalOfAnItemApprovedAlready() {
            fixture.given(requested(BATCH), approved(BATCH))
                    .when(new ApproveInBatch(BATCH, APPROVER))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }
    }
}
