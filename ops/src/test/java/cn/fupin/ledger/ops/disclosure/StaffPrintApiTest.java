package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The print copy of a village's grant list for its notice board: full names, for logged-in staff only, never under
 * /disclosure/. Fiscal year 2088; households T-8200… in 五兴村 (510824104206).
 */
@LedgerTest
class StaffPrintApiTest extends LedgerApiTest {

    static final String VILLAGE = "510824104206";

    @Test
    void staffPrintTheGrantListWithFullNamesWhileThePublicPageMasksThem() {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(2088, "DONATION", 50_000, "苍扶贫〔2088〕1号");
        Households.Row[] rows = IntStream.range(8200, 8203).mapToObj(n -> household(n).withVillageCode(VILLAGE))
                .toArray(Households.Row[]::new);
        ledger.importHouseholds(rows);
        String projectId = ledger.propose("clerk", project("到户增收", "INDUSTRY", VILLAGE, "HOUSEHOLDS", 2088,
                "[" + line(fund, 20_000) + "]"));
        ledger.approve("approver", projectId);
        ledger.requestDisbursement("clerk", projectId, "cardNo", rows[0].cardNo(), 300_000, "苍扶贫付〔2088〕1号");
        String fullName = rows[0].headName();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response printed = api.as("clerk").get("/api/print/villages/" + VILLAGE + "/grant-list");
            assertThat(printed.status()).as(printed.toString()).isEqualTo(200);
            assertThat(printed.contentType()).startsWith("text/html");
            assertThat(printed.body()).contains(fullName).contains("3,000.00元");
        });
        Api.Response publicPage = api.anonymous().get("/disclosure/" + VILLAGE + "/");
        assertThat(publicPage.status()).isEqualTo(200);
        assertThat(publicPage.body()).doesNotContain(fullName);

        assertThat(api.anonymous().get("/api/print/villages/" + VILLAGE + "/grant-list").status()).isEqualTo(401);
        assertThat(api.as("township").get("/api/print/villages/" + VILLAGE + "/grant-list").status()).isEqualTo(403);
        assertThat(api.as("clerk").get("/api/print/villages/510824999999/grant-list").status()).isEqualTo(404);
    }
}
