package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.NextLinks;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProjectSelectedEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSubmittedToCompetitionEvent;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/projects} and {@code /api/projects/{id}} over projects whose events the test appends to the store:
 * three projects in 白鹤乡 (510824208) and 浙水乡 (510824209), which no other test uses, with ids PRJ-QRY-….
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectQueryApiTest extends LedgerApiTest {

    static final String BAIHE = "510824208";
    static final String LIUCHI = "510824208203";
    static final String SHANGYOU = "510824208206";
    static final String ZHESHUI_VILLAGE = "510824209203";
    static final Instant T0 = Instant.parse("2072-03-01T08:00:00Z");

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    static ProjectProposedEvent proposed(String projectId, String villageCode, String workArea, long... amountsFen) {
        List<BudgetLine> budget = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < amountsFen.length; i++) {
            budget.add(new BudgetLine(i == 0 ? "FUND-510824-2072-CENTRAL" : "FUND-510824-2072-COUNTY", amountsFen[i]));
            total += amountsFen[i];
        }
        return new ProjectProposedEvent(projectId, "项目 " + projectId, workArea, villageCode, villageCode.substring(0, 9),
                Beneficiary.VILLAGE, budget, total, "村民委员会", "乡人民政府", LocalDate.of(2072, 4, 1),
                LocalDate.of(2072, 11, 30), 30, null, "新建蓄水池 2 口", null, null, "李德春", "0839-5333333", null,
                "clerk");
    }

    @BeforeAll
    void recordProjects() {
        EventAppender appender = new EventAppender(eventStore, transactions, eventProcessing, readModelProgress);
        // PRJ-QRY-1: proposed, submitted, selected, approved (reserving both lines).
        appender.appendAt(T0, "Project", "PRJ-QRY-1", proposed("PRJ-QRY-1", LIUCHI, "WATER", 300_000L, 200_000L));
        appender.appendAt(T0.plusSeconds(60), "Project", "PRJ-QRY-1",
                new ProjectSubmittedToCompetitionEvent("PRJ-QRY-1", "CMP-QRY-P", "township"));
        appender.appendAt(T0.plusSeconds(120), "Project", "PRJ-QRY-1",
                new ProjectSelectedEvent("PRJ-QRY-1", "CMP-QRY-P", 1, 300_000L), Map.of("actor", "approver"));
        appender.appendAt(T0.plusSeconds(180), "Project", "PRJ-QRY-1", new ProjectApprovedEvent("PRJ-QRY-1",
                "苍扶发〔2072〕7号", List.of(new BudgetLine("FUND-510824-2072-CENTRAL", 300_000L),
                new BudgetLine("FUND-510824-2072-COUNTY", 200_000L)), "approver"));
        // PRJ-QRY-2: proposed only, in another village of the same township.
        appender.appendAt(T0, "Project", "PRJ-QRY-2", proposed("PRJ-QRY-2", SHANGYOU, "ROADS", 100_000L));
        // PRJ-QRY-3: approved then cancelled, in another township.
        appender.appendAt(T0, "Project", "PRJ-QRY-3", proposed("PRJ-QRY-3", ZHESHUI_VILLAGE, "ROADS", 50_000L));
        appender.appendAt(T0.plusSeconds(60), "Project", "PRJ-QRY-3", new ProjectApprovedEvent("PRJ-QRY-3",
                "苍扶发〔2072〕8号", List.of(new BudgetLine("FUND-510824-2072-CENTRAL", 50_000L)), "approver"));
        appender.appendAt(T0.plusSeconds(120), "Project", "PRJ-QRY-3", new ProjectCancelledEvent("PRJ-QRY-3",
                ProjectStatus.APPROVED, "地质灾害，无法施工", List.of(new BudgetLine("FUND-510824-2072-CENTRAL", 50_000L)),
                "approver"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(get("PRJ-QRY-1").path("status").asText()).isEqualTo("APPROVED");
            assertThat(get("PRJ-QRY-2").path("status").asText()).isEqualTo("PROPOSED");
            assertThat(get("PRJ-QRY-3").path("status").asText()).isEqualTo("CANCELLED");
        });
    }

    private JsonNode get(String projectId) {
        return new Api(port).as("clerk").get("/api/projects/" + projectId).json();
    }

    private List<String> listed(String query) {
        Api.Response response = api.as("auditor").get("/api/projects" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(project -> ids.add(project.path("projectId").asText()));
        return ids;
    }

    @Test
    void oneProjectShowsItsPlacesBudgetReservationAndHistory() {
        JsonNode project = get("PRJ-QRY-1");

        assertThat(project.path("name").asText()).isEqualTo("项目 PRJ-QRY-1");
        assertThat(project.path("workArea").asText()).isEqualTo("WATER");
        assertThat(project.path("workAreaName").asText()).isEqualTo("农田水利和饮水安全");
        assertThat(project.path("villageName").asText()).isEqualTo("柳池村村民委员会");
        assertThat(project.path("townshipCode").asText()).isEqualTo(BAIHE);
        assertThat(project.path("townshipName").asText()).isEqualTo("白鹤乡");
        assertThat(project.path("budgetTotalFen").asLong()).isEqualTo(500_000L);
        assertThat(project.path("reservedFen").asLong()).isEqualTo(500_000L);
        assertThat(project.path("budget")).hasSize(2);
        assertThat(project.path("budget").get(1).path("fundId").asText()).isEqualTo("FUND-510824-2072-COUNTY");
        assertThat(project.path("budget").get(1).path("amountFen").asLong()).isEqualTo(200_000L);
        assertThat(project.path("competitionId").asText()).isEqualTo("CMP-QRY-P");
        assertThat(project.path("approvalDocNo").asText()).isEqualTo("苍扶发〔2072〕7号");
        assertThat(project.path("startDate").asText()).isEqualTo("2072-04-01");

        JsonNode history = project.path("history");
        List<String> steps = new ArrayList<>();
        history.forEach(step -> steps.add(step.path("step").asText() + "/" + step.path("status").asText() + "/"
                + step.path("actor").asText()));
        assertThat(steps).containsExactly("PROPOSED/PROPOSED/clerk", "SUBMITTED/PROPOSED/township",
                "SELECTED/SELECTED/approver", "APPROVED/APPROVED/approver");
        assertThat(history.get(0).path("at").asText()).isEqualTo("2072-03-01T08:00:00Z");
        assertThat(history.get(3).path("detail").asText()).isEqualTo("苍扶发〔2072〕7号");
    }

    @Test
    void aCancelledProjectHoldsNothingAnyMoreAndSaysWhy() {
        JsonNode project = get("PRJ-QRY-3");

        assertThat(project.path("reservedFen").asLong()).isZero();
        JsonNode last = project.path("history").get(2);
        assertThat(last.path("step").asText()).isEqualTo("CANCELLED");
        assertThat(last.path("detail").asText()).isEqualTo("地质灾害，无法施工");
    }

    @Nested
    class Filters {

        @Test
        void byTownship() {
            // Other test classes may add projects to the same township (rounds use it too): only this class's count.
            assertThat(listed("?township=" + BAIHE)).filteredOn(id -> id.matches("PRJ-QRY-\\d+"))
                    .containsExactly("PRJ-QRY-1", "PRJ-QRY-2");
        }

        @Test
        void byVillage() {
            assertThat(listed("?village=" + SHANGYOU)).containsExactly("PRJ-QRY-2");
        }

        @Test
        void byStatusAndTownship() {
            assertThat(listed("?township=" + BAIHE + "&status=APPROVED")).containsExactly("PRJ-QRY-1");
            assertThat(listed("?status=CANCELLED")).contains("PRJ-QRY-3").doesNotContain("PRJ-QRY-1", "PRJ-QRY-2");
        }

        @Test
        void emptyParametersAreNoFilter() {
            assertThat(listed("?township=&village=&status=")).contains("PRJ-QRY-1", "PRJ-QRY-2", "PRJ-QRY-3");
        }

        @Test
        void aVillageOfAnotherTownshipFindsNothing() {
            assertThat(listed("?township=" + BAIHE + "&village=" + ZHESHUI_VILLAGE)).isEmpty();
        }
    }

    /** {@code ?size=&after=}: keyset pages in id order, linked by {@code Link: rel="next"}. */
    @Nested
    class Pages {

        @Test
        void thePagesOfAListHoldItsRowsInOrderEachOnce() {
            List<String> whole = listed("?township=" + BAIHE);
            assertThat(whole).hasSizeGreaterThanOrEqualTo(2);

            List<List<String>> pages = NextLinks.follow(api.as("reviewer"), "/api/projects?township=" + BAIHE + "&size=1",
                    row -> row.path("projectId").asText());

            assertThat(pages).allSatisfy(page -> assertThat(page).hasSize(1));
            assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(whole);
        }

        @Test
        void aCursorOfAnotherKindOfListIsRefused() {
            String link = api.as("clerk").get("/api/projects?township=" + BAIHE + "&size=1").header("Link");
            String cursor = link.substring(link.indexOf("after=") + 6).replaceAll("[&>].*", "");

            Api.Response refused = api.as("clerk").get("/api/disbursements?after=" + cursor);

            assertThat(refused.status()).as("%s", refused).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("INVALID_CURSOR");
            assertThat(api.as("clerk").get("/api/projects?size=0").code()).isEqualTo("INVALID_PAGE_SIZE");
        }
    }

    @Nested
    class Refusals {

        @Test
        void anUnknownProjectIsNotFound() {
            Api.Response response = api.as("clerk").get("/api/projects/PRJ-QRY-NONE");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("PROJECT_NOT_FOUND");
        }

        @Test
        void anIdOfTheWrongShapeIsNotFound() {
            Api.Response response = api.as("clerk").get("/api/projects/nothing-like-an-id");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("PROJECT_NOT_FOUND");
        }

        @Test
        void aStatusThatDoesNotExistIsAnInvalidParameter() {
            Api.Response response = api.as("clerk").get("/api/projects?status=DONE");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("status");
        }

        @Test
        void aTownshipCodeOfTheWrongShapeIsAnInvalidParameter() {
            Api.Response response = api.as("clerk").get("/api/projects?township=5108");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.code()).isEqualTo("INVALID_TOWNSHIP_CODE");
        }

        @Test
        void nobodyUnauthenticatedReadsProjects() {
            assertThat(api.anonymous().get("/api/projects").status()).isEqualTo(401);
        }
    }
}
