package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.api.ProblemAssertions.fieldErrors;
import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A flood of objections must not freeze a county: an officer dismisses many objections to a notice as duplicates of
 * one in one request, all or none, each recorded naming the original; the notice's public page shows which items are
 * held and why, without anyone's words. Fiscal year 2065, 金穗社区; households 9121 to 9125.
 */
@LedgerTest
class ObjectionDismissalApiTest extends LedgerApiTest {

    static final int YEAR = 2065;
    static final String VILLAGE = "510824100001";
    /** Objections come from loopback addresses of this class alone, at most four each, below the per-address limit. */
    static final AtomicInteger OBJECTIONS = new AtomicInteger();

    static String grants;
    static int vouchers;

    Ledger ledger;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(api);
        if (grants == null) {
            String fund = ledger.appropriate(YEAR, "CENTRAL", 1_000_000, "财农〔2065〕1号");
            ledger.importHouseholds(java.util.stream.IntStream.rangeClosed(9121, 9125)
                    .mapToObj(n -> household(n).withVillageCode(VILLAGE)).toArray(Households.Row[]::new));
            grants = ledger.propose("clerk", project("异议合并到户项目", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                    "[" + line(fund, 100_000) + "]"));
            ledger.approve("approver", grants);
        }
    }

    /** A grant requested on its own and its grant list, published by the ledger. */
    String[] grantAndList(int household) {
        String grant = ledger.requestDisbursement("clerk", grants, "cardNo", Households.cardNo(household), 3_000_00L,
                "苍扶贫付〔2065〕" + (++vouchers) + "号");
        String list = Ledger.grantListNotice(grant);
        ledger.awaitNotice(list);
        return new String[] {grant, list};
    }

    String object(String noticeId, String item, String text) {
        int n = OBJECTIONS.incrementAndGet();
        FromAddress.Answer filed = new FromAddress(port, "127.0.8." + (1 + n / 4))
                .post("/disclosure/notices/" + noticeId + "/objections",
                        "{\"item\": \"%s\", \"text\": \"%s\"}".formatted(item, text));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().path("objectionId").asText();
    }

    static String dismissal(String duplicateOf, List<String> objectionIds, String reason) {
        return "{\"duplicateOf\": \"%s\", \"objectionIds\": [%s], \"reason\": \"%s\"}".formatted(duplicateOf,
                String.join(",", objectionIds.stream().map(id -> "\"" + id + "\"").toList()), reason);
    }

    String page(String noticeId) {
        return api.anonymous().get("/disclosure/notices/" + noticeId).body();
    }

    @Test
    void anOfficerDismissesADozenDuplicatesInOneRequestAndThePageShowsWhatStillHoldsThePayment() {
        String[] grantAndList = grantAndList(9121);
        String grant = grantAndList[0];
        String list = grantAndList[1];
        String original = object(list, grant, "该户家中有人在县城工作，收入较高");
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            duplicates.add(object(list, grant, "该户不符合条件，请核查"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(page(list))
                .contains("暂缓拨付的条目", "异议办理中（13 件）"));

        Api.Response dismissed = api.as("approver").post("/api/notices/" + list + "/objections/dismissals",
                dismissal(original, duplicates, "与" + original + "反映的问题相同，合并办理"));

        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
        assertThat(dismissed.json().path("dismissed").asInt()).isEqualTo(12);
        List<StoredEvents.StoredEvent> recorded = events.of(list, "ObjectionDismissedAsDuplicateEvent");
        assertThat(recorded).hasSize(12).allSatisfy(event -> {
            assertThat(event.payload().path("duplicateOf").asText()).isEqualTo(original);
            assertThat(event.payload().path("resolvedBy").asText()).isEqualTo("approver");
            assertThat(event.meta("role")).isEqualTo("APPROVER");
            assertThat(event.meta("reason")).isEqualTo("与" + original + "反映的问题相同，合并办理");
        });
        assertThat(recorded).extracting(event -> event.payload().path("objectionId").asText())
                .containsExactlyElementsOf(duplicates);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode forOfficers = api.as("auditor").get("/api/notices/" + list + "/objections").json();
            assertThat(forOfficers.findValuesAsText("duplicateOf")).filteredOn(original::equals).hasSize(12);
            assertThat(page(list)).contains("异议办理中（1 件）", "与异议" + original + "重复，合并办理");
        });
        assertThat(page(list)).doesNotContain("该户不符合条件", "收入较高");

        // The original still holds the payment until it is resolved on its own, by another officer.
        Api.Response resolved = api.as("auditor").post("/api/notices/" + list + "/objections/" + original
                + "/resolve", "{\"outcome\": \"DISMISSED\", \"reason\": \"经核实，该户家庭收入未超过标准\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(page(list))
                .doesNotContain("暂缓拨付的条目"));
        ledger.afterPublicity();
        // Whoever dismissed the duplicates resolved objections holding the grant: another officer pays it.
        assertProblem(api.as("approver").post("/api/disbursements/" + grant + "/approve", "{}"), 409,
                "SAME_RESOLVER_AND_APPROVER");
        assertThat(api.as("deputy").post("/api/disbursements/" + grant + "/approve", "{}").status()).isEqualTo(200);
    }

    @Test
    void oneBadIdOrOneResolvedAlreadyDismissesNoneAndOnlyOfficersDismiss() {
        String[] grantAndList = grantAndList(9122);
        String list = grantAndList[1];
        String original = object(list, grantAndList[0], "重复领取");
        String duplicate = object(list, grantAndList[0], "重复领取");
        String resolvedAlready = object(list, grantAndList[0], "重复领取");
        assertThat(api.as("auditor").post("/api/notices/" + list + "/objections/" + resolvedAlready + "/resolve",
                "{\"outcome\": \"DISMISSED\", \"reason\": \"不属实\"}").status()).isEqualTo(200);
        long before = events.of(list).size();

        assertProblem(api.as("clerk").post("/api/notices/" + list + "/objections/dismissals",
                dismissal(original, List.of(duplicate), "重复")), 403, "FORBIDDEN");
        JsonNode invalid = assertProblem(api.as("approver").post("/api/notices/" + list + "/objections/dismissals",
                dismissal(original, List.of(duplicate, "OBJ-NOT-THERE", "not an id", original), "重复")), 422,
                "DISMISSAL_INVALID");
        assertThat(fieldErrors(invalid)).contains("objectionIds[2]:OBJECTION_NOT_FOUND");
        invalid = assertProblem(api.as("approver").post("/api/notices/" + list + "/objections/dismissals",
                dismissal(original, List.of(duplicate, "OBJ-NOT-THERE", original), "重复")), 422, "DISMISSAL_INVALID");
        assertThat(fieldErrors(invalid)).containsExactly("objectionIds[1]:OBJECTION_NOT_FOUND",
                "objectionIds[2]:DUPLICATE_OF_ITSELF");
        JsonNode conflict = assertProblem(api.as("approver").post("/api/notices/" + list + "/objections/dismissals",
                dismissal(original, List.of(duplicate, resolvedAlready), "重复")), 409, "OBJECTION_ALREADY_RESOLVED");
        assertThat(fieldErrors(conflict)).containsExactly("objectionIds[1]:OBJECTION_ALREADY_RESOLVED");
        assertProblem(api.as("approver").post("/api/notices/" + list + "/objections/dismissals",
                dismissal(original, List.of(duplicate), " ")), 422, "REASON_REQUIRED");
        assertProblem(api.as("approver").post("/api/notices/NTC-NOT-THERE/objections/dismissals",
                dismissal(original, List.of(duplicate), "重复")), 404, "NOTICE_NOT_FOUND");

        assertThat(events.of(list)).hasSize((int) before);
    }
}
