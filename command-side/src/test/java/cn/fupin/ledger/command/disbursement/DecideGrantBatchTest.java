package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.household.Household;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.GrantBatchApprovedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disbursement.GrantBatchRejectedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.RejectGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.ReverseDisbursementCommand;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantReleasedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.disbursement.PaymentLedger.APPROVER;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CENTRAL;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CLERK;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CLERK2;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.COUNTY;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS_CENTRAL_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS_COUNTY_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANT_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.JINSUI;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.LI;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.WANG;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ZHAO;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.batch;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.grant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DecideGrantBatchTest {

    static final String BATCH = "GB-2016-0001";
    static final String VOUCHER = "苍扶拨〔2016〕10号";
    static final String REASON = "名单未经公示";
    static final String ITEM_0 = GrantBatchSubmitter.itemId(BATCH, 0);
    static final String ITEM_1 = GrantBatchSubmitter.itemId(BATCH, 1);
    static final String ITEM_2 = GrantBatchSubmitter.itemId(BATCH, 2);

    PaymentLedger ledger;

    @BeforeEach
    void ledger() {
        ledger = PaymentLedger.withApprovedProjects();
        ledger.send(batch(BATCH, VOUCHER, GRANT_FEN, WANG, LI, ZHAO));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    static ApproveGrantBatchCommand approval() {
        return new ApproveGrantBatchCommand(new GrantBatchId(BATCH), APPROVER);
    }

    static RejectGrantBatchCommand rejection(String reason) {
        return new RejectGrantBatchCommand(new GrantBatchId(BATCH), reason, APPROVER);
    }

    DisbursementStatus statusOf(String disbursementId) {
        return ledger.read(Disbursement.class, disbursementId, Disbursement::status);
    }

    @Nested
    class Approval {

        @Test
        void approvesAndPaysEveryItemTogether() {
            ledger.disclose(BATCH);
            int before = ledger.allEvents().size();

            GrantBatchApprover.Approved approved = ledger.send(approval());

            assertThat(approved).isEqualTo(new GrantBatchApprover.Approved(BATCH, 3, 3 * GRANT_FEN));
            List<Object> events = ledger.eventsSince(before);
            assertThat(events).extracting(Object::getClass).containsExactly(
                    FundsDisbursedEvent.class, ProjectPaymentSettledEvent.class, DisbursementApprovedEvent.class,
                    FundsDisbursedEvent.class, ProjectPaymentSettledEvent.class, DisbursementApprovedEvent.class,
                    FundsDisbursedEvent.class, ProjectPaymentSettledEvent.class, DisbursementApprovedEvent.class,
                    GrantBatchApprovedEvent.class);
            assertThat(events.get(2)).isEqualTo(new DisbursementApprovedEvent(ITEM_0, GRANTS, PayeeKind.HOUSEHOLD,
                    JINSUI, WANG, GRANT_FEN, List.of(new BudgetLine(CENTRAL, GRANT_FEN)), BATCH, "approver"));
            assertThat(events.get(9)).isEqualTo(new GrantBatchApprovedEvent(BATCH, GRANTS, 3 * GRANT_FEN, 3,
                    "approver"));
            assertThat(ledger.disbursedFen(CENTRAL)).isEqualTo(2 * GRANT_FEN);
            assertThat(ledger.disbursedFen(COUNTY)).isEqualTo(GRANT_FEN);
            assertThat(ledger.leftToPayFen(GRANTS)).isEqualTo(GRANTS_CENTRAL_FEN + GRANTS_COUNTY_FEN - 3 * GRANT_FEN);
        }

        @Test
        void approvesTheItemsLeftOnceOneWasRejectedOnItsOwn() {
            ledger.send(new RejectDisbursementCommand(new DisbursementId(ITEM_1), "户主已迁出", APPROVER));

            ledger.disclose(BATCH);

            GrantBatchApprover.Approved approved = ledger.send(approval());

            assertThat(approved).isEqualTo(new GrantBatchApprover.Approved(BATCH, 2, 2 * GRANT_FEN));
            assertThat(statusOf(ITEM_0)).isEqualTo(DisbursementStatus.APPROVED);
            assertThat(statusOf(ITEM_1)).isEqualTo(DisbursementStatus.REJECTED);
            assertThat(statusOf(ITEM_2)).isEqualTo(DisbursementStatus.APPROVED);
        }

        @Test
        void anItemOfAnApprovedBatchIsReversedOnItsOwn() {
            ledger.disclose(BATCH);
            ledger.send(approval());

            ledger.send(new ReverseDisbursementCommand(new DisbursementId(ITEM_2),
                    "重复享受", APPROVER));

            assertThat(statusOf(ITEM_2)).isEqualTo(DisbursementStatus.REVERSED);
            assertThat(ledger.disbursedFen(COUNTY)).isZero();
        }

        @Test
        void refusesABatchNobodySubmitted() {
            ledger.refusedLeavingNothing(new ApproveGrantBatchCommand(new GrantBatchId("GB-2016-0404"), APPROVER),
                    RefusalKind.NOT_FOUND, "GRANT_BATCH_NOT_FOUND");
        }

        @Test
        void refusesTheRequesterApprovingTheirOwnBatch() {
            ledger.refusedLeavingNothing(new ApproveGrantBatchCommand(new GrantBatchId(BATCH), CLERK),
                    RefusalKind.CONFLICT, "SAME_REQUESTER_AND_APPROVER");
        }

        @Test
        void anotherClerkMayApprove() {
            ledger.disclose(BATCH);
            ledger.send(new ApproveGrantBatchCommand(new GrantBatchId(BATCH), CLERK2));

            assertThat(ledger.events(BATCH)).last().extracting("approvedBy").isEqualTo("clerk2");
        }

        @Test
        void refusesABatchApprovedAlready() {
            ledger.disclose(BATCH);
            ledger.send(approval());

            ledger.refusedLeavingNothing(approval(), RefusalKind.CONFLICT, "BATCH_NOT_PENDING");
        }

        @Test
        void refusesABatchWhoseItemsWereAllRejectedOneByOne() {
            for (String item : List.of(ITEM_0, ITEM_1, ITEM_2)) {
                ledger.send(new RejectDisbursementCommand(new DisbursementId(item), "名单有误", APPROVER));
            }

            ledger.refusedLeavingNothing(approval(), RefusalKind.CONFLICT, "BATCH_NOT_PENDING");
        }

        @Test
        void refusesARejectedBatch() {
            ledger.send(rejection(REASON));

            ledger.refusedLeavingNothing(approval(), RefusalKind.CONFLICT, "BATCH_NOT_PENDING");
        }

        @Test
        void refusesABatchOfAProjectCompletedSince() {
            ledger.send(new StartProjectCommand(new ProjectId(GRANTS), CLERK));
            ledger.send(new CompleteProjectCommand(new ProjectId(GRANTS), null, CLERK));

            ledger.refusedLeavingNothing(approval(), RefusalKind.CONFLICT, "PROJECT_NOT_PAYABLE");
        }
    }

    @Nested
    class Rejection {

        @Test
        void rejectsEveryItemAndReleasesEveryHouseholdsClaim() {
            int before = ledger.allEvents().size();

            GrantBatchRejecter.Rejected rejected = ledger.send(rejection(" " + REASON));

            assertThat(rejected).isEqualTo(new GrantBatchRejecter.Rejected(BATCH, 3));
            List<Object> events = ledger.eventsSince(before);
            assertThat(events).extracting(Object::getClass).containsExactly(
                    ProjectPaymentSettledEvent.class, HouseholdStartupGrantReleasedEvent.class,
                    DisbursementRejectedEvent.class,
                    ProjectPaymentSettledEvent.class, HouseholdStartupGrantReleasedEvent.class,
                    DisbursementRejectedEvent.class,
                    ProjectPaymentSettledEvent.class, HouseholdStartupGrantReleasedEvent.class,
                    DisbursementRejectedEvent.class,
                    GrantBatchRejectedEvent.class);
            assertThat(events.get(2)).isEqualTo(new DisbursementRejectedEvent(ITEM_0, GRANTS, WANG, BATCH, REASON,
                    "approver"));
            assertThat(events.get(9)).isEqualTo(new GrantBatchRejectedEvent(BATCH, GRANTS, REASON, "approver"));
            assertThat(ledger.leftToPayFen(GRANTS)).isEqualTo(GRANTS_CENTRAL_FEN + GRANTS_COUNTY_FEN);
        }

        @Test
        void theHouseholdsOfARejectedBatchMayBeGrantedAgain() {
            ledger.send(rejection(REASON));

            ledger.send(grant("DSB-2016-0001", LI, GRANT_FEN, "苍扶拨〔2016〕1号"));

            assertThat(ledger.read(Household.class, HouseholdCardNo.streamIdOf(LI), Household::startupGrant)).isEqualTo("DSB-2016-0001");
        }

        @Test
        void rejectsOnlyTheItemsStillRequested() {
            ledger.send(new RejectDisbursementCommand(new DisbursementId(ITEM_0), "户主已迁出", APPROVER));

            GrantBatchRejecter.Rejected rejected = ledger.send(rejection(REASON));

            assertThat(rejected.items()).isEqualTo(2);
        }

        @Test
        void refusesWithoutAReason() {
            Refusal refusal = ledger.refusedLeavingNothing(rejection(null), RefusalKind.INVALID, "REASON_REQUIRED");

            assertThat(refusal.problems()).extracting(FieldProblem::field).containsExactly("reason");
        }

        @Test
        void refusesABatchNobodySubmitted() {
            ledger.refusedLeavingNothing(new RejectGrantBatchCommand(new GrantBatchId("GB-2016-0404"), REASON,
                    APPROVER), RefusalKind.NOT_FOUND, "GRANT_BATCH_NOT_FOUND");
        }

        @Test
        void refusesAnApprovedBatch() {
            ledger.disclose(BATCH);
            ledger.send(approval());

            ledger.refusedLeavingNothing(rejection(REASON), RefusalKind.CONFLICT, "BATCH_NOT_PENDING");
        }
    }
}
