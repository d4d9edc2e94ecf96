package cn.fupin.ledger.ops.app;

import static cn.fupin.ledger.ops.testing.Households.YANFENGLOU;
import static cn.fupin.ledger.ops.testing.Households.bankCard;
import static cn.fupin.ledger.ops.testing.Households.csv;
import static cn.fupin.ledger.ops.testing.Households.household;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Households.Row;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The clerk's household register over HTTP: the API's new corrections (bank card, village) with their refusals and
 * roles, and the screens — search, a household's page with masked numbers only, exit and corrections recorded once
 * however often the form is sent and refused in Chinese beside the field, the register's upload with its CSRF token,
 * its progress page and its list of every bad row, and the refusals of another role, another clerk's import and an
 * unknown card. Households 3400-3499 belong to this class (and to {@code HouseholdScreensBrowserTest}: 3480-3499).
 */
@LedgerTest
class HouseholdScreensApiTest extends LedgerApiTest {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(90);

    private Row registered(int n) {
        Row row = household(n);
        Api.Response imported = api.as("clerk").postCsv("/api/households/imports", csv(row));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        await().atMost(READ_MODEL_WAIT).until(() -> api.as("clerk").get("/api/households/" + row.cardNo())
                .status() == 200);
        return row;
    }

    private static String json(String field, String value, String reason) {
        return "{\"" + field + "\": \"" + value + "\", \"reason\": \"" + reason + "\"}";
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    @Test
    void theApiCorrectsABankCardAndAVillageAsNewFactsForAClerkOnly() {
        Row row = registered(3401);
        Row other = registered(3402);
        String path = "/api/households/" + row.cardNo();

        Api.Response approver = api.as("approver").post(path + "/bank-card", json("bankCard", bankCard(3451), "换卡"));
        assertThat(approver.status()).isEqualTo(403);
        Api.Response invalid = api.as("clerk").post(path + "/bank-card", json("bankCard", "6217990000", "换卡"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.code()).isEqualTo("BANK_CARD_INVALID");
        Api.Response unchanged = api.as("clerk").post(path + "/bank-card", json("bankCard", row.bankCard(), "换卡"));
        assertThat(unchanged.code()).isEqualTo("BANK_CARD_UNCHANGED");
        Api.Response othersCard = api.as("clerk").post(path + "/bank-card", json("bankCard", other.bankCard(), "换卡"));
        assertThat(othersCard.status()).isEqualTo(409);
        assertThat(othersCard.code()).isEqualTo("BANK_CARD_REGISTERED");
        Api.Response unknown = api.as("clerk").post("/api/households/T-NO-SUCH-3499/bank-card",
                json("bankCard", bankCard(3451), "换卡"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("HOUSEHOLD_NOT_FOUND");

        Api.Response corrected = api.as("clerk").post(path + "/bank-card", json("bankCard", bankCard(3451), "原卡挂失"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.body()).doesNotContain(bankCard(3451));
        // The old card is free again, the new one taken: the other household may now take the old one, not the new.
        assertThat(api.as("clerk").post("/api/households/" + other.cardNo() + "/bank-card",
                json("bankCard", bankCard(3451), "换卡")).code()).isEqualTo("BANK_CARD_REGISTERED");

        Api.Response village = api.as("clerk").post(path + "/village", json("villageCode", "510824999999", "搬迁"));
        assertThat(village.code()).isEqualTo("VILLAGE_UNKNOWN");
        Api.Response moved = api.as("clerk").post(path + "/village", json("villageCode", YANFENGLOU, "易地搬迁"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

        var stored = events.ofHousehold(row.cardNo(), "HouseholdBankCardCorrectedEvent");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).payload().toString()).doesNotContain(bankCard(3451)).contains("原卡挂失");
        assertThat(stored.get(0).metaData().path("actor").asText()).isEqualTo("clerk");
        assertThat(events.ofHousehold(row.cardNo(), "HouseholdVillageCorrectedEvent")).hasSize(1);
        await().atMost(READ_MODEL_WAIT).untilAsserted(() -> {
            var view = api.as("clerk").get("/api/households/" + row.cardNo()).json();
            assertThat(view.path("villageCode").asText()).isEqualTo(YANFENGLOU);
            assertThat(view.path("townshipCode").asText()).isEqualTo("510824102");
            assertThat(view.path("bankCard").asText()).endsWith(bankCard(3451).substring(15)).startsWith("*");
        });
    }

    @Test
    void aClerkFindsHouseholdsByCardNameAndVillageAndSeesTheirNumbersMaskedOnly() {
        Row row = registered(3411);
        registered(3412);
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");

        assertThat(clerk.get("/app/").body()).contains("户籍名册");
        String byCard = clerk.get("/app/households?cardNo=T-341").body();
        assertThat(byCard).contains("T-3411", "T-3412", "<label for=\"cardNo\">");
        String byName = clerk.get("/app/households?headName="
                + URLEncoder.encode(row.headName(), StandardCharsets.UTF_8) + "&cardNo=T-34").body();
        assertThat(byName).contains("T-3411");
        assertThat(clerk.get("/app/households?villageCode=510824999999").body()).contains("本县没有这个村");
        assertThat(clerk.get("/app/households?cardNo=T-341%25").body()).doesNotContain("T-3411");

        HttpResponse<String> page = clerk.get("/app/households/" + row.cardNo());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(row.headName(), "在册", "金穗社区", row.idNumberMasked(), "建档立卡登记",
                        "登记脱贫退出", "更正银行卡", "更正所在村")
                .doesNotContain(row.idNumber(), row.bankCard());

        HttpResponse<String> missing = clerk.get("/app/households/T-NO-SUCH-3498");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("没有这个户编号的建档立卡户");
    }

    @Test
    void anExitIsRecordedOnceHoweverOftenItsFormIsSentAndTheAnswerShowsIt() throws Exception {
        Row row = registered(3421);
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        clerk.get("/app/households/" + row.cardNo());
        Map<String, String> form = fields("key", clerk.formKey(), "statusYear", "2004",
                "statusReason", "人均纯收入稳定超过扶贫标准", "_csrf", clerk.csrf());
        String path = "/app/households/" + row.cardNo() + "/exit";

        List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atOnce.add(CompletableFuture.supplyAsync(() -> clerk.post(path, form, false)));
        }
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> sent : atOnce) {
            HttpResponse<String> answer = sent.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            answers.add(StaffHttp.location(answer));
        }
        answers.add(StaffHttp.location(clerk.post(path, form, false)));
        assertThat(answers).hasSize(4).allMatch(answer -> answer.equals(answers.get(0)));
        assertThat(events.ofHousehold(row.cardNo(), "HouseholdExitedEvent")).hasSize(1);

        String answer = clerk.get(answers.get(0).replaceFirst("^https?://[^/]+", "")).body();
        assertThat(answer).contains("脱贫退出已登记", row.cardNo(), "2004", "人均纯收入稳定超过扶贫标准");
        await().atMost(READ_MODEL_WAIT).untilAsserted(() -> assertThat(clerk.get("/app/households/"
                + row.cardNo()).body()).contains("已脱贫退出", "登记返贫"));

        // The page now offers the return; an exit sent again with a fresh key is refused by the household.
        Map<String, String> again = fields("key", clerk.formKey(), "statusYear", "2004", "statusReason", "再次退出");
        HttpResponse<String> refused = clerk.post(path, again);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("该户已经脱贫退出，不能再次退出");
        assertThat(events.ofHousehold(row.cardNo(), "HouseholdExitedEvent")).hasSize(1);
    }

    @Test
    void badCorrectionsAreNamedBesideTheirFieldsInChineseAndRecordNothing() {
        Row row = registered(3431);
        Row other = registered(3432);
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        clerk.get("/app/households/" + row.cardNo());
        String base = "/app/households/" + row.cardNo();

        HttpResponse<String> empty = clerk.post(base + "/bank-card", fields("key", clerk.formKey(), "bankCard", "",
                "bankCardReason", ""));
        assertThat(empty.body()).contains("id=\"bankCard-error\">请填写新的银行卡号", "id=\"bankCardReason-error\">请填写原因",
                "aria-invalid=\"true\"");
        HttpResponse<String> luhn = clerk.post(base + "/bank-card", fields("key", clerk.formKey(),
                "bankCard", Households.withWrongLuhnDigit(bankCard(3433)), "bankCardReason", "换卡"));
        assertThat(luhn.body()).contains("id=\"bankCard-error\">银行卡号应为 16 至 19 位数字");
        HttpResponse<String> taken = clerk.post(base + "/bank-card", fields("key", clerk.formKey(),
                "bankCard", other.bankCard(), "bankCardReason", "换卡"));
        assertThat(taken.body()).contains("这张银行卡已登记在另一户名下").doesNotContain(other.bankCard());
        HttpResponse<String> village = clerk.post(base + "/village", fields("key", clerk.formKey(),
                "villageCode", "510824100001", "villageReason", "核对"));
        assertThat(village.body()).contains("id=\"villageCode-error\">该户现在就在这个村，无需更正");
        assertThat(events.ofHousehold(row.cardNo(), "HouseholdBankCardCorrectedEvent")).isEmpty();
        assertThat(events.ofHousehold(row.cardNo(), "HouseholdVillageCorrectedEvent")).isEmpty();

        HttpResponse<String> moved = clerk.post(base + "/village", fields("key", clerk.formKey(),
                "villageCode", YANFENGLOU, "villageReason", "易地扶贫搬迁"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(302);
        assertThat(clerk.get(StaffHttp.location(moved).replaceFirst("^https?://[^/]+", "")).body())
                .contains("更正所在村已登记", "烟峰楼社区", "易地扶贫搬迁");
        await().atMost(READ_MODEL_WAIT).untilAsserted(() -> assertThat(clerk.get(base).body())
                .contains("烟峰楼社区", "更正所在村", "易地扶贫搬迁"));
    }

    @Test
    void aRegisterUploadedTwiceAtOnceIsImportedOnceAndItsPageShowsTheCounts() throws Exception {
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        assertThat(clerk.get("/app/households/imports").body()).contains("<label for=\"register\">",
                "enctype=\"multipart/form-data\"");
        String key = clerk.formKey();
        String csrf = clerk.csrf();
        byte[] file = csv(household(3441), household(3442)).getBytes(StandardCharsets.UTF_8);

        List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            atOnce.add(CompletableFuture.supplyAsync(() -> upload(clerk, csrf, key, "UTF_8", "名册.csv", file)));
        }
        String first = StaffHttp.location(atOnce.get(0).get());
        assertThat(atOnce.get(0).get().statusCode()).isEqualTo(302);
        assertThat(StaffHttp.location(atOnce.get(1).get())).isEqualTo(first);
        String progress = first.replaceFirst("^https?://[^/]+", "");
        assertThat(progress).startsWith("/app/households/imports/");

        await().atMost(READ_MODEL_WAIT).untilAsserted(() -> assertThat(clerk.get(progress).body())
                .contains("导入完成", "id=\"rowsRead\">2<", "id=\"imported\">2<", "id=\"unchanged\">0<"));
        assertThat(events.ofHousehold(household(3441).cardNo(), "HouseholdRegisteredEvent")).hasSize(1);
        assertThat(events.ofHousehold(household(3441).cardNo()).get(0).metaData().path("actor").asText())
                .isEqualTo("clerk");

        // Another clerk cannot follow it; the same file sent again with a new form changes nothing.
        StaffHttp deputy = StaffHttp.loggedIn(port, "clerk2");
        assertThat(deputy.get(progress).statusCode()).isEqualTo(404);
        clerk.get("/app/households/imports");
        String again = StaffHttp.location(upload(clerk, clerk.csrf(), clerk.formKey(), "UTF_8", "名册.csv", file))
                .replaceFirst("^https?://[^/]+", "");
        await().atMost(READ_MODEL_WAIT).untilAsserted(() -> assertThat(clerk.get(again).body())
                .contains("导入完成", "id=\"imported\">0<", "id=\"unchanged\">2<"));
        assertThat(events.ofHousehold(household(3441).cardNo(), "HouseholdRegisteredEvent")).hasSize(1);
    }

    @Test
    void aRegisterWithBadRowsListsEveryOneInChineseAndRecordsNothing() {
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        clerk.get("/app/households/imports");
        Row good = household(3461);
        Row badId = household(3462).withIdNumber(Households.withWrongCheckCharacter(household(3462).idNumber()));
        Row badVillage = household(3463).withVillageCode("510824999999");
        byte[] file = csv(good, badId, badVillage).getBytes(StandardCharsets.UTF_8);

        String progress = StaffHttp.location(upload(clerk, clerk.csrf(), clerk.formKey(), "UTF_8", "bad.csv", file))
                .replaceFirst("^https?://[^/]+", "");
        await().atMost(READ_MODEL_WAIT).untilAsserted(() -> assertThat(clerk.get(progress).body())
                .contains("没有导入", "id=\"refused\">2<", "身份证号不对", "本县没有这个村", "<td>3</td>", "<td>4</td>"));
        assertThat(clerk.lastPage).doesNotContain(badId.idNumber());
        assertThat(events.ofHousehold(good.cardNo())).isEmpty();
    }

    @Test
    void aRowWithAnotherHouseholdsBankCardIsRefusedAndTheAttemptIsRecordedForAuditorsAsTheApiDoes() {
        Row holder = registered(3466);
        Row copycat = household(3467).withBankCard(holder.bankCard());
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        clerk.get("/app/households/imports");

        String progress = StaffHttp.location(upload(clerk, clerk.csrf(), clerk.formKey(), "UTF_8", "copy.csv",
                csv(copycat).getBytes(StandardCharsets.UTF_8))).replaceFirst("^https?://[^/]+", "");
        await().atMost(READ_MODEL_WAIT).untilAsserted(() -> assertThat(clerk.get(progress).body())
                .contains("没有导入", "这张银行卡已登记在另一户名下", "<td>2</td>"));
        assertThat(clerk.lastPage).doesNotContain(holder.bankCard());
        assertThat(events.ofHousehold(copycat.cardNo())).isEmpty();
        assertThat(events.ofType("SharedNumberRefusalRecordedEvent"))
                .anySatisfy(event -> assertThat(event.payload().toString()).contains(copycat.cardNo()));
    }

    @Test
    void anUploadWithoutItsCsrfTokenOrByAnotherRoleRecordsNothing() {
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        clerk.get("/app/households/imports");
        byte[] file = csv(household(3471)).getBytes(StandardCharsets.UTF_8);
        assertThat(upload(clerk, null, clerk.formKey(), "UTF_8", "x.csv", file).statusCode()).isEqualTo(403);
        assertThat(upload(clerk, "forged-token", clerk.formKey(), "UTF_8", "x.csv", file).statusCode())
                .isEqualTo(403);

        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        assertThat(approver.get("/app/households").statusCode()).isEqualTo(403);
        assertThat(approver.get("/app/households/imports").statusCode()).isEqualTo(403);
        approver.get("/app/");
        assertThat(upload(approver, approver.csrf(), UUID.randomUUID().toString(), "UTF_8", "x.csv", file)
                .statusCode()).isEqualTo(403);
        assertThat(approver.post("/app/households/T-3471/exit", fields("key", "k", "statusYear", "2004",
                "statusReason", "x")).statusCode()).isEqualTo(403);
        assertThat(events.ofHousehold(household(3471).cardNo())).isEmpty();
    }

    /** Posts the register as a browser's multipart form does, the CSRF token (if any) in the action's query. */
    static HttpResponse<String> upload(StaffHttp session, String csrf, String key, String encoding, String fileName,
                                       byte[] content) {
        String boundary = "----ledger" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n" + key + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"encoding\"\r\n\r\n" + encoding + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"register\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String path = "/app/households/imports"
                + (csrf == null ? "" : "?_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        return session.send(HttpRequest.newBuilder(session.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
