package cn.fupin.ledger.query.coverage;

import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.FindGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.FindTownshipGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.disbursement.FindVillageGrantCoverageQuery;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static cn.fupin.ledger.query.disbursement.Payments.JINSUI;
import static cn.fupin.ledger.query.disbursement.Payments.LINGJIANG;
import static cn.fupin.ledger.query.disbursement.Payments.YUNFENG;
import static cn.fupin.ledger.query.disbursement.Payments.YUNFENG_VILLAGE;
import static cn.fupin.ledger.query.disbursement.Payments.approved;
import static cn.fupin.ledger.query.disbursement.Payments.household;
import static cn.fupin.ledger.query.disbursement.Payments.reversed;
import static cn.fupin.ledger.query.disbursement.Payments.toHousehold;
import static cn.fupin.ledger.query.disbursement.Payments.toVillage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up grant coverage: registered households (registered or returned, not exited; migrants like everyone), those
 * of them with a paid and unreversed grant, and the fen paid to them, by village, township and county.
 */
@DataJpaTest(showSql = false)
class CoverageProjectionTest {

    /** Another village of 陵江镇. */
    static final String HONGJUNLU = "510824100002";

    static final DisbursementRequestedEvent PAID_A = toHousehold("DSB-PAY-21", "PAY-A", JINSUI, 300_000L, null);
    static final DisbursementRequestedEvent PAID_B = toHousehold("DSB-PAY-22", "PAY-B", JINSUI, 350_000L, null);
    static final DisbursementRequestedEvent REVERSED_C =
            toHousehold("DSB-PAY-23", "PAY-C", HONGJUNLU, 300_000L, null);
    static final DisbursementRequestedEvent PAID_EXITED = toHousehold("DSB-PAY-24", "PAY-E", JINSUI, 300_000L, null);
    static final DisbursementRequestedEvent PAID_Y =
            toHousehold("DSB-PAY-25", "PAY-Y", YUNFENG_VILLAGE, 400_000L, null);
    static final DisbursementRequestedEvent ROAD = toVillage("DSB-PAY-26", JINSUI, 1_000_000L, 0L);

    @Autowired
    CoverageHouseholdRepository households;

    @Autowired
    CoverageGrantRepository grants;

    @Autowired
    CoverageVillageRepository villages;

    CoverageProjection projection;
    CoverageQueries queries;

    @BeforeEach
    void wire() {
        projection = new CoverageProjection(households, grants, villages);
        queries = new CoverageQueries(villages, Gazetteer.forCounty("510824"));
    }

    static HouseholdRegisteredEvent migrant(String cardNo, String villageCode) {
        return new HouseholdRegisteredEvent(cardNo, "王五", "v1:cipher-id", "**************0011", "v1:cipher-card",
                "***************1234", villageCode, villageCode.substring(0, 9), 4, true, "IMPORT-PAY");
    }

    /**
     * 金穗社区: A paid, B (a migrant) paid, D without a grant, E paid but exited, R exited and returned without a grant.
     * 红军路社区: C paid and reversed. 云峰镇: Y paid. A village payment to 金穗社区 that is nobody's grant.
     */
    void replay() {
        projection.on(household("PAY-A", "张三明", JINSUI), 0);
        projection.on(migrant("PAY-B", JINSUI), 0);
        projection.on(household("PAY-C", "赵六", HONGJUNLU), 0);
        projection.on(household("PAY-D", "钱七", JINSUI), 0);
        projection.on(household("PAY-E", "孙八", JINSUI), 0);
        projection.on(new HouseholdExitedEvent("PAY-E", 2074, "人均纯收入超过标准"), 1);
        projection.on(household("PAY-R", "周九", JINSUI), 0);
        projection.on(new HouseholdExitedEvent("PAY-R", 2074, "人均纯收入超过标准"), 1);
        projection.on(new HouseholdReturnedEvent("PAY-R", 2075, "因病返贫"), 2);
        projection.on(household("PAY-Y", "吴十", YUNFENG_VILLAGE), 0);
        projection.on(approved(PAID_A, "approver"));
        projection.on(approved(PAID_B, "approver"));
        projection.on(approved(REVERSED_C, "approver"));
        projection.on(reversed(REVERSED_C, "银行退回"));
        projection.on(approved(PAID_EXITED, "approver"));
        projection.on(approved(PAID_Y, "approver"));
        projection.on(approved(ROAD, "approver"));
    }

