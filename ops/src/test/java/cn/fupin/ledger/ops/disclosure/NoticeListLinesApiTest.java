package cn.fupin.ledger.ops.disclosure;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.PublicPagesCaughtUp;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public lists of notices over HTTP, with no login, from a project recorded through the API: the village's list
 * names its plan by township, village, project, amount and the period's end, and the township's list names the project's line by
 * township, village, project and amount — what tells one notice from the next, not only look-alike titles — each
 * linked to the notice, with its title beneath. Fiscal year 2028; 亭子镇 (510824125) and its 清河村 (510824125201).
 */
@LedgerTest
class NoticeListLinesApiTest extends LedgerApiTest {

    static final int YEAR = 2028;
    static final String TOWNSHIP = "510824125";
    static final String VILLAGE = "510824125201";
    static final String PROJECT = "清河村油茶示范园";

    static String projectId;
    static boolean attempted;

    @Autowired
    ReadModelProgress progress;

    @Autowired
    EventStore eventStore;

    @BeforeEach
    void recordFactsOnce() {
        if (attempted) {
            assertThat(projectId).as("the facts of this class were recorded").isNotNull();
            return;
        }
        attempted = true;
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "PROVINCIAL", 500_000, "亭子测〔2028〕1号");
        ledger.designatePoor(VILLAGE, YEAR);
        String id = ledger.propose("clerk", project(PROJECT, "ENERGY", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 123_456) + "]"));
        ledger.approve("approver", id);
        ledger.awaitNotice(Ledger.planNotice(id));
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
        projectId = id;
    }

    String page(String code) {
        Api.Response response = api.anonymous().get("/disclosure/" + Site.place(code));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** The list entry linked to the notice: its link text and the meta line beneath it. */
    static String[] entry(String html, String noticeId) {
        Matcher entry = Pattern.compile("<li><a href=\"[^\"]*notices/" + Pattern.quote(noticeId)
                + "\\.html\">(.*?)</a>.*?<span class=\"meta\">(.*?)</span></li>").matcher(html);
        assertThat(entry.find()).as("an entry for " + noticeId).isTrue();
        return new String[] {entry.group(1), entry.group(2)};
    }

    @Test
    void theVillagesListNamesThePlanByPlaceProjectAndAmountWithItsTitleBeneath() {
        String[] plan = entry(page(VILLAGE), Ledger.planNotice(projectId));

        assertThat(plan[0]).matches("亭子镇 · 清河村 · 清河村油茶示范园 · 12\\.35万元 · 公示至 \\d{1,2}月\\d{1,2}日");
        assertThat(plan[1]).startsWith("清河村油茶示范园项目计划公示 · 发布于 ");
    }

    @Test
    void theTownshipsListNamesTownshipVillageProjectAndAmount() {
        // the township's line of the project: the plan's id in the series of the township's lists (NTC-PT-…)
        String[] list = entry(page(TOWNSHIP), Ledger.planNotice(projectId).replaceFirst("^NTC-PP-", "NTC-PT-"));

        assertThat(list[0]).matches("亭子镇 · 清河村 · 清河村油茶示范园 · 12\\.35万元 · 公示至 \\d{1,2}月\\d{1,2}日");
        assertThat(list[1]).contains("扶贫项目计划公告").contains("发布于 ");
    }
}
