package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.disclosure.NoticeSamples;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import cn.fupin.ledger.shared.disclosure.FileObjectionCommand;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeSupersededEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionId;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.disclosure.ResolveObjectionCommand;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantReleasedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.disbursement.PaymentLedger.APPROVER;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANT_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.LI;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.NOW;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ROAD;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.WANG;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ZHAO;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.approval;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.batch;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.grant;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.roadPayment;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.AUDITOR;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.grantList;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.projectPlan;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publicity before payment, across aggregates in one unit of work: a payment is not approved while a notice that lists
 * it, its project or its batch is in its period, or has an unresolved objection on one of them, or had one upheld and
 * is not corrected; it is approved once the period ended (by the ledger's clock) and objections are dismissed. Every
 * notice here is published at {@link PaymentLedger#NOW} (10:00 on 4 May 2016 in Cangxi) for ten days: its period ends
 * at midnight after 14 May, China Standard Time.
 */
class PublicityHoldTest {

    static final String PAYMENT = "DSB-2016-0101";
    static final String OTHER_PAYMENT = "DSB-2016-0102";
    static final String GRANT = "DSB-2016-0103";
    static final String OTHER_GRANT = "DSB-2016-0104";
    static final String NOTICE = "NTC-2016-0101";
    static final String CORRECTION = "NTC-2016-0102";
    static final String OTHER_NOTICE = "NTC-2016-0103";
    static final Instant PERIOD_ENDS_AT = Instant.parse("2016-05-14T16:00:00Z");

    PaymentLedger ledger;

    @BeforeEach
    void ledger() {
        ledger = PaymentLedger.withApprovedProjects();
        ledger.send(roadPayment(PAYMENT, 100_000L, "苍扶拨〔2016〕101号"));
        ledger.send(roadPayment(OTHER_PAYMENT, 100_000L, "苍扶拨〔2016〕102号"));
        ledger.send(grant(GRANT, WANG, GRANT_FEN, "苍扶拨〔2016〕103号"));
        ledger.send(grant(OTHER_GRANT, LI, GRANT_FEN, "苍扶拨〔2016〕104号"));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    void publishListing(String noticeId, String... items) {
        ledger.send(publish(noticeId, grantList(items), PaymentLedger.PERIOD_DAYS));
    }

    void afterThePeriod() {
        ledger.clock().set(PERIOD_ENDS_AT);
    }

    void object(String objectionId, String item) {
        ledger.send(new FileObjectionCommand(new NoticeId(NOTICE), new ObjectionId(objectionId), item,
                "该户不符合条件", null));
    }

    void resolve(String objectionId, ObjectionResolution outcome) {
        ledger.send(new ResolveObjectionCommand(new NoticeId(NOTICE), new ObjectionId(objectionId), outcome,
                "经村民代表会议核实", AUDITOR));
    }

    DisbursementStatus statusOf(String disbursementId) {
        return ledger.read(Disbursement.class, disbursementId, Disbursement::status);
    }

    @Nested
    class DuringThePeriod {

        @Test
        void aPaymentListedByANoticeInItsPeriodIsNotApprovedAndNothingIsRecorded() {
            publishListing(NOTICE, PAYMENT);

            ledger.refusedLeavingNothing(approval(PAYMENT), RefusalKind.CONFLICT, "DISCLOSURE_PERIOD_OPEN");
            assertThat(statusOf(PAYMENT)).isEqualTo(DisbursementStatus.REQUESTED);
        }

        @Test
        void aNoticeOfTheProjectHoldsEveryPaymentOfIt() {
            ledger.send(publish(NOTICE, projectPlan(ROAD), PaymentLedger.PERIOD_DAYS));

            ledger.refusedLeavingNothing(approval(PAYMENT), RefusalKind.CONFLICT, "DISCLOSURE_PERIOD_OPEN");
            ledger.refusedLeavingNothing(approval(OTHER_PAYMENT), RefusalKind.CONFLICT, "DISCLOSURE_PERIOD_OPEN");
        }

        @Test
        void theLastMinuteOfTheLastDayStillHoldsThePayment() {
            publishListing(NOTICE, PAYMENT);
            ledger.clock().set(PERIOD_ENDS_AT.minusSeconds(60));

            ledger.refusedLeavingNothing(approval(PAYMENT), RefusalKind.CONFLICT, "DISCLOSURE_PERIOD_OPEN");
        }

        @Test
        void aPaymentNoNoticeListsIsNotPaidEvenOnceAnotherNoticesPeriodIsOver() {
            publishListing(NOTICE, OTHER_GRANT);

            ledger.refusedLeavingNothing(approval(GRANT), RefusalKind.CONFLICT, "NOT_DISCLOSED");
            afterThePeriod();
            ledger.refusedLeavingNothing(approval(GRANT), RefusalKind.CONFLICT, "NOT_DISCLOSED");
            ledger.send(approval(OTHER_GRANT));
            assertThat(statusOf(GRANT)).isEqualTo(DisbursementStatus.REQUESTED);
            assertThat(statusOf(OTHER_GRANT)).isEqualTo(DisbursementStatus.APPROVED);
        }

        @Test
        void aVillagePaymentIsPublicOnItsProjectsPlanButAHouseholdsGrantOnlyOnAGrantList() {
            ledger.send(publish(NOTICE, projectPlan(ROAD), PaymentLedger.PERIOD_DAYS));
            ledger.send(publish(CORRECTION, projectPlan(PaymentLedger.GRANTS), PaymentLedger.PERIOD_DAYS));
            afterThePeriod();

            ledger.send(approval(PAYMENT));
            assertThat(statusOf(PAYMENT)).isEqualTo(DisbursementStatus.APPROVED);
            // The household project's plan does not name the household: its grant waits for the village's grant list.
            ledger.refusedLeavingNothing(approval(GRANT), RefusalKind.CONFLICT, "NOT_DISCLOSED");
        }
    }

    @Nested
    class AfterThePeriod {

        @Test
        void thePaymentIsApprovedOnceThePeriodHasEndedByTheLedgersClock() {
            publishListing(NOTICE, GRANT);
            afterThePeriod();

            ledger.send(approval(GRANT));

            assertThat(statusOf(GRANT)).isEqualTo(DisbursementStatus.APPROVED);
        }

        @Test
        void anUnresolvedObjectionHoldsThePaymentAfterThePeriodUntilItIsDismissed() {
            publishListing(NOTICE, GRANT);
            object("OBJ-1", GRANT);
            afterThePeriod();

            ledger.refusedLeavingNothing(approval(GRANT), RefusalKind.CONFLICT, "OBJECTION_PENDING");
            resolve("OBJ-1", ObjectionResolution.DISMISSED);
            ledger.send(approval(GRANT));

            assertThat(statusOf(GRANT)).isEqualTo(DisbursementStatus.APPROVED);
        }

        @Test
        void anObjectionToTheProjectHoldsEveryPaymentOfIt() {
            ledger.send(publish(NOTICE, projectPlan(ROAD), PaymentLedger.PERIOD_DAYS));
            object("OBJ-1", ROAD);
            afterThePeriod();

            ledger.refusedLeavingNothing(approval(PAYMENT), RefusalKind.CONFLICT, "OBJECTION_PENDING");
            ledger.refusedLeavingNothing(approval(OTHER_PAYMENT), RefusalKind.CONFLICT, "OBJECTION_PENDING");
        }

        @Test
        void anObjectionToAnotherItemOfTheNoticeDoesNotHoldThisPayment() {
            publishListing(NOTICE, GRANT, OTHER_GRANT);
            object("OBJ-1", OTHER_GRANT);
            afterThePeriod();

            ledger.send(approval(GRANT));

            assertThat(statusOf(GRANT)).isEqualTo(DisbursementStatus.APPROVED);
            ledger.refusedLeavingNothing(approval(OTHER_GRANT), RefusalKind.CONFLICT, "OBJECTION_PENDING");
        }
    }

    @Nested
    class UpheldObjections {

        @Test
        void anUpheldObjectionRejectsTheRequestedPaymentInTheSameUnitOfWork() {
            publishListing(NOTICE, GRANT);
            object("OBJ-1", GRANT);
            int before = ledger.allEvents().size();

            resolve("OBJ-1", ObjectionResolution.UPHELD);

            List<Object> events = ledger.eventsSince(before);
            assertThat(events).extracting(Object::getClass).containsExactly(ObjectionResolvedEvent.class,
                    ProjectPaymentSettledEvent.class, HouseholdStartupGrantReleasedEvent.class,
                    DisbursementRejectedEvent.class);
            assertThat(events.get(0)).isEqualTo(new ObjectionResolvedEvent(NOTICE, "OBJ-1", GRANT,
                    ObjectionResolution.UPHELD, "经村民代表会议核实", "auditor", true));
            assertThat(events.get(3)).isEqualTo(new DisbursementRejectedEvent(GRANT, GRANTS, WANG, null,
                    "异议成立：经村民代表会议核实", "auditor"));
            assertThat(statusOf(GRANT)).isEqualTo(DisbursementStatus.REJECTED);
        }

        @Test
        void anUpheldObjectionToTheProjectHoldsItsPaymentsUntilACorrectionHasBeenPublic() {
            ledger.send(publish(NOTICE, projectPlan(ROAD), PaymentLedger.PERIOD_DAYS));
            object("OBJ-1", ROAD);
            resolve("OBJ-1", ObjectionResolution.UPHELD);
            afterThePeriod();
            ledger.refusedLeavingNothing(approval(PAYMENT), RefusalKind.CONFLICT, "CORRECTION_DUE");

            ledger.send(publish(CORRECTION, NoticeSamples.correcting(projectPlan(ROAD), NOTICE, "补充项目建设内容"),
                    PaymentLedger.PERIOD_DAYS));
            ledger.refusedLeavingNothing(approval(PAYMENT), RefusalKind.CONFLICT, "DISCLOSURE_PERIOD_OPEN");

            ledger.clock().advance(Duration.ofDays(PaymentLedger.PERIOD_DAYS + 1));
            ledger.send(approval(PAYMENT));
            assertThat(statusOf(PAYMENT)).isEqualTo(DisbursementStatus.APPROVED);
        }
    }

    @Nested
    class Corrections {

        @Test
        void aCorrectionIsPublishedAndSupersedesTheNoticeItCorrectsInOneUnitOfWork() {
            publishListing(NOTICE, PAYMENT, OTHER_PAYMENT);
            int before = ledger.allEvents().size();

            ledger.send(publish(CORRECTION, NoticeSamples.correcting(grantList(PAYMENT), NOTICE, "删除重复项"),
                    PaymentLedger.PERIOD_DAYS));

            List<Object> events = ledger.eventsSince(before);
            assertThat(events).hasSize(2);
            NoticePublishedEvent published = (NoticePublishedEvent) events.get(0);
            assertThat(published.noticeId()).isEqualTo(CORRECTION);
            assertThat(published.supersedes()).isEqualTo(NOTICE);
            assertThat(published.content().correctionReason()).isEqualTo("删除重复项");
            assertThat(events.get(1)).isEqualTo(new NoticeSupersededEvent(NOTICE, CORRECTION, "删除重复项"));
            assertThat(ledger.noticeItems()).isEqualTo(Map.of(PAYMENT, List.of(NOTICE, CORRECTION),
                    OTHER_PAYMENT, List.of(NOTICE)));
        }

        @Test
        void aSupersededNoticesPeriodGivesWayToItsCorrectionsButItsObjectionsStillHold() {
            publishListing(NOTICE, PAYMENT, OTHER_PAYMENT);
            object("OBJ-1", OTHER_PAYMENT);
            ledger.clock().advance(Duration.ofDays(5));
            ledger.send(publish(CORRECTION, NoticeSamples.correcting(grantList(OTHER_PAYMENT), NOTICE, "删除一项"),
                    PaymentLedger.PERIOD_DAYS));

            // No notice in its period lists PAYMENT: its notice was superseded, and the correction dropped it; so
            // nothing has made it public either.
            ledger.refusedLeavingNothing(approval(PAYMENT), RefusalKind.CONFLICT, "NOT_DISCLOSED");
            ledger.clock().advance(Duration.ofDays(PaymentLedger.PERIOD_DAYS + 1));
            ledger.refusedLeavingNothing(approval(OTHER_PAYMENT), RefusalKind.CONFLICT, "OBJECTION_PENDING");
        }

        @Test
        void aRefusedPublicationLeavesNoEventAndNoIndexRow() {
            ledger.refusedLeavingNothing(publish(NOTICE, grantList(PAYMENT, "DSB-2016-9999"),
                    PaymentLedger.PERIOD_DAYS), RefusalKind.INVALID, "NOTICE_INVALID");
            ledger.refusedLeavingNothing(publish(NOTICE, grantList(PAYMENT), PaymentLedger.PERIOD_DAYS - 1),
                    RefusalKind.INVALID, "NOTICE_INVALID");
        }
    }

    @Nested
    class GrantBatches {

        static final String BATCH = "GB-2016-0101";
        final String item0 = GrantBatchSubmitter.itemId(BATCH, 0);
        final String item1 = GrantBatchSubmitter.itemId(BATCH, 1);

        @BeforeEach
        void batch() {
            // LI's grant requested on its own is rejected first: a household has one start-up grant at a time.
            ledger.send(new RejectDisbursementCommand(new DisbursementId(OTHER_GRANT), "改为批次申请", APPROVER));
            ledger.send(PaymentLedger.batch(BATCH, "苍扶拨〔2016〕110号", GRANT_FEN, LI, ZHAO));
        }

        ApproveGrantBatchCommand batchApproval() {
            return new ApproveGrantBatchCommand(new GrantBatchId(BATCH), APPROVER);
        }

        /** The grant lists of the batch: LI's in 金穗社区 (NOTICE), ZHAO's in 江南社区. */
        void publishGrantLists() {
            publishListing(NOTICE, item0);
            ledger.send(publish(OTHER_NOTICE, NoticeSamples.grantListAt(PaymentLedger.JIANGNAN, "江南社区", item1),
                    PaymentLedger.PERIOD_DAYS));
        }

        @Test
        void aBatchIsNotApprovedWhileTheGrantListOfItsItemsIsInItsPeriodAndIsOnceItEnded() {
            publishGrantLists();
            ledger.refusedLeavingNothing(batchApproval(), RefusalKind.CONFLICT, "DISCLOSURE_PERIOD_OPEN");

            afterThePeriod();
            ledger.send(batchApproval());

            assertThat(statusOf(item0)).isEqualTo(DisbursementStatus.APPROVED);
            assertThat(statusOf(item1)).isEqualTo(DisbursementStatus.APPROVED);
        }

        @Test
        void anObjectionToOneItemHoldsTheWholeBatch() {
            publishGrantLists();
            object("OBJ-1", item0);
            afterThePeriod();

            ledger.refusedLeavingNothing(batchApproval(), RefusalKind.CONFLICT, "OBJECTION_PENDING");
        }

        @Test
        void anItemRejectedOnItsOwnNoLongerHoldsTheRestOfTheBatch() {
            publishGrantLists();
            object("OBJ-1", item0);
            afterThePeriod();
            ledger.send(new RejectDisbursementCommand(new DisbursementId(item0), "户主已迁出", APPROVER));

            GrantBatchApprover.Approved approved = ledger.send(batchApproval());

            assertThat(approved.items()).isEqualTo(1);
            assertThat(statusOf(item1)).isEqualTo(DisbursementStatus.APPROVED);
        }
    }

    @Test
    void theHoldComparesWithTheClockAtTheMomentOfApprovalNotWithAnythingRecordedBefore() {
        publishListing(NOTICE, GRANT);
        assertThat(ledger.clock().instant()).isEqualTo(NOW);
        ledger.refusedLeavingNothing(approval(GRANT), RefusalKind.CONFLICT, "DISCLOSURE_PERIOD_OPEN");
        // No NoticePeriodEndedEvent is recorded here (no deadline runs in this ledger): the clock alone decides.
        afterThePeriod();
        ledger.send(approval(GRANT));
        assertThat(statusOf(GRANT)).isEqualTo(DisbursementStatus.APPROVED);
    }
}
