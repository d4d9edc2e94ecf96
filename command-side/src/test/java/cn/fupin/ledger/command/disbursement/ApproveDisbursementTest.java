package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.ApproveDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
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
import static cn.fupin.ledger.command.disbursement.PaymentLedger.batch;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.grant;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.roadPayment;
import static org.assertj.core.api.Assertions.assertThat;

class ApproveDisbursementTest {

    static final String FIRST = "DSB-2016-0001";
    static final String VOUCHER = "苍扶拨〔2016〕1号";
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

    @Test
    void approvingAGrantPaysItFromTheFundsReservationForTheProject() {
        ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));
        ledger.disclose(FIRST);
        int before = ledger.allEvents().size();

        ledger.send(approval(FIRST));

        List<BudgetLine> fromFunds = List.of(new BudgetLine(CENTRAL, GRANT_FEN));
        assertThat(ledger.eventsSince(before)).containsExactly(
                new FundsDisbursedEvent(CENTRAL, GRANTS, FIRST, GRANT_FEN, RESERVED_CENTRAL_FEN - GRANT_FEN, GRANT_FEN,
                        CENTRAL_FEN - RESERVED_CENTRAL_FEN),
                new ProjectPaymentSettledEvent(GRANTS, FIRST, "APPROVED", GRANT_FEN, fromFunds),
                new DisbursementApprovedEvent(FIRST, GRANTS, PayeeKind.HOUSEHOLD, JINSUI, WANG, GRANT_FEN, fromFunds,
                        null, "approver"));
        assertThat(ledger.reservedFor(CENTRAL, GRANTS)).isEqualTo(GRANTS_CENTRAL_FEN - GRANT_FEN);
        assertThat(ledger.availableFen(CENTRAL)).isEqualTo(CENTRAL_FEN - RESERVED_CENTRAL_FEN);
    }

    @Test
    void approvingABundledPaymentPaysEachFundItsLineInOneUnitOfWork() {
        ledger.send(roadPayment(FIRST, 3_500_000L, VOUCHER));
        ledger.disclose(FIRST);
        int before = ledger.allEvents().size();

        ledger.send(approval(FIRST));

        List<BudgetLine> fromFunds = List.of(new BudgetLine(CENTRAL, 3_000_000L), new BudgetLine(COUNTY, 500_000L));
        assertThat(ledger.eventsSince(before)).containsExactly(
                new FundsDisbursedEvent(CENTRAL, ROAD, FIRST, 3_000_000L, RESERVED_CENTRAL_FEN - 3_000_000L,
                        3_000_000L, CENTRAL_FEN - RESERVED_CENTRAL_FEN),
                new FundsDisbursedEvent(COUNTY, ROAD, FIRST, 500_000L, RESERVED_COUNTY_FEN - 500_000L, 500_000L,
                        COUNTY_FEN - RESERVED_COUNTY_FEN),
                new ProjectPaymentSettledEvent(ROAD, FIRST, "APPROVED", 3_500_000L, fromFunds),
                new DisbursementApprovedEvent(FIRST, ROAD, PayeeKind.VILLAGE, JINSUI, null, 3_500_000L, fromFunds,
                        null, "approver"));
        assertThat(ledger.disbursedFen(CENTRAL)).isEqualTo(3_000_000L);
        assertThat(ledger.disbursedFen(COUNTY)).isEqualTo(500_000L);
        assertThat(ledger.leftToPayFen(ROAD)).isEqualTo(500_000L);
    }

    @Test
    void anotherClerkMayApproveWhatAClerkRequested() {
        ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
        ledger.disclose(FIRST);

        ledger.send(new ApproveDisbursementCommand(new DisbursementId(FIRST), CLERK2));

        assertThat(ledger.events(FIRST)).last().extracting("approvedBy").isEqualTo("clerk2");
    }

    @Test
    void aProjectBeingImplementedPaysItsRequest() {
        ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
        ledger.send(new StartProjectCommand(new ProjectId(ROAD), CLERK));

        ledger.disclose(FIRST);

        ledger.send(approval(FIRST));

        assertThat(ledger.events(FIRST)).last().isInstanceOf(DisbursementApprovedEvent.class);
    }

    @Nested
    class Refuses {

        @Test
        void aDisbursementNobodyRequested() {
            ledger.refusedLeavingNothing(approval("DSB-2016-0404"), RefusalKind.NOT_FOUND, "DISBURSEMENT_NOT_FOUND");
        }

        @Test
        void aDisbursementApprovedAlready() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
            ledger.disclose(FIRST);
            ledger.send(approval(FIRST));

            ledger.refusedLeavingNothing(approval(FIRST), RefusalKind.CONFLICT, "DISBURSEMENT_NOT_PENDING");
        }

        @Test
        void aRejectedDisbursement() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
            ledger.send(new RejectDisbursementCommand(new DisbursementId(FIRST), "凭证不全", APPROVER));

            ledger.refusedLeavingNothing(approval(FIRST), RefusalKind.CONFLICT, "DISBURSEMENT_NOT_PENDING");
        }

        @Test
        void anItemOfAGrantBatchOnItsOwn() {
            ledger.send(batch("GB-2016-0001", VOUCHER, GRANT_FEN, WANG));
            String item = ((GrantBatchSubmittedEvent) ledger.events("GB-2016-0001").get(0)).disbursementIds().get(0);

            ledger.refusedLeavingNothing(approval(item), RefusalKind.CONFLICT, "BATCH_ITEM");
        }

        @Test
        void theRequesterApprovingTheirOwnRequest() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));

            ledger.refusedLeavingNothing(new ApproveDisbursementCommand(new DisbursementId(FIRST), CLERK),
                    RefusalKind.CONFLICT, "SAME_REQUESTER_AND_APPROVER");
        }

        @Test
        void aRequestOfAProjectCompletedSince() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
            ledger.send(new StartProjectCommand(new ProjectId(ROAD), CLERK));
            ledger.send(new CompleteProjectCommand(new ProjectId(ROAD), null, CLERK));

            ledger.refusedLeavingNothing(approval(FIRST), RefusalKind.CONFLICT, "PROJECT_NOT_PAYABLE");
        }
    }
}
