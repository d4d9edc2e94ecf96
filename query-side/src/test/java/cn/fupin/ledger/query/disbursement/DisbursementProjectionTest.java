package cn.fupin.ledger.query.disbursement;

import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.FindDisbursementsQuery;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static cn.fupin.ledger.query.disbursement.Payments.JINSUI;
import static cn.fupin.ledger.query.disbursement.Payments.YUNFENG_VILLAGE;
import static cn.fupin.ledger.query.disbursement.Payments.approved;
import static cn.fupin.ledger.query.disbursement.Payments.household;
import static cn.fupin.ledger.query.disbursement.Payments.rejected;
import static cn.fupin.ledger.query.disbursement.Payments.reversed;
import static cn.fupin.ledger.query.disbursement.Payments.toHousehold;
import static cn.fupin.ledger.query.disbursement.Payments.toVillage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The disbursement read model: requests, approvals, rejections and reversals with who and when, the split over the
 * funds, filters, and household heads' names shown masked. Every stream is also delivered twice.
 */
@DataJpaTest(showSql = false)
class DisbursementProjectionTest {

    static final Instant T0 = Instant.parse("2074-05-01T08:00:00Z");

    static final DisbursementRequestedEvent ROAD = toVillage("DSB-PAY-1", JINSUI, 30_000L, 20_000L);
    static final DisbursementRequestedEvent WATER = toVillage("DSB-PAY-2", YUNFENG_VILLAGE, 10_000L, 5_000L);
    static final DisbursementRequestedEvent ZHANG = toHousehold("DSB-PAY-3", "PAY-0001", JINSUI, 300_000L, "GB-PAY-1");
    static final DisbursementRequestedEvent LI = toHousehold("DSB-PAY-4", "PAY-0002", JINSUI, 300_000L, "GB-PAY-1");

    @Autowired
    DisbursementRepository disbursements;

    @Autowired
    DisbursementFundLineRepository lines;

    @Autowired
    PayeeNameRepository names;

    DisbursementProjection projection;
    DisbursementQueries queries;

