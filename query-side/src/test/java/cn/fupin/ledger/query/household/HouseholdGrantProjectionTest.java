package cn.fupin.ledger.query.household;

import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.household.FindHouseholdQuery;
import cn.fupin.ledger.shared.household.HouseholdView;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static cn.fupin.ledger.query.disbursement.Payments.JINSUI;
import static cn.fupin.ledger.query.disbursement.Payments.approved;
import static cn.fupin.ledger.query.disbursement.Payments.household;
import static cn.fupin.ledger.query.disbursement.Payments.rejected;
import static cn.fupin.ledger.query.disbursement.Payments.reversed;
import static cn.fupin.ledger.query.disbursement.Payments.toHousehold;
import static cn.fupin.ledger.query.disbursement.Payments.toVillage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A household's start-up grants, from the disbursements paid to households, each with where it stands. */
@DataJpaTest(showSql = false)
class HouseholdGrantProjectionTest {

    static final Instant T0 = Instant.parse("2074-05-01T08:00:00Z");

    static final DisbursementRequestedEvent FIRST = toHousehold("DSB-PAY-11", "PAY-0011", JINSUI, 300_000L, null);
    static final DisbursementRequestedEvent SECOND =
            toHousehold("DSB-PAY-12", "PAY-0011", JINSUI, 300_000L, "GB-PAY-2");
    static final DisbursementRequestedEvent THIRD = toHousehold("DSB-PAY-13", "PAY-0011", JINSUI, 350_000L, null);
    static final DisbursementRequestedEvent OTHER = toHousehold("DSB-PAY-14", "PAY-0012", JINSUI, 300_000L, null);
    static final DisbursementRequestedEvent VILLAGE = toVillage("DSB-PAY-15", JINSUI, 1_000L, 1_000L);

    @Autowired
    HouseholdRepository households;

    @Autowired
    HouseholdStatusChangeRepository changes;

    @Autowired
    HouseholdGrantRepository grants;

    HouseholdProjection projection;
    HouseholdQueries queries;

    @BeforeEach
    void wire() {
        projection = new HouseholdProjection(households, changes, grants);
        queries = new HouseholdQueries(households, changes, grants, Gazetteer.forCounty("510824"));
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** The first grant rejected, the second paid and reversed, the third paid; another household's, a village's. */
    void replay() {
        projection.on(household("PAY-0011", "张三明", JINSUI), 0, T0);
        projection.on(household("PAY-0012", "李四", JINSUI), 0, T0);
        projection.on(FIRST, at(1));
        projection.on(VILLAGE, at(1));
        projection.on(rejected(FIRST, "非本村农户"));
        projection.on(rejected(VILLAGE, "凭证不全"));
        projection.on(SECOND, at(2));
        projection.on(OTHER, at(2));
        projection.on(approved(SECOND, "approver"));
        projection.on(reversed(SECOND, "银行退回"));
        projection.on(THIRD, at(3));
        projection.on(approved(THIRD, "approver"));
    }

    List<HouseholdView.Grant> grantsOf(String cardNo) {
        return queries.handle(new FindHouseholdQuery(cardNo)).orElseThrow().grants();
    }

    @Test
    void aHouseholdShowsEachOfItsGrantsWithWhereItStands() {
        replay();

        assertThat(grantsOf("PAY-0011")).containsExactly(
                new HouseholdView.Grant("DSB-PAY-11", "PRJ-PAY-H", 300_000L, "REJECTED"),
                new HouseholdView.Grant("DSB-PAY-12", "PRJ-PAY-H", 300_000L, "REVERSED"),
                new HouseholdView.Grant("DSB-PAY-13", "PRJ-PAY-H", 350_000L, "APPROVED"));
        assertThat(grantsOf("PAY-0012")).containsExactly(
                new HouseholdView.Grant("DSB-PAY-14", "PRJ-PAY-H", 300_000L, "REQUESTED"));
    }

    @Test
    void villagePaymentsAreNobodysGrant() {
        replay();

        assertThat(grants.findById("DSB-PAY-15")).isEmpty();
    }

    @Test
    void aGrantRequestedBeforeItsHouseholdIsProjectedShowsOnceTheHouseholdIs() {
        projection.on(THIRD, at(3));
        projection.on(household("PAY-0011", "张三明", JINSUI), 0, T0);

        assertThat(grantsOf("PAY-0011")).extracting(HouseholdView.Grant::disbursementId).containsExactly("DSB-PAY-13");
    }

    @Test
    void theWholeStreamDeliveredTwiceLeavesTheSameGrants() {
        replay();
        HouseholdView once = queries.handle(new FindHouseholdQuery("PAY-0011")).orElseThrow();
        replay();

        assertThat(queries.handle(new FindHouseholdQuery("PAY-0011")).orElseThrow()).isEqualTo(once);
        assertThat(grants.count()).isEqualTo(4);
    }

    @Test
    void aLateApprovalDoesNotUndoAReversal() {
        replay();
        projection.on(approved(SECOND, "approver"));

        assertThat(grants.findById("DSB-PAY-12").orElseThrow().status().name()).isEqualTo("REVERSED");
    }

    @Test
    void aDecisionOnAGrantNeverRequestedIsABug() {
        assertThatThrownBy(() -> projection.on(approved(THIRD, "approver"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aResetForgetsGrants() {
        replay();
        projection.reset();

        assertThat(grants.count()).isZero();
        assertThat(households.count()).isZero();
    }
}
