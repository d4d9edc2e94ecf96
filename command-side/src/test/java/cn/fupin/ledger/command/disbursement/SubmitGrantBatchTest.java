package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.disbursement.GrantItem;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disbursement.SubmitGrantBatchCommand;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectPaymentRequestedEvent;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.disbursement.PaymentLedger.APPROVER;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CENTRAL;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CLERK;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.COUNTY;
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
import static cn.fupin.ledger.command.disbursement.PaymentLedger.batch;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.grant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SubmitGrantBatchTest {

    static final String BATCH = "GB-2016-0001";
    static final String VOUCHER = "苍扶拨〔2016〕10号";
    static final String ITEM_0 = GrantBatchSubmitter.itemId(BATCH, 0);
    static final String ITEM_1 = GrantBatchSubmitter.itemId(BATCH, 1);
    static final String ITEM_2 = GrantBatchSubmitter.itemId(BATCH, 2);

    PaymentLedger ledger;

    @BeforeEach
    void ledger() {
        ledger = PaymentLedger.withApprovedProjects();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    static SubmitGrantBatchCommand batchOf(GrantItem... items) {
        return new SubmitGrantBatchCommand(new GrantBatchId(BATCH), new ProjectId(GRANTS), VOUCHER, List.of(items),
                CLERK);
    }

    @Test
    void theItemIdsAreDisbursementIdsOfTheBatchAndItsPlaceInIt() {
        assertThat(ITEM_0).matches("DSB-[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")
                .isEqualTo(GrantBatchSubmitter.itemId(BATCH, 0)).isNotEqualTo(ITEM_1)
                .isNotEqualTo(GrantBatchSubmitter.itemId("GB-2016-0002", 0));
    }

    @Test
    void aBatchRecordsOneRequestedDisbursementPerHouseholdWithTheirClaimsAndVouchersInOneUnitOfWork() {
        int before = ledger.allEvents().size();

        List<String> ids = ledger.send(batch(BATCH, VOUCHER, GRANT_FEN, WANG, LI, ZHAO));

        assertThat(ids).containsExactly(ITEM_0, ITEM_1, ITEM_2);
        List<BudgetLine> central = List.of(new BudgetLine(CENTRAL, GRANT_FEN));
        List<BudgetLine> county = List.of(new BudgetLine(COUNTY, GRANT_FEN));
        assertThat(ledger.eventsSince(before)).containsExactly(
                new GrantBatchSubmittedEvent(BATCH, GRANTS, VOUCHER, ids, 3 * GRANT_FEN, "clerk"),
                new DisbursementRequestedEvent(ITEM_0, GRANTS, PayeeKind.HOUSEHOLD, JINSUI, LINGJIANG, WANG, GRANT_FEN,
                        central, VOUCHER + "-001", BATCH, "clerk"),
                new ProjectPaymentRequestedEvent(GRANTS, ITEM_0, GRANT_FEN, central),
                new HouseholdStartupGrantClaimedEvent(WANG, ITEM_0, GRANTS, GRANT_FEN),
                new DisbursementRequestedEvent(ITEM_1, GRANTS, PayeeKind.HOUSEHOLD, JINSUI, LINGJIANG, LI, GRANT_FEN,
                        central, VOUCHER + "-002", BATCH, "clerk"),
                new ProjectPaymentRequestedEvent(GRANTS, ITEM_1, GRANT_FEN, central),
                new HouseholdStartupGrantClaimedEvent(LI, ITEM_1, GRANTS, GRANT_FEN),
                new DisbursementRequestedEvent(ITEM_2, GRANTS, PayeeKind.HOUSEHOLD, JIANGNAN, LINGJIANG, ZHAO,
                        GRANT_FEN, county, VOUCHER + "-003", BATCH, "clerk"),
                new ProjectPaymentRequestedEvent(GRANTS, ITEM_2, GRANT_FEN, county),
                new HouseholdStartupGrantClaimedEvent(ZHAO, ITEM_2, GRANTS, GRANT_FEN));
        assertThat(ledger.vouchers()).isEqualTo(new TreeMap<>(Map.of(VOUCHER, BATCH, VOUCHER + "-001", ITEM_0,
                VOUCHER + "-002", ITEM_1, VOUCHER + "-003", ITEM_2)));
    }

    @Test
    void anItemTheFirstFundCannotCoverIsSplitOverTwoFunds() {
        ledger.send(batchOf(new GrantItem(WANG, 400_000L), new GrantItem(LI, 400_000L)));

        assertThat(ledger.events(ITEM_1)).singleElement().extracting("fromFunds").isEqualTo(
                List.of(new BudgetLine(CENTRAL, 200_000L), new BudgetLine(COUNTY, 200_000L)));
    }

    @Test
    void aBatchMayTakeTheProjectsWholeBudget() {
        ledger.send(batch(BATCH, VOUCHER, 500_000L, WANG, LI, ZHAO));

        assertThat(ledger.leftToPayFen(GRANTS)).isZero();
    }

    @Test
    void aBatchOfOneThousandHouseholdsIsRecordedAndApprovedWhole() {
        String provincial = "FUND-510824-2016-PROVINCIAL";
        String project = "PRJ-2016-0003";
        ledger.appropriate(new FundId(provincial), 1000 * GRANT_FEN);
        ledger.send(PaymentLedger.proposal(project, "INDUSTRY", Beneficiary.HOUSEHOLDS,
                List.of(new BudgetLine(provincial, 1000 * GRANT_FEN))));
        ledger.send(new ApproveProjectCommand(new ProjectId(project), "苍农工委〔2016〕9号", APPROVER));
        List<String> cards = IntStream.rangeClosed(1, 1000).mapToObj("HK-510824100001-1%03d"::formatted).toList();
        ledger.register(cards, JINSUI);

        List<String> ids = ledger.send(new SubmitGrantBatchCommand(new GrantBatchId(BATCH), new ProjectId(project),
                VOUCHER, cards.stream().map(card -> new GrantItem(card, GRANT_FEN)).toList(), CLERK));
        ledger.disclose(BATCH);
        GrantBatchApprover.Approved approved = ledger.send(new ApproveGrantBatchCommand(new GrantBatchId(BATCH),
                APPROVER));

        assertThat(ids).hasSize(1000).doesNotHaveDuplicates();
        assertThat(ledger.vouchers()).hasSize(1001).containsEntry(VOUCHER + "-1000", ids.get(999));
        assertThat(approved).isEqualTo(new GrantBatchApprover.Approved(BATCH, 1000, 1000 * GRANT_FEN));
        assertThat(ledger.disbursedFen(provincial)).isEqualTo(1000 * GRANT_FEN);
        assertThat(ledger.availableFen(provincial)).isZero();
    }

    @Nested
    class RefusesAsInvalid {

        @Test
        void aBatchWithoutItems() {
            assertInvalidItems(new SubmitGrantBatchCommand(new GrantBatchId(BATCH), new ProjectId(GRANTS), VOUCHER,
                    List.of(), CLERK), "BATCH_EMPTY");
        }

        @Test
        void aBatchWithNoItemList() {
            assertInvalidItems(new SubmitGrantBatchCommand(new GrantBatchId(BATCH), new ProjectId(GRANTS), VOUCHER,
                    null, CLERK), "BATCH_EMPTY");
        }

        @Test
        void aBatchOfOneThousandAndOneItems() {
            List<GrantItem> items = IntStream.range(0, 1001)
                    .mapToObj(i -> new GrantItem("HK-510824100001-%04d".formatted(i), GRANT_FEN)).toList();

            assertInvalidItems(new SubmitGrantBatchCommand(new GrantBatchId(BATCH), new ProjectId(GRANTS), VOUCHER,
                    items, CLERK), "BATCH_TOO_LARGE");
        }

        @Test
        void everyBadItemAndTheVoucherNamedTogether() {
            List<GrantItem> items = new ArrayList<>(List.of(new GrantItem("HK 0001", GRANT_FEN),
                    new GrantItem(WANG, GRANT_FEN), new GrantItem(WANG, GRANT_FEN), new GrantItem(LI, 0L),
                    new GrantItem(ZHAO, 299_999L)));
            items.add(null);

            Refusal refusal = ledger.refusedLeavingNothing(new SubmitGrantBatchCommand(new GrantBatchId(BATCH),
                    new ProjectId(GRANTS), " ", items, CLERK), RefusalKind.INVALID, "GRANT_BATCH_INVALID");

            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                    tuple("voucherNo", "VOUCHER_NO_REQUIRED"),
                    tuple("items[0].cardNo", "CARD_NO_INVALID"),
                    tuple("items[2].cardNo", "DUPLICATE_IN_BATCH"),
                    tuple("items[3].amountFen", "AMOUNT_NOT_POSITIVE"),
                    tuple("items[4].amountFen", "GRANT_BELOW_MINIMUM"),
                    tuple("items[5].cardNo", "CARD_NO_INVALID"),
                    tuple("items[5].amountFen", "AMOUNT_NOT_POSITIVE"));
        }

        @Test
        void aVoucherTooLongForItsItems() {
            Refusal refusal = ledger.refusedLeavingNothing(batch(BATCH, "凭".repeat(65), GRANT_FEN, WANG),
                    RefusalKind.INVALID, "GRANT_BATCH_INVALID");

            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("voucherNo", "VOUCHER_NO_INVALID"));
        }

        private void assertInvalidItems(SubmitGrantBatchCommand command, String code) {
            Refusal refusal = ledger.refusedLeavingNothing(command, RefusalKind.INVALID, code);
            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("items", code));
        }
    }

    @Nested
    class Refuses {

        @Test
        void everyHouseholdThatMayNotBeGrantedNamedTogether() {
            ledger.send(grant("DSB-2016-0001", WANG, GRANT_FEN, "苍扶拨〔2016〕1号"));
            ledger.exit(LI);

            Refusal refusal = ledger.refusedLeavingNothing(batch(BATCH, VOUCHER, GRANT_FEN, "HK-510824100001-0404",
                    ZHAO, WANG, SUN, LI), RefusalKind.CONFLICT, "GRANT_BATCH_REFUSED");

            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                    tuple("items[0].cardNo", "HOUSEHOLD_NOT_FOUND"),
                    tuple("items[2].cardNo", "DUPLICATE_STARTUP_GRANT"),
                    tuple("items[3].cardNo", "HOUSEHOLD_NOT_ELIGIBLE"),
                    tuple("items[4].cardNo", "HOUSEHOLD_NOT_ELIGIBLE"));
        }

        @Test
        void aProjectNobodyProposed() {
            ledger.refusedLeavingNothing(new SubmitGrantBatchCommand(new GrantBatchId(BATCH),
                            new ProjectId("PRJ-2016-0404"), VOUCHER, List.of(new GrantItem(WANG, GRANT_FEN)), CLERK),
                    RefusalKind.NOT_FOUND, "PROJECT_NOT_FOUND");
        }

        @Test
        void aCompletedProject() {
            ledger.send(new StartProjectCommand(new ProjectId(GRANTS), CLERK));
            ledger.send(new CompleteProjectCommand(new ProjectId(GRANTS), null, CLERK));

            ledger.refusedLeavingNothing(batch(BATCH, VOUCHER, GRANT_FEN, WANG), RefusalKind.CONFLICT,
                    "PROJECT_NOT_PAYABLE");
        }

        @Test
        void aVillageProject() {
            ledger.refusedLeavingNothing(new SubmitGrantBatchCommand(new GrantBatchId(BATCH), new ProjectId(ROAD),
                            VOUCHER, List.of(new GrantItem(WANG, GRANT_FEN)), CLERK),
                    RefusalKind.CONFLICT, "PAYEE_KIND_MISMATCH");
        }

        @Test
        void oneFenMoreThanTheBudget() {
            ledger.refusedLeavingNothing(batchOf(new GrantItem(WANG, 500_000L), new GrantItem(LI, 500_000L),
                    new GrantItem(ZHAO, 500_001L)), RefusalKind.CONFLICT, "PROJECT_BUDGET_EXCEEDED");
        }

        @Test
        void amountsThatOverflowTogether() {
            ledger.refusedLeavingNothing(batchOf(new GrantItem(WANG, Long.MAX_VALUE), new GrantItem(LI, GRANT_FEN)),
                    RefusalKind.CONFLICT, "PROJECT_BUDGET_EXCEEDED");
        }

        @Test
        void aBatchVoucherUsedBefore() {
            ledger.send(grant("DSB-2016-0001", WANG, GRANT_FEN, VOUCHER));

            ledger.refusedLeavingNothing(batch(BATCH, VOUCHER, GRANT_FEN, LI), RefusalKind.CONFLICT,
                    "DUPLICATE_VOUCHER_NO");
        }

        @Test
        void anItemVoucherUsedBefore() {
            ledger.send(grant("DSB-2016-0001", WANG, GRANT_FEN, VOUCHER + "-002"));

            ledger.refusedLeavingNothing(batch(BATCH, VOUCHER, GRANT_FEN, LI, ZHAO), RefusalKind.CONFLICT,
                    "DUPLICATE_VOUCHER_NO");
        }

        @Test
        void aBatchIdRecordedAlready() {
            ledger.send(batch(BATCH, VOUCHER, GRANT_FEN, WANG));

            ledger.refusedLeavingNothing(batch(BATCH, "苍扶拨〔2016〕11号", GRANT_FEN, LI), RefusalKind.CONFLICT,
                    "GRANT_BATCH_EXISTS");
        }
    }
}
