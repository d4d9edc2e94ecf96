package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents.StoredEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Township staff write up their projects on the projects screen over HTTP with a browser's session: a township
 * proposes for a village of its own township — the same event as the API's, in role TOWNSHIP — and is offered and
 * shown its own township's villages and projects only; a village of another township typed by hand is refused beside
 * the village and records nothing; the clerk's steps on site (start, complete) are closed to a township; a proposal
 * sent several times at once records once; a user who is CLERK and TOWNSHIP (liaison) proposes as TOWNSHIP. Fiscal
 * year 2027; project names start 乡镇申报.
 */
@LedgerTest
class TownshipProjectScreensApiTest extends LedgerApiTest {

    /** 金穗社区 of 陵江镇 (510824100), the township of the demo users township and liaison. */
    static final String OWN_VILLAGE = "510824100001";
    /** 烟峰楼社区 of 云峰镇 (510824102), township2's. */
    static final String OTHER_VILLAGE = "510824102001";

    static String fund;

    @BeforeEach
    void setUp() {
        if (fund == null) {
            fund = new Ledger(api).appropriate(2027, "INTEGRATED_AGRICULTURE", 1_000_000,
                    "苍财农〔2027〕乡镇申报-" + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    private static String name(String what) {
        return "乡镇申报-" + what + UUID.randomUUID().toString().substring(0, 6);
    }

    static Map<String, String> proposal(String key, String name, String village) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        form.put("name", name);
        form.put("workArea", "INDUSTRY");
        form.put("villageCode", village);
        form.put("beneficiary", "HOUSEHOLDS");
        form.put("fund1", fund);
        form.put("amountYuan1", "60,000");
        form.put("fund2", "");
        form.put("amountYuan2", "");
        form.put("implementer", "金穗社区居民委员会");
        form.put("supervisor", "陵江镇人民政府");
        form.put("startDate", "2027-04-01");
        form.put("endDate", "2027-11-30");
        form.put("expectedHouseholds", "20");
        form.put("expectedPeople", "");
        form.put("subsidyStandardYuan", "3000");
        form.put("description", "种植青花椒");
        return form;
    }

    private long proposalsNamed(String name) {
        return events.ofType("ProjectProposedEvent").stream()
                .filter(event -> name.equals(event.payload().path("name").asText())).count();
    }

    private static String last(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String awaitPage(StaffHttp browser, String path, String... texts) {
        String[] page = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> answer = browser.get(path);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains(texts);
            page[0] = answer.body();
        });
        return page[0];
    }

    @Test
    void aTownshipProposesForItsOwnVillageAsTownshipAndSeesItsOwnProjectsOnlyWithoutTheClerksSteps() {
        StaffHttp township = StaffHttp.loggedIn(port, "township");
        assertThat(township.get("/app/").body()).contains("项目申报", "href=\"/app/projects\"")
                .doesNotContain("编制项目（立项申报）目前通过接口办理");
        HttpResponse<String> page = township.get("/app/projects");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>项目</h1>", "本乡镇项目", "申报项目", "value=\"" + OWN_VILLAGE + "\"",
                        "value=\"" + fund + "\"")
                .doesNotContain("value=\"" + OTHER_VILLAGE + "\"", "value=\"510824115203\"", "全县项目");
        String name = name("青花椒");

        HttpResponse<String> proposed = township.post("/app/projects", proposal(township.formKey(), name,
                OWN_VILLAGE));

        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(302);
        String projectId = last(StaffHttp.location(proposed));
        assertThat(township.get("/app/projects/proposed/" + projectId).body())
                .contains("项目已申报", projectId, name, "60,000.00元", "参加竞争性分配");
        StoredEvent stored = events.of(projectId, "ProjectProposedEvent").get(0);
        assertThat(stored.payload().path("townshipCode").asText()).isEqualTo("510824100");
        assertThat(stored.payload().path("proposedBy").asText()).isEqualTo("township");
        assertThat(stored.metaData().path("role").asText()).isEqualTo("TOWNSHIP");

        // Its page and its list show it, without the clerk's steps on site or the clerk's payments.
        String projectPage = awaitPage(township, "/app/projects/" + projectId, name, "已申报", "开工、完工由县经办人登记");
        assertThat(projectPage).doesNotContain("登记开工", "登记完工", "/app/payments", "项目尚未批复");
        awaitPage(township, "/app/projects", projectId, name);

        // Another township neither lists it nor finds it by its id typed into the path; a clerk sees the county's.
        StaffHttp township2 = StaffHttp.loggedIn(port, "township2");
        assertThat(township2.get("/app/projects").body()).contains("本乡镇项目", "value=\"" + OTHER_VILLAGE + "\"")
                .doesNotContain(projectId, "value=\"" + OWN_VILLAGE + "\"");
        HttpResponse<String> typed = township2.get("/app/projects/" + projectId);
        assertThat(typed.statusCode()).isEqualTo(404);
        assertThat(typed.body()).doesNotContain(name);
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        assertThat(awaitPage(clerk, "/app/projects/" + projectId, name)).contains("项目尚未批复");
        assertThat(clerk.get("/app/projects").body()).contains("全县项目", "value=\"" + OTHER_VILLAGE + "\"");
    }

