package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.ApproveDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disbursement.GrantItem;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.SubmitGrantBatchCommand;
import cn.fupin.ledger.shared.disclosure.FileObjectionCommand;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.ObjectionId;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ResolveObjectionCommand;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProposeProjectCommand;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.disbursement.PaymentLedger.APPROVER;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CENTRAL;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CLERK;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANT_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.JINSUI;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.LI;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.PERIOD_DAYS;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.WANG;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ZHAO;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.grant;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.grantList;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.projectPlan;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What an approval checks again at the moment it pays, beyond what the request checked: the officer who resolved an
 * objection holding the payment is not the one who approves it (four eyes, SAME_RESOLVER_AND_APPROVER), and a
 * household that has exited since its grant was requested is not paid (HOUSEHOLD_NOT_ELIGIBLE; a batch is refused
 * whole, naming the item). And at request: no grant above the project's subsidy standard (ABOVE_SUBSIDY_STANDARD).
 */
class ApprovalRechecksTest {

    static final String GRANT = "DSB-2016-0301";
    static final String BATCH = "GB-2016-0301";
    static final String NOTICE = "NTC-2016-0301";
    static final String PLAN = "NTC-2016-0302";
    static final Actor APPROVER2 = Actor.of("approver2", "APPROVER");

    PaymentLedger ledger;

    @BeforeEach
    void ledger() {
        ledger = PaymentLedger.withApprovedProjects();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    DisbursementStatus statusOf(String disbursementId) {
        return ledger.read(Disbursement.class, disbursementId, Disbursement::status);
    }

    void objectAndResolve(String noticeId, String objectionId, String item, ObjectionResolution outcome,
                          Actor officer) {
        ledger.send(new FileObjectionCommand(new NoticeId(noticeId), new ObjectionId(objectionId), item,
                "该户家庭收入已超过标准", null));
        ledger.send(new ResolveObjectionCommand(new NoticeId(noticeId), new ObjectionId(objectionId), outcome,
                "经入户核实，异议不成立", officer));
    }

    void afterThePeriod() {
        ledger.clock().advance(Duration.ofDays(PERIOD_DAYS + 1L));
    }

    @Nested
    class TheResolverIsNotTheApprover {

        @Test
        void anApproverWhoDismissedAnObjectionToTheGrantDoesNotApproveIt() {
            ledger.send(grant(GRANT, WANG, GRANT_FEN, "苍扶拨〔2016〕301号"));
            ledger.send(publish(NOTICE, grantList(GRANT), PERIOD_DAYS));
            objectAndResolve(NOTICE, "OBJ-1", GRANT, ObjectionResolution.DISMISSED, APPROVER);
            afterThePeriod();

            ledger.refusedLeavingNothing(new ApproveDisbursementCommand(new DisbursementId(GRANT), APPROVER),
                    RefusalKind.CONFLICT, "SAME_RESOLVER_AND_APPROVER");
            ledger.send(new ApproveDisbursementCommand(new DisbursementId(GRANT), APPROVER2));

            assertThat(statusOf(GRANT)).isEqualTo(DisbursementStatus.APPROVED);
        }

        @Test
        void anObjectionToTheProjectResolvedByTheApproverCountsForEveryPaymentOfIt() {
            ledger.send(grant(GRANT, WANG, GRANT_FEN, "苍扶拨〔2016〕301号"));
            ledger.send(publish(NOTICE, grantList(GRANT), PERIOD_DAYS));
            ledger.send(publish(PLAN, projectPlan(GRANTS), PERIOD_DAYS));
            objectAndResolve(PLAN, "OBJ-1", GRANTS, ObjectionResolution.DISMISSED, APPROVER);
            afterThePeriod();

            ledger.refusedLeavingNothing(new ApproveDisbursementCommand(new DisbursementId(GRANT), APPROVER),
                    RefusalKind.CONFLICT, "SAME_RESOLVER_AND_APPROVER");
        }

        @Test
        void anApproverWhoResolvedAnObjectionToOneItemDoesNotApproveTheBatch() {
            ledger.send(PaymentLedger.batch(BATCH, "苍扶拨〔2016〕310号", GRANT_FEN, LI, WANG));
            String item0 = GrantBatchSubmitter.itemId(BATCH, 0);
            String item1 = GrantBatchSubmitter.itemId(BATCH, 1);
            ledger.send(publish(NOTICE, grantList(item0, item1), PERIOD_DAYS));
            objectAndResolve(NOTICE, "OBJ-1", item1, ObjectionResolution.DISMISSED, APPROVER);
            afterThePeriod();

            ledger.refusedLeavingNothing(new ApproveGrantBatchCommand(new GrantBatchId(BATCH), APPROVER),
                    RefusalKind.CONFLICT, "SAME_RESOLVER_AND_APPROVER");
            ledger.send(new ApproveGrantBatchCommand(new GrantBatchId(BATCH), APPROVER2));

            assertThat(statusOf(item0)).isEqualTo(DisbursementStatus.APPROVED);
            assertThat(statusOf(item1)).isEqualTo(DisbursementStatus.APPROVED);
        }

        @Test
        void anObjectionResolvedByTheApproverOnAnotherItemOfTheNoticeDoesNotCount() {
            ledger.send(grant(GRANT, WANG, GRANT_FEN, "苍扶拨〔2016〕301号"));
            ledger.send(grant("DSB-2016-0302", LI, GRANT_FEN, "苍扶拨〔2016〕302号"));
            ledger.send(publish(NOTICE, grantList(GRANT, "DSB-2016-0302"), PERIOD_DAYS));
            objectAndResolve(NOTICE, "OBJ-1", "DSB-2016-0302", ObjectionResolution.DISMISSED, APPROVER);
            afterThePeriod();

            ledger.send(new ApproveDisbursementCommand(new DisbursementId(GRANT), APPROVER));

            assertThat(statusOf(GRANT)).isEqualTo(DisbursementStatus.APPROVED);
        }
    }

    @Nested
    class AHouseholdThatExitedSinceItsRequest {

        @Test
        void isNotPaidItsGrant() {
            ledger.send(grant(GRANT, WANG, GRANT_FEN, "苍扶拨〔2016〕301号"));
            ledger.disclose(GRANT);
            ledger.exit(WANG);

            ledger.refusedLeavingNothing(new ApproveDisbursementCommand(new DisbursementId(GRANT), APPROVER),
                    RefusalKind.CONFLICT, "HOUSEHOLD_NOT_ELIGIBLE");
            ledger.send(new RejectDisbursementCommand(new DisbursementId(GRANT), "已脱贫退出", APPROVER));
            assertThat(statusOf(GRANT)).isEqualTo(DisbursementStatus.REJECTED);
        }

        @Test
        void makesTheWholeBatchRefusedNamingItsItemUntilThatItemIsRejectedOnItsOwn() {
            ledger.send(PaymentLedger.batch(BATCH, "苍扶拨〔2016〕310号", GRANT_FEN, LI, ZHAO, WANG));
            String item0 = GrantBatchSubmitter.itemId(BATCH, 0);
            String item1 = GrantBatchSubmitter.itemId(BATCH, 1);
            String item2 = GrantBatchSubmitter.itemId(BATCH, 2);
            ledger.disclose(BATCH);
            ledger.exit(ZHAO);

            Refusal refusal = ledger.refusedLeavingNothing(new ApproveGrantBatchCommand(new GrantBatchId(BATCH),
                    APPROVER), RefusalKind.CONFLICT, "HOUSEHOLD_NOT_ELIGIBLE");
            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("items[1].cardNo", "HOUSEHOLD_NOT_ELIGIBLE"));

            ledger.send(new RejectDisbursementCommand(new DisbursementId(item1), "已脱贫退出", APPROVER));
            GrantBatchApprover.Approved approved = ledger.send(new ApproveGrantBatchCommand(new GrantBatchId(BATCH),
                    APPROVER));
            assertThat(approved.items()).isEqualTo(2);
            assertThat(List.of(statusOf(item0), statusOf(item1), statusOf(item2))).containsExactly(
                    DisbursementStatus.APPROVED, DisbursementStatus.REJECTED, DisbursementStatus.APPROVED);
        }
    }

