package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.project.AcceptProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CancelProjectCommand;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.disbursement.PaymentLedger.APPROVER;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CENTRAL;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CENTRAL_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CLERK;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CLERK2;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.COUNTY;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.COUNTY_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS_CENTRAL_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS_COUNTY_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ROAD;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.approval;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.roadPayment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancelling (撤销) and accepting (验收) a project that has paid: its funds get back what they hold for it and was
 * not paid, and neither happens while a payment waits for its decision.
 */
class ClosingAProjectWithPaymentsTest {

    static final ProjectId ROAD_ID = new ProjectId(ROAD);
    static final String FIRST = "DSB-2016-0001";
    static final String SECOND = "DSB-2016-0002";
    static final String REASON = "村民代表大会否决";

    PaymentLedger ledger;

    @BeforeEach
    void ledger() {
        ledger = PaymentLedger.withApprovedProjects();
        ledger.send(roadPayment(FIRST, 3_500_000L, "苍扶拨〔2016〕1号"));
        ledger.disclose(FIRST);
        ledger.send(approval(FIRST));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aCancellationReleasesOnlyWhatWasNotPaid() {
        int before = ledger.allEvents().size();

        ledger.send(new CancelProjectCommand(ROAD_ID, REASON, CLERK));

        List<BudgetLine> unpaid = List.of(new BudgetLine(COUNTY, 500_000L));
        assertThat(ledger.eventsSince(before)).containsExactly(
                new FundReservationReleasedEvent(COUNTY, ROAD, 500_000L, "CANCELLED", GRANTS_COUNTY_FEN,
                        COUNTY_FEN - GRANTS_COUNTY_FEN - 500_000L),
                new ProjectCancelledEvent(ROAD, ProjectStatus.APPROVED, REASON, unpaid, "clerk"));
        assertThat(ledger.reservedFor(CENTRAL, ROAD)).isZero();
        assertThat(ledger.disbursedFen(CENTRAL)).isEqualTo(3_000_000L);
        assertThat(ledger.availableFen(CENTRAL)).isEqualTo(CENTRAL_FEN - GRANTS_CENTRAL_FEN - 3_000_000L);
    }

    @Test
    void anAcceptanceReleasesOnlyWhatWasNotPaid() {
        ledger.send(new StartProjectCommand(ROAD_ID, CLERK));
        ledger.send(new CompleteProjectCommand(ROAD_ID, null, CLERK));

        ledger.send(new AcceptProjectCommand(ROAD_ID, "验收合格", CLERK2));

        assertThat(ledger.events(ROAD)).last().isEqualTo(new ProjectAcceptedEvent(ROAD, "验收合格",
                List.of(new BudgetLine(COUNTY, 500_000L)), "clerk2"));
        assertThat(ledger.reservedFor(COUNTY, ROAD)).isZero();
        assertThat(ledger.disbursedFen(COUNTY)).isEqualTo(500_000L);
    }

    @Test
    void refusesACancellationWhileAPaymentIsPending() {
        ledger.send(roadPayment(SECOND, 1_000L, "苍扶拨〔2016〕2号"));

        ledger.refusedLeavingNothing(new CancelProjectCommand(ROAD_ID, REASON, CLERK), RefusalKind.CONFLICT,
                "PAYMENTS_PENDING");
    }

    @Test
    void refusesAnAcceptanceWhileAPaymentIsPending() {
        ledger.send(new StartProjectCommand(ROAD_ID, CLERK));
        ledger.send(roadPayment(SECOND, 1_000L, "苍扶拨〔2016〕2号"));
        ledger.send(new CompleteProjectCommand(ROAD_ID, null, CLERK));

        ledger.refusedLeavingNothing(new AcceptProjectCommand(ROAD_ID, "验收合格", CLERK2), RefusalKind.CONFLICT,
                "PAYMENTS_PENDING");
    }

    @Test
    void aCompletedProjectIsAcceptedOnceItsPendingPaymentIsRejected() {
        ledger.send(new StartProjectCommand(ROAD_ID, CLERK));
        ledger.send(roadPayment(SECOND, 1_000L, "苍扶拨〔2016〕2号"));
        ledger.send(new CompleteProjectCommand(ROAD_ID, null, CLERK));
        ledger.send(new RejectDisbursementCommand(new DisbursementId(SECOND), "项目已完工", APPROVER));

        ledger.send(new AcceptProjectCommand(ROAD_ID, "验收合格", CLERK2));

        assertThat(ledger.events(ROAD)).last().isInstanceOf(ProjectAcceptedEvent.class);
    }
}
