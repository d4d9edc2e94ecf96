package cn.fupin.ledger.query.household;

import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.household.FindHouseholdQuery;
import cn.fupin.ledger.shared.household.FindVillageHeadNamesQuery;
import cn.fupin.ledger.shared.household.HeadNameView;
import cn.fupin.ledger.shared.household.HouseholdBankCardCorrectedEvent;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdSummary;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
import cn.fupin.ledger.shared.household.SearchHouseholdsQuery;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.HouseholdStatus;
import cn.fupin.ledger.shared.household.HouseholdView;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The household projection on its own, with every event handed over twice as at-least-once delivery may do. */
@LedgerTest
class HouseholdProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @Autowired
    HouseholdProjection projection;

    @Autowired
    HouseholdQueries queries;

    @Test
    void theRegisterFollowsExitsAndReturnsOnceEach() {
        HouseholdRegisteredEvent registered = new HouseholdRegisteredEvent("PROJ-0001", "张三明", "v1:cipher-id",
                "**************0011", "v1:cipher-card", "***************1234", "510824100001", "510824100", 3, true,
                "IMPORT-1");
        HouseholdExitedEvent exited = new HouseholdExitedEvent("PROJ-0001", 2016, "人均纯收入超过标准");
        HouseholdReturnedEvent returned = new HouseholdReturnedEvent("PROJ-0001", 2017, "因病返贫");

        projection.on(registered, 0, T0);
        projection.on(registered, 0, T0);
        projection.on(exited, 1, T0.plusSeconds(60));
        projection.on(exited, 1, T0.plusSeconds(60));
        projection.on(returned, 2, T0.plusSeconds(120));
        projection.on(exited, 1, T0.plusSeconds(60));

        HouseholdView view = queries.handle(new FindHouseholdQuery("PROJ-0001")).orElseThrow();
        assertThat(view.status()).isEqualTo(HouseholdStatus.RETURNED);
        assertThat(view.migrant()).isTrue();
        assertThat(view.idNumber()).isEqualTo("**************0011");
        assertThat(view.bankCard()).isEqualTo("***************1234");
        assertThat(view.villageName()).isEqualTo("金穗社区居民委员会");
        assertThat(view.townshipName()).isEqualTo("陵江镇");
        assertThat(view.history()).extracting(HouseholdView.StatusChange::status)
                .containsExactly(HouseholdStatus.REGISTERED, HouseholdStatus.EXITED, HouseholdStatus.RETURNED);
        assertThat(view.history()).extracting(HouseholdView.StatusChange::reason)
                .containsExactly(null, "人均纯收入超过标准", "因病返贫");
    }

    @Test
    void correctionsShowTheNewCardAndVillageAndMoveTheHeadToTheNewVillagesNamesOnce() {
        HouseholdRegisteredEvent registered = new HouseholdRegisteredEvent("PROJ-3402", "李四清", "v1:cipher-id",
                "**************0022", "v1:cipher-card", "***************5678", "510824100003", "510824100", 2, false,
                "IMPORT-2");
        HouseholdBankCardCorrectedEvent card = new HouseholdBankCardCorrectedEvent("PROJ-3402", "v1:cipher-new",
                "***************9012", "***************5678", "换卡");
        HouseholdVillageCorrectedEvent village = new HouseholdVillageCorrectedEvent("PROJ-3402", "510824100003",
                "510824100", "510824102002", "510824102", "易地搬迁");

        projection.on(registered, 0, T0);
        projection.on(card, 1);
        projection.on(village, 2);
        projection.on(card, 1);
        projection.on(village, 2);

        HouseholdView view = queries.handle(new FindHouseholdQuery("PROJ-3402")).orElseThrow();
        assertThat(view.bankCard()).isEqualTo("***************9012");
        assertThat(view.villageCode()).isEqualTo("510824102002");
        assertThat(view.townshipName()).isEqualTo("云峰镇");
        assertThat(queries.handle(new FindVillageHeadNamesQuery("510824102002")))
                .contains(new HeadNameView("PROJ-3402", "李四清"));
        assertThat(queries.handle(new FindVillageHeadNamesQuery("510824100003")))
                .extracting(HeadNameView::cardNo).doesNotContain("PROJ-3402");
        assertThat(queries.handle(new SearchHouseholdsQuery("PROJ-34", null, "510824102002", null, 10)))
                .extracting(HouseholdSummary::cardNo).containsExactly("PROJ-3402");
        assertThat(queries.handle(new SearchHouseholdsQuery("PROJ-3%", null, null, null, 10))).isEmpty();
    }

    @Test
    void anUnknownHouseholdIsEmpty() {
        assertThat(queries.handle(new FindHouseholdQuery("NOBODY-1"))).isEmpty();
    }
}