    @Nested
    class AGrantAboveTheProjectsSubsidyStandard {

        static final String STANDARD = "PRJ-2016-0003";

        @BeforeEach
        void aProjectWithAStandardOf3500Yuan() {
            ledger.send(new ProposeProjectCommand(new ProjectId(STANDARD), "金穗社区到户养殖", "INDUSTRY",
                    new VillageCode(JINSUI), Beneficiary.HOUSEHOLDS, List.of(new BudgetLine(CENTRAL, 2_000_000L)),
                    "金穗社区居委会", "陵江镇人民政府", LocalDate.of(2016, 3, 1), LocalDate.of(2016, 10, 31), 4, 12,
                    null, null, null, 350_000L, null, null, null, CLERK));
            ledger.send(new ApproveProjectCommand(new ProjectId(STANDARD), "苍农工委〔2016〕9号", APPROVER));
        }

        static SubmitGrantBatchCommand batchOf(GrantItem... items) {
            return new SubmitGrantBatchCommand(new GrantBatchId(BATCH), new ProjectId(STANDARD), "苍扶拨〔2016〕320号",
                    List.of(items), CLERK);
        }

        @Test
        void isRefusedWhenRequestedOnItsOwnAndOneAtTheStandardIsNot() {
            ledger.refusedLeavingNothing(PaymentLedger.grantOf(STANDARD, GRANT, WANG, 350_001L, "苍扶拨〔2016〕301号"),
                    RefusalKind.CONFLICT, "ABOVE_SUBSIDY_STANDARD");

            ledger.send(PaymentLedger.grantOf(STANDARD, GRANT, WANG, 350_000L, "苍扶拨〔2016〕301号"));

            assertThat(statusOf(GRANT)).isEqualTo(DisbursementStatus.REQUESTED);
        }

        @Test
        void makesItsBatchRefusedWholeNamingEveryItemAboveIt() {
            Refusal refusal = ledger.refusedLeavingNothing(batchOf(new GrantItem(LI, 350_000L),
                    new GrantItem(ZHAO, 400_000L), new GrantItem(WANG, 350_100L)), RefusalKind.CONFLICT,
                    "GRANT_BATCH_REFUSED");

            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                    tuple("items[1].amountFen", "ABOVE_SUBSIDY_STANDARD"),
                    tuple("items[2].amountFen", "ABOVE_SUBSIDY_STANDARD"));
        }

        @Test
        void isNoConcernOfAProjectWithoutOne() {
            ledger.send(grant(GRANT, WANG, 1_000_000L, "苍扶拨〔2016〕301号"));

            assertThat(statusOf(GRANT)).isEqualTo(DisbursementStatus.REQUESTED);
            assertThat(ledger.read(cn.fupin.ledger.command.project.Project.class, GRANTS,
                    cn.fupin.ledger.command.project.Project::subsidyStandardFen)).isNull();
        }
    }
}