    @BeforeEach
    void wire() {
        projection = new DisbursementProjection(disbursements, lines, names);
        queries = new DisbursementQueries(disbursements, lines);
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** The village payment ROAD approved then reversed, WATER rejected; household grants: ZHANG paid, LI waiting. */
    void replay() {
        projection.on(household("PAY-0001", "张三明", JINSUI));
        projection.on(household("PAY-0002", "李四", JINSUI));
        projection.on(WATER, at(1));
        projection.on(ROAD, at(0));
        projection.on(ZHANG, at(2));
        projection.on(LI, at(2));
        projection.on(approved(ROAD, "approver"), at(3));
        projection.on(rejected(WATER, "凭证不全"), at(4));
        projection.on(approved(ZHANG, "approver"), at(5));
        projection.on(reversed(ROAD, "重复拨付"), at(6));
    }

    List<DisbursementView> found(String project, String village, String cardNo, DisbursementStatus status) {
        return queries.handle(new FindDisbursementsQuery(project, village, cardNo, status));
    }

    DisbursementView one(String disbursementId) {
        return found(null, null, null, null).stream()
                .filter(d -> d.disbursementId().equals(disbursementId)).findFirst().orElseThrow();
    }

    @Test
    void aRequestShowsPayeeAmountSplitVoucherAndRequester() {
        projection.on(ROAD, at(0));

        assertThat(one("DSB-PAY-1")).isEqualTo(new DisbursementView("DSB-PAY-1", "PRJ-PAY-V", PayeeKind.VILLAGE,
                JINSUI, "510824100", null, null, 50_000L, List.of(new BudgetLine("FUND-510824-2074-CENTRAL", 30_000L),
                new BudgetLine("FUND-510824-2074-COUNTY", 20_000L)), "苍扶付〔2074〕DSB-PAY-1", null,
                DisbursementStatus.REQUESTED, "clerk", at(0), null, null, null, null, null));
    }

    @Test
    void anApprovalNamesTheApproverAndWhen() {
        replay();

        DisbursementView zhang = one("DSB-PAY-3");
        assertThat(zhang.status()).isEqualTo(DisbursementStatus.APPROVED);
        assertThat(zhang.decidedBy()).isEqualTo("approver");
        assertThat(zhang.decidedAt()).isEqualTo(at(5));
        assertThat(zhang.batchId()).isEqualTo("GB-PAY-1");
        assertThat(zhang.reason()).isNull();
    }

    @Test
    void aRejectionNamesWhoAndWhy() {
        replay();

        DisbursementView water = one("DSB-PAY-2");
        assertThat(water.status()).isEqualTo(DisbursementStatus.REJECTED);
        assertThat(water.decidedBy()).isEqualTo("approver");
        assertThat(water.decidedAt()).isEqualTo(at(4));
        assertThat(water.reason()).isEqualTo("凭证不全");
    }

    @Test
    void aReversalKeepsTheApproverAndNamesWhoReversedItAndWhy() {
        replay();

        DisbursementView road = one("DSB-PAY-1");
        assertThat(road.status()).isEqualTo(DisbursementStatus.REVERSED);
        assertThat(road.decidedBy()).isEqualTo("approver");
        assertThat(road.decidedAt()).isEqualTo(at(3));
        assertThat(road.reversedBy()).isEqualTo("auditor");
        assertThat(road.reversedAt()).isEqualTo(at(6));
        assertThat(road.reason()).isEqualTo("重复拨付");
    }

    @Test
    void headNamesAreShownMaskedAndVillagePaymentsHaveNone() {
        replay();

        assertThat(one("DSB-PAY-3").headNameMasked()).isEqualTo("张*明");
        assertThat(one("DSB-PAY-4").headNameMasked()).isEqualTo("李*");
        assertThat(one("DSB-PAY-1").headNameMasked()).isNull();
        assertThat(found(null, null, null, null)).extracting(DisbursementView::headNameMasked)
                .doesNotContain("张三明", "李四");
    }

    @Test
    void aGrantRequestedBeforeItsHouseholdIsKnownShowsTheNameOnceItIs() {
        projection.on(ZHANG, at(2));
        assertThat(one("DSB-PAY-3").headNameMasked()).isNull();

        projection.on(household("PAY-0001", "张三明", JINSUI));
        assertThat(one("DSB-PAY-3").headNameMasked()).isEqualTo("张*明");
    }

    @Test
    void theListIsInRequestOrderThenById() {
        replay();

        assertThat(found(null, null, null, null)).extracting(DisbursementView::disbursementId)
                .containsExactly("DSB-PAY-1", "DSB-PAY-2", "DSB-PAY-3", "DSB-PAY-4");
    }

    @Test
    void theWholeStreamDeliveredTwiceLeavesTheSameDisbursements() {
        replay();
        List<DisbursementView> once = found(null, null, null, null);
        replay();

        assertThat(found(null, null, null, null)).isEqualTo(once);
        assertThat(lines.count()).isEqualTo(6);
    }

    @Test
    void aLateApprovalDoesNotUndoTheReversal() {
        replay();
        projection.on(approved(ROAD, "approver2"), at(9));

        DisbursementView road = one("DSB-PAY-1");
        assertThat(road.status()).isEqualTo(DisbursementStatus.REVERSED);
        assertThat(road.decidedBy()).isEqualTo("approver");
    }

    @Test
    void aDecisionOnADisbursementNeverRequestedIsABug() {
        assertThatThrownBy(() -> projection.on(approved(ROAD, "approver"), at(3)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(disbursements.count()).isZero();
    }

    @Test
    void aResetForgetsDisbursementsLinesAndNames() {
        replay();
        projection.reset();

        assertThat(disbursements.count()).isZero();
        assertThat(lines.count()).isZero();
        assertThat(names.count()).isZero();
    }

    @Nested
    class Filters {

        @BeforeEach
        void payments() {
            replay();
        }

        List<String> ids(String project, String village, String cardNo, DisbursementStatus status) {
            return found(project, village, cardNo, status).stream().map(DisbursementView::disbursementId).toList();
        }

        @Test
        void byProject() {
            assertThat(ids("PRJ-PAY-H", null, null, null)).containsExactly("DSB-PAY-3", "DSB-PAY-4");
        }

        @Test
        void byVillage() {
            assertThat(ids(null, YUNFENG_VILLAGE, null, null)).containsExactly("DSB-PAY-2");
        }

        @Test
        void byHousehold() {
            assertThat(ids(null, null, "PAY-0002", null)).containsExactly("DSB-PAY-4");
        }

        @Test
        void byStatus() {
            assertThat(ids(null, null, null, DisbursementStatus.REQUESTED)).containsExactly("DSB-PAY-4");
            assertThat(ids(null, null, null, DisbursementStatus.REVERSED)).containsExactly("DSB-PAY-1");
        }

        @Test
        void filtersCombineAndAFilteredDisbursementKeepsItsFundLines() {
            List<DisbursementView> found = found("PRJ-PAY-V", JINSUI, null, DisbursementStatus.REVERSED);
            assertThat(found).hasSize(1);
            assertThat(found.get(0).fromFunds()).extracting(BudgetLine::amountFen).containsExactly(30_000L, 20_000L);
            assertThat(ids("PRJ-PAY-V", YUNFENG_VILLAGE, null, DisbursementStatus.APPROVED)).isEmpty();
        }
    }
}
