package cn.fupin.ledger.query.household;

import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.household.FindHouseholdQuery;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
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
    void anUnknownHouseholdIsEmpty() {
        assertThat(queries.handle(new FindHouseholdQuery("NOBODY-1"))).isEmpty();
    }
}
