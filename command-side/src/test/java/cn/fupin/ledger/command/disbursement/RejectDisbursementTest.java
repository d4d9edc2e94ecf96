package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantReleasedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.disbursement.PaymentLedger.APPROVER;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CENTRAL;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS_CENTRAL_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS_COUNTY_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANT_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ROAD;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.WANG;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.approval;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.grant;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.roadPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RejectDisbursementTest {

    static final String FIRST = "DSB-2016-0001";
    static final String SECOND = "DSB-2016-0002";
    static final String VOUCHER = "苍扶拨〔2016〕1号";
    static final String REASON = "户主签字与登记不符";

    PaymentLedger ledger;

    @BeforeEach
    void ledger() {
        ledger = PaymentLedger.withApprovedProjects();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    static RejectDisbursementCommand rejection(String disbursementId, String reason) {
        return new RejectDisbursementCommand(new DisbursementId(disbursementId), reason, APPROVER);
    }

    @Test
    void rejectingAGrantLeavesItsAmountToPayAgainAndReleasesTheHouseholdsClaim() {
        ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));
        int before = ledger.allEvents().size();

        ledger.send(rejection(FIRST, " " + REASON + " "));

        assertThat(ledger.eventsSince(before)).containsExactly(
                new ProjectPaymentSettledEvent(GRANTS, FIRST, "REJECTED", GRANT_FEN,
                        List.of(new BudgetLine(CENTRAL, GRANT_FEN))),
                new HouseholdStartupGrantReleasedEvent(WANG, FIRST, "REJECTED"),
                new DisbursementRejectedEvent(FIRST, GRANTS, WANG, null, REASON, "approver"));
        assertThat(ledger.leftToPayFen(GRANTS)).isEqualTo(GRANTS_CENTRAL_FEN + GRANTS_COUNTY_FEN);
    }

    @Test
    void aHouseholdWhoseGrantWasRejectedMayBeGrantedAgain() {
        ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));
        ledger.send(rejection(FIRST, REASON));

        ledger.send(grant(SECOND, WANG, GRANT_FEN, "苍扶拨〔2016〕2号"));

        assertThat(ledger.householdEvents(WANG)).last()
                .isEqualTo(new HouseholdStartupGrantClaimedEvent(WANG, SECOND, GRANTS, GRANT_FEN));
    }

    @Test
    void rejectingAVillagePaymentTouchesNoHousehold() {
        ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
        int before = ledger.allEvents().size();

        ledger.send(rejection(FIRST, REASON));

        assertThat(ledger.eventsSince(before)).extracting(Object::getClass).containsExactly(
                ProjectPaymentSettledEvent.class, DisbursementRejectedEvent.class);
        assertThat(ledger.events(FIRST)).last().extracting("projectId").isEqualTo(ROAD);
    }

    @Test
    void theRejectedVoucherStaysRegistered() {
        // The voucher was used: the rejection is recorded against it, and a new request needs a voucher of its own.
        ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));
        ledger.send(rejection(FIRST, REASON));

        ledger.refusedLeavingNothing(roadPayment(SECOND, 1_000L, VOUCHER), RefusalKind.CONFLICT,
                "DUPLICATE_VOUCHER_NO");
    }

    @Nested
    class Refuses {

        @Test
        void aMissingReason() {
            ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));

            assertInvalid(rejection(FIRST, null), "REASON_REQUIRED");
        }

        @Test
        void aBlankReason() {
            ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));

            assertInvalid(rejection(FIRST, " \n"), "REASON_REQUIRED");
        }

        @Test
        void aReasonOfFiveHundredAndOneCharacters() {
            ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));

            assertInvalid(rejection(FIRST, "因".repeat(501)), "REASON_INVALID");
        }

        @Test
        void aDisbursementNobodyRequested() {
            ledger.refusedLeavingNothing(rejection("DSB-2016-0404", REASON), RefusalKind.NOT_FOUND,
                    "DISBURSEMENT_NOT_FOUND");
        }

        @Test
        void anApprovedDisbursement() {
            ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));
            ledger.disclose(FIRST);
            ledger.send(approval(FIRST));

            ledger.refusedLeavingNothing(rejection(FIRST, REASON), RefusalKind.CONFLICT, "DISBURSEMENT_NOT_PENDING");
        }

        @Test
        void aDisbursementRejectedAlready() {
            ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));
            ledger.send(rejection(FIRST, REASON));

            ledger.refusedLeavingNothing(rejection(FIRST, REASON), RefusalKind.CONFLICT, "DISBURSEMENT_NOT_PENDING");
        }

        private void assertInvalid(RejectDisbursementCommand command, String code) {
            Refusal refusal = ledger.refusedLeavingNothing(command, RefusalKind.INVALID, code);
            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("reason", code));
        }
    }
}