    @Test
    void aVillageOfAnotherTownshipTypedByHandIsRefusedBesideTheVillageAndRecordsNothing() {
        StaffHttp township = StaffHttp.loggedIn(port, "township");
        township.get("/app/projects");
        String name = name("别乡");

        HttpResponse<String> refused = township.post("/app/projects", proposal(township.formKey(), name,
                OTHER_VILLAGE));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"villageCode-error\">只能办理本乡镇的项目", "aria-invalid=\"true\"")
                .doesNotContain("Exception", "OTHER_TOWNSHIP");
        assertThat(proposalsNamed(name)).isZero();
        // The same form, corrected, records (the refusal left its key unspent: nothing was recorded).
        HttpResponse<String> corrected = township.post("/app/projects", proposal(township.formKey(), name,
                OWN_VILLAGE));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(302);
        assertThat(proposalsNamed(name)).isEqualTo(1);
    }

    @Test
    void aTownshipCannotStartOrCompleteAProjectNorUseTheScreenWithoutTheCsrfTokenAndAReviewerNotAtAll() {
        StaffHttp township = StaffHttp.loggedIn(port, "township");
        township.get("/app/projects");
        String name = name("开工");
        String projectId = last(StaffHttp.location(township.post("/app/projects",
                proposal(township.formKey(), name, OWN_VILLAGE))));
        new Ledger(api).approve("approver", projectId);
        new Ledger(api).projectWhen(projectId, project -> project.path("status").asText().equals("APPROVED"));
        String page = awaitPage(township, "/app/projects/" + projectId, "已批复");
        assertThat(page).doesNotContain("登记开工");

        // Sent anyway (a hand-made post) with a key of this session: refused by role, nothing recorded.
        township.get("/app/projects");
        HttpResponse<String> start = township.post("/app/projects/" + projectId + "/start",
                Map.of("key", township.formKey()));
        assertThat(start.statusCode()).isEqualTo(403);
        assertThat(start.body()).contains("不能办理", "什么也没有记录");
        HttpResponse<String> complete = township.post("/app/projects/" + projectId + "/complete",
                Map.of("key", township.formKey(), "note", "完成"));
        assertThat(complete.statusCode()).isEqualTo(403);
        assertThat(events.of(projectId, "ProjectStartedEvent")).isEmpty();
        assertThat(events.of(projectId, "ProjectCompletedEvent")).isEmpty();

        String other = name("无令牌");
        HttpResponse<String> forged = township.post("/app/projects", proposal(township.formKey(), other,
                OWN_VILLAGE), false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(proposalsNamed(other)).isZero();

        StaffHttp reviewer = StaffHttp.loggedIn(port, "reviewer");
        assertThat(reviewer.get("/app/projects").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/app/projects/" + projectId).statusCode()).isEqualTo(403);
    }

    @Test
    void aProposalSentSeveralTimesAtOnceAndAgainRecordsOnce() throws Exception {
        StaffHttp township = StaffHttp.loggedIn(port, "township");
        township.get("/app/projects");
        String name = name("双击");
        Map<String, String> form = proposal(township.formKey(), name, OWN_VILLAGE);
        form.put("_csrf", township.csrf());

        List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atOnce.add(CompletableFuture.supplyAsync(() -> township.post("/app/projects", form, false)));
        }
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> sent : atOnce) {
            HttpResponse<String> answer = sent.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            answers.add(StaffHttp.location(answer));
        }
        answers.add(StaffHttp.location(township.post("/app/projects", form, false)));

        assertThat(answers).hasSize(4).allMatch(answer -> answer.equals(answers.get(0)));
        assertThat(proposalsNamed(name)).isEqualTo(1);
    }

    @Test
    void aUserWhoIsClerkAndTownshipProposesAsTownshipForItsOwnTownshipOnly() {
        StaffHttp liaison = StaffHttp.loggedIn(port, "liaison");
        HttpResponse<String> page = liaison.get("/app/projects");
        assertThat(page.body()).contains("本乡镇项目", "value=\"" + OWN_VILLAGE + "\"")
                .doesNotContain("value=\"" + OTHER_VILLAGE + "\"");
        String name = name("联络");

        HttpResponse<String> proposed = liaison.post("/app/projects", proposal(liaison.formKey(), name, OWN_VILLAGE));

        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(302);
        StoredEvent stored = events.of(last(StaffHttp.location(proposed)), "ProjectProposedEvent").get(0);
        assertThat(stored.payload().path("proposedBy").asText()).isEqualTo("liaison");
        assertThat(stored.metaData().path("role").asText()).isEqualTo("TOWNSHIP");

        String elsewhere = name("联络别乡");
        liaison.get("/app/projects");
        HttpResponse<String> refused = liaison.post("/app/projects", proposal(liaison.formKey(), elsewhere,
                OTHER_VILLAGE));
        assertThat(refused.body()).contains("id=\"villageCode-error\">只能办理本乡镇的项目");
        assertThat(proposalsNamed(elsewhere)).isZero();
    }
}
