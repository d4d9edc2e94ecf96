package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ReverseDisbursementCommand;
import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantReleasedEvent;
import cn.fupin.ledger.shared.project.AcceptProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CancelProjectCommand;
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
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CENTRAL_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CLERK;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CLERK2;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.COUNTY;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.COUNTY_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS_CENTRAL_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS_COUNTY_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANT_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.JINSUI;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ROAD;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ROAD_CENTRAL_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ROAD_COUNTY_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.WANG;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.approval;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.grant;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.roadPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ReverseDisbursementTest {

    static final String FIRST = "DSB-2016-0001";
    static final String SECOND = "DSB-2016-0002";
    static final String VOUCHER = "苍扶拨〔2016〕1号";
    static final String REASON = "审计发现重复享受，冲销";
    static final long RESERVED_CENTRAL_FEN = ROAD_CENTRAL_FEN + GRANTS_CENTRAL_FEN;
    static final long RESERVED_COUNTY_FEN = ROAD_COUNTY_FEN + GRANTS_COUNTY_FEN;

    PaymentLedger ledger;

    @BeforeEach
    void ledger() {
        ledger = PaymentLedger.withApprovedProjects();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    static ReverseDisbursementCommand reversal(String disbursementId, String reason) {
        return new ReverseDisbursementCommand(new DisbursementId(disbursementId), reason, APPROVER);
    }

    @Test
    void reversingAGrantReturnsItToTheProjectsReservationAndReleasesTheHouseholdsClaim() {
        ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));
        ledger.disclose(FIRST);
        ledger.send(approval(FIRST));
        int before = ledger.allEvents().size();

        ledger.send(reversal(FIRST, REASON));

        List<BudgetLine> fromFunds = List.of(new BudgetLine(CENTRAL, GRANT_FEN));
        assertThat(ledger.eventsSince(before)).containsExactly(
                new FundDisbursementReversedEvent(CENTRAL, GRANTS, FIRST, GRANT_FEN, RESERVED_CENTRAL_FEN, 0L,
                        CENTRAL_FEN - RESERVED_CENTRAL_FEN),
                new ProjectPaymentSettledEvent(GRANTS, FIRST, "REVERSED", GRANT_FEN, fromFunds),
                new HouseholdStartupGrantReleasedEvent(WANG, FIRST, "REVERSED"),
                new DisbursementReversedEvent(FIRST, GRANTS, PayeeKind.HOUSEHOLD, JINSUI, WANG, GRANT_FEN, fromFunds,
                        REASON, "approver"));
        assertThat(ledger.reservedFor(CENTRAL, GRANTS)).isEqualTo(GRANTS_CENTRAL_FEN);
        assertThat(ledger.leftToPayFen(GRANTS)).isEqualTo(GRANTS_CENTRAL_FEN + GRANTS_COUNTY_FEN);
    }

    @Test
    void aReversedGrantCanBeGrantedAgain() {
        ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));
        ledger.disclose(FIRST);
        ledger.send(approval(FIRST));
        ledger.send(reversal(FIRST, REASON));

        ledger.send(grant(SECOND, WANG, 400_000L, "苍扶拨〔2016〕2号"));
        ledger.disclose(SECOND);
        ledger.send(approval(SECOND));

        assertThat(ledger.householdEvents(WANG)).contains(new HouseholdStartupGrantClaimedEvent(WANG, SECOND, GRANTS, 400_000L));
        assertThat(ledger.disbursedFen(CENTRAL)).isEqualTo(400_000L);
    }

    @Test
    void aBundledPaymentSplitOverTwoFundsIsReversedBackIntoBoth() {
        ledger.send(roadPayment(FIRST, 3_500_000L, VOUCHER));
        ledger.disclose(FIRST);
        ledger.send(approval(FIRST));
        assertThat(ledger.disbursedFen(CENTRAL)).isEqualTo(3_000_000L);
        assertThat(ledger.disbursedFen(COUNTY)).isEqualTo(500_000L);
        int before = ledger.allEvents().size();

        ledger.send(reversal(FIRST, REASON));

        List<BudgetLine> fromFunds = List.of(new BudgetLine(CENTRAL, 3_000_000L), new BudgetLine(COUNTY, 500_000L));
        assertThat(ledger.eventsSince(before)).containsExactly(
                new FundDisbursementReversedEvent(CENTRAL, ROAD, FIRST, 3_000_000L, RESERVED_CENTRAL_FEN, 0L,
                        CENTRAL_FEN - RESERVED_CENTRAL_FEN),
                new FundDisbursementReversedEvent(COUNTY, ROAD, FIRST, 500_000L, RESERVED_COUNTY_FEN, 0L,
                        COUNTY_FEN - RESERVED_COUNTY_FEN),
                new ProjectPaymentSettledEvent(ROAD, FIRST, "REVERSED", 3_500_000L, fromFunds),
                new DisbursementReversedEvent(FIRST, ROAD, PayeeKind.VILLAGE, JINSUI, null, 3_500_000L, fromFunds,
                        REASON, "approver"));
        assertThat(ledger.reservedFor(CENTRAL, ROAD)).isEqualTo(ROAD_CENTRAL_FEN);
        assertThat(ledger.reservedFor(COUNTY, ROAD)).isEqualTo(ROAD_COUNTY_FEN);
        assertThat(ledger.disbursedFen(CENTRAL)).isZero();
        assertThat(ledger.disbursedFen(COUNTY)).isZero();
        assertThat(ledger.leftToPayFen(ROAD)).isEqualTo(ROAD_CENTRAL_FEN + ROAD_COUNTY_FEN);
    }

    @Test
    void aCompletedProjectTakesAReversalBack() {
        ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
        ledger.disclose(FIRST);
        ledger.send(approval(FIRST));
        ledger.send(new StartProjectCommand(new ProjectId(ROAD), CLERK));
        ledger.send(new CompleteProjectCommand(new ProjectId(ROAD), null, CLERK));

        ledger.send(reversal(FIRST, REASON));

        assertThat(ledger.events(FIRST)).last().isInstanceOf(DisbursementReversedEvent.class);
    }

    @Nested
    class Refuses {

        @Test
        void aMissingReason() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
            ledger.disclose(FIRST);
            ledger.send(approval(FIRST));

            Refusal refusal = ledger.refusedLeavingNothing(reversal(FIRST, ""), RefusalKind.INVALID,
                    "REASON_REQUIRED");
            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("reason", "REASON_REQUIRED"));
        }

        @Test
        void aReasonWithAControlCharacter() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
            ledger.disclose(FIRST);
            ledger.send(approval(FIRST));

            ledger.refusedLeavingNothing(reversal(FIRST, "冲销\u0007"), RefusalKind.INVALID, "REASON_INVALID");
        }

        @Test
        void aDisbursementNobodyRequested() {
            ledger.refusedLeavingNothing(reversal("DSB-2016-0404", REASON), RefusalKind.NOT_FOUND,
                    "DISBURSEMENT_NOT_FOUND");
        }

        @Test
        void aDisbursementThatIsOnlyRequested() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));

            ledger.refusedLeavingNothing(reversal(FIRST, REASON), RefusalKind.CONFLICT, "DISBURSEMENT_NOT_APPROVED");
        }

        @Test
        void aRejectedDisbursement() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
            ledger.send(new RejectDisbursementCommand(new DisbursementId(FIRST), "凭证不全", APPROVER));

            ledger.refusedLeavingNothing(reversal(FIRST, REASON), RefusalKind.CONFLICT, "DISBURSEMENT_NOT_APPROVED");
        }

        @Test
        void aDisbursementReversedAlready() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
            ledger.disclose(FIRST);
            ledger.send(approval(FIRST));
            ledger.send(reversal(FIRST, REASON));

            ledger.refusedLeavingNothing(reversal(FIRST, REASON), RefusalKind.CONFLICT, "DISBURSEMENT_NOT_APPROVED");
        }

        @Test
        void aPaymentOfAnAcceptedProject() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
            ledger.disclose(FIRST);
            ledger.send(approval(FIRST));
            ledger.send(new StartProjectCommand(new ProjectId(ROAD), CLERK));
            ledger.send(new CompleteProjectCommand(new ProjectId(ROAD), null, CLERK));
            ledger.send(new AcceptProjectCommand(new ProjectId(ROAD), "验收合格", CLERK2));

            ledger.refusedLeavingNothing(reversal(FIRST, REASON), RefusalKind.CONFLICT, "PROJECT_CLOSED");
        }

        @Test
        void aPaymentOfACancelledProject() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
            ledger.disclose(FIRST);
            ledger.send(approval(FIRST));
            ledger.send(new CancelProjectCommand(new ProjectId(ROAD), "村民代表大会否决", CLERK));

            ledger.refusedLeavingNothing(reversal(FIRST, REASON), RefusalKind.CONFLICT, "PROJECT_CLOSED");
        }
    }
}
