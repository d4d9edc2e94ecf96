package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disbursement.RequestDisbursementCommand;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import cn.fupin.ledger.shared.household.ReturnHouseholdCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectPaymentRequestedEvent;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.disbursement.PaymentLedger.CENTRAL;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CLERK;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.COUNTY;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ELSEWHERE;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANTS;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.GRANT_FEN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.JIANGNAN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.JINSUI;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.LI;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.LINGJIANG;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ROAD;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.SUN;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.WANG;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.ZHAO;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.approval;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.grant;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.roadPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RequestDisbursementTest {

    static final String FIRST = "DSB-2016-0001";
    static final String SECOND = "DSB-2016-0002";
    static final String VOUCHER = "苍扶拨〔2016〕1号";
    static final String VOUCHER2 = "苍扶拨〔2016〕2号";

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
    void aStartupGrantIsRequestedFromTheFirstFundWithTheHouseholdClaimingItAndTheVoucherRegistered() {
        int before = ledger.allEvents().size();

        ledger.send(grant(FIRST, WANG, GRANT_FEN, " " + VOUCHER + " "));

        List<BudgetLine> fromFunds = List.of(new BudgetLine(CENTRAL, GRANT_FEN));
        assertThat(ledger.eventsSince(before)).containsExactly(
                new DisbursementRequestedEvent(FIRST, GRANTS, PayeeKind.HOUSEHOLD, JINSUI, LINGJIANG, WANG, GRANT_FEN,
                        fromFunds, VOUCHER, null, "clerk"),
                new ProjectPaymentRequestedEvent(GRANTS, FIRST, GRANT_FEN, fromFunds),
                new HouseholdStartupGrantClaimedEvent(WANG, FIRST, GRANTS, GRANT_FEN));
        assertThat(ledger.vouchers()).isEqualTo(Map.of(VOUCHER, FIRST));
    }

    @Test
    void aRoadPaymentGoesToTheProjectsVillageSplitOverItsFundsInFundIdOrder() {
        int before = ledger.allEvents().size();

        ledger.send(roadPayment(FIRST, 3_500_000L, VOUCHER));

        List<BudgetLine> fromFunds = List.of(new BudgetLine(CENTRAL, 3_000_000L), new BudgetLine(COUNTY, 500_000L));
        assertThat(ledger.eventsSince(before)).containsExactly(
                new DisbursementRequestedEvent(FIRST, ROAD, PayeeKind.VILLAGE, JINSUI, LINGJIANG, null, 3_500_000L,
                        fromFunds, VOUCHER, null, "clerk"),
                new ProjectPaymentRequestedEvent(ROAD, FIRST, 3_500_000L, fromFunds));
    }

    @Test
    void aSecondPaymentTakesWhatThePendingFirstLeftOfEachLine() {
        ledger.send(roadPayment(FIRST, 2_000_000L, VOUCHER));

        ledger.send(roadPayment(SECOND, 1_500_000L, VOUCHER2));

        assertThat(ledger.events(SECOND)).singleElement().extracting("fromFunds")
                .isEqualTo(List.of(new BudgetLine(CENTRAL, 1_000_000L), new BudgetLine(COUNTY, 500_000L)));
    }

    @Test
    void paymentsMayTakeTheProjectsBudgetToTheLastFen() {
        ledger.send(roadPayment(FIRST, 3_999_999L, VOUCHER));

        ledger.send(roadPayment(SECOND, 1L, VOUCHER2));

        assertThat(ledger.leftToPayFen(ROAD)).isZero();
    }

    @Test
    void aGrantOfExactlyThreeThousandYuanIsAccepted() {
        ledger.send(grant(FIRST, WANG, 300_000L, VOUCHER));

        assertThat(ledger.householdEvents(WANG)).last().isEqualTo(new HouseholdStartupGrantClaimedEvent(WANG, FIRST, GRANTS,
                300_000L));
    }

    @Test
    void aHouseholdOfAnotherVillageOfTheProjectsTownshipIsGranted() {
        ledger.send(grant(FIRST, ZHAO, GRANT_FEN, VOUCHER));

        assertThat(ledger.events(FIRST)).singleElement().extracting("villageCode", "townshipCode")
                .containsExactly(JIANGNAN, LINGJIANG);
    }

    @Test
    void aHouseholdThatReturnedToTheRegisterIsGranted() {
        ledger.exit(WANG);
        ledger.send(new ReturnHouseholdCommand(new HouseholdCardNo(WANG), 2016, "因病返贫"));

        ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));

        assertThat(ledger.householdEvents(WANG)).last().isInstanceOf(HouseholdStartupGrantClaimedEvent.class);
    }

    @Test
    void aProjectBeingImplementedPays() {
        ledger.send(new StartProjectCommand(new ProjectId(ROAD), CLERK));

        ledger.send(roadPayment(FIRST, 1_000_000L, VOUCHER));

        assertThat(ledger.events(FIRST)).hasSize(1);
    }

    @Nested
    class RefusesAsInvalid {

        @Test
        void anAmountOfZero() {
            assertInvalid(grant(FIRST, WANG, 0, VOUCHER), "AMOUNT_NOT_POSITIVE", "amountFen");
        }

        @Test
        void aNegativeAmount() {
            assertInvalid(roadPayment(FIRST, -1, VOUCHER), "AMOUNT_NOT_POSITIVE", "amountFen");
        }

        @Test
        void aMissingVoucher() {
            assertInvalid(grant(FIRST, WANG, GRANT_FEN, null), "VOUCHER_NO_REQUIRED", "voucherNo");
        }

        @Test
        void aBlankVoucher() {
            assertInvalid(grant(FIRST, WANG, GRANT_FEN, " \t "), "VOUCHER_NO_REQUIRED", "voucherNo");
        }

        @Test
        void aVoucherOfSixtyFiveCharacters() {
            assertInvalid(grant(FIRST, WANG, GRANT_FEN, "凭".repeat(65)), "VOUCHER_NO_INVALID", "voucherNo");
        }

        @Test
        void aVoucherWithALineBreak() {
            assertInvalid(grant(FIRST, WANG, GRANT_FEN, "苍扶拨\n1号"), "VOUCHER_NO_INVALID", "voucherNo");
        }

        @Test
        void aVoucherOfSixtyFourCharactersIsNotRefused() {
            ledger.send(grant(FIRST, WANG, GRANT_FEN, "凭".repeat(64)));

            assertThat(ledger.vouchers()).containsKey("凭".repeat(64));
        }

        @Test
        void noPayeeAtAll() {
            Refusal refusal = ledger.refusedLeavingNothing(request(null, " "), RefusalKind.INVALID, "PAYEE_REQUIRED");

            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                    tuple("villageCode", "PAYEE_REQUIRED"), tuple("cardNo", "PAYEE_REQUIRED"));
        }

        @Test
        void bothAVillageAndAHousehold() {
            Refusal refusal = ledger.refusedLeavingNothing(request(JINSUI, WANG), RefusalKind.INVALID,
                    "PAYEE_AMBIGUOUS");

            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                    tuple("villageCode", "PAYEE_AMBIGUOUS"), tuple("cardNo", "PAYEE_AMBIGUOUS"));
        }

        @Test
        void aVillageCodeOfElevenDigits() {
            assertInvalid(request("51082410000", null), "VILLAGE_CODE_INVALID", "villageCode");
        }

        @Test
        void aCardNumberWithASpaceInside() {
            assertInvalid(request(null, "HK 0001"), "CARD_NO_INVALID", "cardNo");
        }

        @Test
        void severalFieldsAtOnceNamingEach() {
            Refusal refusal = ledger.refusedLeavingNothing(grant(FIRST, WANG, 0, null), RefusalKind.INVALID,
                    "DISBURSEMENT_INVALID");

            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                    tuple("amountFen", "AMOUNT_NOT_POSITIVE"), tuple("voucherNo", "VOUCHER_NO_REQUIRED"));
        }

        @Test
        void aGrantOneFenBelowThreeThousandYuan() {
            assertInvalid(grant(FIRST, WANG, 299_999L, VOUCHER), "GRANT_BELOW_MINIMUM", "amountFen");
        }

        private RequestDisbursementCommand request(String villageCode, String cardNo) {
            return new RequestDisbursementCommand(new DisbursementId(FIRST), new ProjectId(GRANTS), villageCode, cardNo,
                    GRANT_FEN, VOUCHER, CLERK);
        }

        private void assertInvalid(RequestDisbursementCommand command, String code, String field) {
            Refusal refusal = ledger.refusedLeavingNothing(command, RefusalKind.INVALID, code);
            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple(field, code));
        }
    }

    @Nested
    class Refuses {

        @Test
        void aProjectNobodyProposed() {
            ledger.refusedLeavingNothing(new RequestDisbursementCommand(new DisbursementId(FIRST),
                            new ProjectId("PRJ-2016-0404"), JINSUI, null, GRANT_FEN, VOUCHER, CLERK),
                    RefusalKind.NOT_FOUND, "PROJECT_NOT_FOUND");
        }

        @Test
        void aProjectThatIsOnlyProposed() {
            ledger.send(PaymentLedger.proposal("PRJ-2016-0003", "ROADS", Beneficiary.VILLAGE, 100_000L, 100_000L));

            ledger.refusedLeavingNothing(new RequestDisbursementCommand(new DisbursementId(FIRST),
                            new ProjectId("PRJ-2016-0003"), JINSUI, null, 1_000L, VOUCHER, CLERK),
                    RefusalKind.CONFLICT, "PROJECT_NOT_PAYABLE");
        }

        @Test
        void aCompletedProject() {
            ledger.send(new StartProjectCommand(new ProjectId(ROAD), CLERK));
            ledger.send(new CompleteProjectCommand(new ProjectId(ROAD), null, CLERK));

            ledger.refusedLeavingNothing(roadPayment(FIRST, 1_000L, VOUCHER), RefusalKind.CONFLICT,
                    "PROJECT_NOT_PAYABLE");
        }

        @Test
        void aVillageProjectPayingAnotherVillage() {
            ledger.refusedLeavingNothing(new RequestDisbursementCommand(new DisbursementId(FIRST),
                            new ProjectId(ROAD), JIANGNAN, null, 1_000L, VOUCHER, CLERK),
                    RefusalKind.CONFLICT, "PAYEE_NOT_PROJECT_VILLAGE");
        }

        @Test
        void aVillageProjectPayingAHousehold() {
            ledger.refusedLeavingNothing(new RequestDisbursementCommand(new DisbursementId(FIRST),
                            new ProjectId(ROAD), null, WANG, GRANT_FEN, VOUCHER, CLERK),
                    RefusalKind.CONFLICT, "PAYEE_KIND_MISMATCH");
        }

        @Test
        void aHouseholdProjectPayingAVillage() {
            ledger.refusedLeavingNothing(new RequestDisbursementCommand(new DisbursementId(FIRST),
                            new ProjectId(GRANTS), JINSUI, null, GRANT_FEN, VOUCHER, CLERK),
                    RefusalKind.CONFLICT, "PAYEE_KIND_MISMATCH");
        }

        @Test
        void aHouseholdNobodyRegistered() {
            ledger.refusedLeavingNothing(grant(FIRST, "HK-510824100001-0404", GRANT_FEN, VOUCHER),
                    RefusalKind.NOT_FOUND, "HOUSEHOLD_NOT_FOUND");
        }

        @Test
        void aHouseholdThatExited() {
            ledger.exit(WANG);

            ledger.refusedLeavingNothing(grant(FIRST, WANG, GRANT_FEN, VOUCHER), RefusalKind.CONFLICT,
                    "HOUSEHOLD_NOT_ELIGIBLE");
        }

        @Test
        void aHouseholdOfAnotherTownship() {
            ledger.refusedLeavingNothing(grant(FIRST, SUN, GRANT_FEN, VOUCHER), RefusalKind.CONFLICT,
                    "HOUSEHOLD_NOT_ELIGIBLE");
        }

        @Test
        void aSecondGrantWhileTheFirstIsRequested() {
            ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));

            ledger.refusedLeavingNothing(grant(SECOND, WANG, GRANT_FEN, VOUCHER2), RefusalKind.CONFLICT,
                    "DUPLICATE_STARTUP_GRANT");
        }

        @Test
        void aSecondGrantOnceTheFirstIsPaid() {
            ledger.send(grant(FIRST, WANG, GRANT_FEN, VOUCHER));
            ledger.disclose(FIRST);
            ledger.send(approval(FIRST));

            ledger.refusedLeavingNothing(grant(SECOND, WANG, GRANT_FEN, VOUCHER2), RefusalKind.CONFLICT,
                    "DUPLICATE_STARTUP_GRANT");
        }

        @Test
        void oneFenMoreThanTheBudgetHasLeft() {
            ledger.send(roadPayment(FIRST, 3_000_000L, VOUCHER));

            ledger.refusedLeavingNothing(roadPayment(SECOND, 1_000_001L, VOUCHER2), RefusalKind.CONFLICT,
                    "PROJECT_BUDGET_EXCEEDED");
        }

        @Test
        void aGrantWhenTheBudgetIsTakenByPendingGrants() {
            ledger.send(grant(FIRST, WANG, 1_200_000L, VOUCHER));

            ledger.refusedLeavingNothing(grant(SECOND, LI, 300_001L, VOUCHER2), RefusalKind.CONFLICT,
                    "PROJECT_BUDGET_EXCEEDED");
        }

        @Test
        void aVoucherUsedByAnotherPayment() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));

            ledger.refusedLeavingNothing(grant(SECOND, WANG, GRANT_FEN, " " + VOUCHER), RefusalKind.CONFLICT,
                    "DUPLICATE_VOUCHER_NO");
        }

        @Test
        void anIdRecordedAlready() {
            ledger.send(roadPayment(FIRST, 1_000L, VOUCHER));

            ledger.refusedLeavingNothing(roadPayment(FIRST, 1_000L, VOUCHER2), RefusalKind.CONFLICT,
                    "DISBURSEMENT_EXISTS");
        }
    }
}