    GrantCoverageView coverage(String level, String code) {
        return queries.handle(new FindGrantCoverageQuery(level, code)).orElseThrow();
    }

    @Test
    void aVillageCountsItsRegisteredHouseholdsAndThoseOfThemPaid() {
        replay();

        assertThat(coverage("VILLAGE", JINSUI))
                .isEqualTo(new GrantCoverageView("VILLAGE", JINSUI, "金穗社区居民委员会", 4, 2, 650_000L));
    }

    @Test
    void aReversedGrantIsNoGrant() {
        replay();

        assertThat(coverage("VILLAGE", HONGJUNLU))
                .isEqualTo(new GrantCoverageView("VILLAGE", HONGJUNLU, "红军路社区居民委员会", 1, 0, 0L));
    }

    @Test
    void aTownshipAndTheCountyAddUpTheirVillages() {
        replay();

        assertThat(coverage("TOWNSHIP", LINGJIANG))
                .isEqualTo(new GrantCoverageView("TOWNSHIP", LINGJIANG, "陵江镇", 5, 2, 650_000L));
        assertThat(coverage("COUNTY", null))
                .isEqualTo(new GrantCoverageView("COUNTY", "510824", "苍溪县", 6, 3, 1_050_000L));
        assertThat(coverage("county", "510824").granted()).isEqualTo(3);
    }

    @Test
    void aTownshipsVillagesAreCountedInOneAnswerInTheGazetteersOrder() {
        replay();

        List<GrantCoverageView> villagesOfLingjiang = queries.handle(new FindVillageGrantCoverageQuery(LINGJIANG));

        assertThat(villagesOfLingjiang).extracting(GrantCoverageView::code).containsExactlyElementsOf(
                Gazetteer.forCounty("510824").villagesOf(LINGJIANG).stream().map(village -> village.code()).toList());
        assertThat(villagesOfLingjiang).contains(
                new GrantCoverageView("VILLAGE", JINSUI, "金穗社区居民委员会", 4, 2, 650_000L),
                new GrantCoverageView("VILLAGE", HONGJUNLU, "红军路社区居民委员会", 1, 0, 0L));
        assertThat(villagesOfLingjiang).allSatisfy(village -> assertThat(village)
                .isEqualTo(coverage("VILLAGE", village.code())));
        assertThat(queries.handle(new FindVillageGrantCoverageQuery("510825100"))).isEmpty();
    }

    @Test
    void aHouseholdThatExitsLeavesTheCountAndOneThatReturnsComesBack() {
        replay();
        projection.on(new HouseholdExitedEvent("PAY-A", 2075, "人均纯收入超过标准"), 1);
        projection.on(new HouseholdExitedEvent("PAY-R", 2076, "人均纯收入超过标准"), 3);
        projection.on(new HouseholdReturnedEvent("PAY-E", 2076, "因灾返贫"), 2);

        assertThat(coverage("VILLAGE", JINSUI))
                .isEqualTo(new GrantCoverageView("VILLAGE", JINSUI, "金穗社区居民委员会", 3, 2, 650_000L));
    }

    @Test
    void aHouseholdWhoseVillageIsCorrectedCountsWithItsGrantInTheNewVillageOnlyOnce() {
        replay();
        HouseholdVillageCorrectedEvent moved = new HouseholdVillageCorrectedEvent("PAY-A", JINSUI, LINGJIANG,
                YUNFENG_VILLAGE, YUNFENG_VILLAGE.substring(0, 9), "登记村有误");
        projection.on(moved, 1);
        projection.on(moved, 1);

        assertThat(coverage("VILLAGE", JINSUI))
                .isEqualTo(new GrantCoverageView("VILLAGE", JINSUI, "金穗社区居民委员会", 3, 1, 350_000L));
        assertThat(coverage("VILLAGE", YUNFENG_VILLAGE).registered()).isEqualTo(2);
        assertThat(coverage("VILLAGE", YUNFENG_VILLAGE).granted()).isEqualTo(2);
        assertThat(coverage("COUNTY", null))
                .isEqualTo(new GrantCoverageView("COUNTY", "510824", "苍溪县", 6, 3, 1_050_000L));
    }

    @Test
    void aGrantPaidBeforeItsHouseholdIsProjectedCountsOnceItIs() {
        projection.on(approved(PAID_A, "approver"));
        assertThat(coverage("VILLAGE", JINSUI).granted()).isZero();

        projection.on(household("PAY-A", "张三明", JINSUI), 0);
        assertThat(coverage("VILLAGE", JINSUI).granted()).isEqualTo(1);
    }

    @Test
    void theWholeStreamDeliveredTwiceCountsTheSame() {
        replay();
        GrantCoverageView once = coverage("COUNTY", null);
        replay();

        assertThat(coverage("COUNTY", null)).isEqualTo(once);
    }

    @Test
    void eachVillagesKeptCountsAreACountOfItsHouseholdsAndGrants() {
        replay();
        projection.on(new HouseholdExitedEvent("PAY-A", 2075, "人均纯收入超过标准"), 1);

        for (String village : List.of(JINSUI, HONGJUNLU, YUNFENG_VILLAGE)) {
            Object[] counted = households.villageCoverage(village).get(0);
            Object[] kept = villages.coverage(null, village).get(0);
            assertThat(kept).as(village).containsExactly(((Number) counted[0]).longValue(),
                    ((Number) counted[1]).longValue(), ((Number) counted[2]).longValue());
        }
    }

    @Test
    void inAUnitOfWorkEachVillageIsCountedOnceJustBeforeTheBatchCommits() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a batch"));
        try {
            replay();
            // Nothing counted while the batch runs: the counts are made once per village when it commits.
            assertThat(villages.count()).isZero();
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        assertThat(villages.count()).isEqualTo(3);
        assertThat(coverage("VILLAGE", JINSUI))
                .isEqualTo(new GrantCoverageView("VILLAGE", JINSUI, "金穗社区居民委员会", 4, 2, 650_000L));
        assertThat(coverage("COUNTY", null))
                .isEqualTo(new GrantCoverageView("COUNTY", "510824", "苍溪县", 6, 3, 1_050_000L));
    }

    @Test
    void aReversalOfAGrantNeverPaidIsABug() {
        assertThatThrownBy(() -> projection.on(reversed(PAID_A, "银行退回")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aResetForgetsHouseholdsAndGrants() {
        replay();
        projection.reset();

        assertThat(households.count()).isZero();
        assertThat(grants.count()).isZero();
        assertThat(villages.count()).isZero();
        assertThat(coverage("COUNTY", null).registered()).isZero();
    }

    @Nested
    class Places {

        @Test
        void aPlaceOutsideTheCountyHasNoAnswer() {
            assertThat(queries.handle(new FindGrantCoverageQuery("COUNTY", "510823"))).isEmpty();
            assertThat(queries.handle(new FindGrantCoverageQuery("TOWNSHIP", "510823100"))).isEmpty();
            assertThat(queries.handle(new FindGrantCoverageQuery("VILLAGE", "510824100999"))).isEmpty();
        }

        @Test
        void aPlaceWithoutHouseholdsCountsNothing() {
            assertThat(coverage("TOWNSHIP", YUNFENG))
                    .isEqualTo(new GrantCoverageView("TOWNSHIP", YUNFENG, "云峰镇", 0, 0, 0L));
        }

        @Test
        void everyTownshipOfTheCountyIsListedInTheGazetteersOrder() {
            replay();

            List<GrantCoverageView> townships = queries.handle(new FindTownshipGrantCoverageQuery(null));
            assertThat(townships).hasSize(Gazetteer.forCounty("510824").townships().size());
            assertThat(townships.get(0)).isEqualTo(new GrantCoverageView("TOWNSHIP", LINGJIANG, "陵江镇", 5, 2, 650_000L));
            assertThat(townships.get(1)).isEqualTo(new GrantCoverageView("TOWNSHIP", YUNFENG, "云峰镇", 1, 1, 400_000L));
            assertThat(townships.subList(2, townships.size())).allSatisfy(t -> assertThat(t.registered()).isZero());
            assertThat(townships.stream().mapToLong(GrantCoverageView::grantedFen).sum())
                    .isEqualTo(coverage("COUNTY", null).grantedFen());
        }
    }
}
