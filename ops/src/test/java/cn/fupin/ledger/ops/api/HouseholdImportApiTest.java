package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Households.Row;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import cn.fupin.ledger.ops.testing.StoredEvents.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.fupin.ledger.ops.testing.Households.csv;
import static cn.fupin.ledger.ops.testing.Households.household;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/households/imports}: a register file is recorded whole or not at all, and a refusal names every
 * bad row. Households 1000-1999 belong to this class.
 */
@LedgerTest
class HouseholdImportApiTest extends LedgerApiTest {

    private static final String IMPORTS = "/api/households/imports";
    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(15);
    private static final Charset GBK = Charset.forName("GBK");


    private JsonNode readable(Row row) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(READ_MODEL_WAIT).untilAsserted(() -> {
            Api.Response response = api.as("clerk").get("/api/households/" + row.cardNo());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            found[0] = response.json();
        });
        return found[0];
    }

    private static List<String> errors(Api.Response response) {
        List<String> errors = new ArrayList<>();
        for (JsonNode error : response.json().path("errors")) {
            errors.add(error.path("line").asInt() + " " + error.path("field").asText() + " " + error.path("code").asText());
        }
        return errors;
    }

    @Test
    void aClerkImportsARegisterAndEveryHouseholdIsThenReadable() {
        Row jinsui = household(1001);
        Row yanfenglou = household(1002).withVillageCode(Households.YANFENGLOU).withMembers("5");

        Api.Response imported = api.as("clerk").postCsv(IMPORTS, csv(jinsui, yanfenglou));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(2);
        assertThat(imported.json().path("unchanged").asInt()).isZero();
        JsonNode first = readable(jinsui);
        assertThat(first.path("cardNo").asText()).isEqualTo("T-1001");
        assertThat(first.path("headName").asText()).isEqualTo(jinsui.headName());
        assertThat(first.path("villageCode").asText()).isEqualTo("510824100001");
        assertThat(first.path("villageName").asText()).isEqualTo("金穗社区居民委员会");
        assertThat(first.path("townshipCode").asText()).isEqualTo("510824100");
        assertThat(first.path("townshipName").asText()).isEqualTo("陵江镇");
        assertThat(first.path("members").asInt()).isEqualTo(3);
        assertThat(first.path("migrant").asBoolean()).isFalse();
        assertThat(first.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(first.path("history")).hasSize(1);
        assertThat(first.path("history").get(0).path("status").asText()).isEqualTo("REGISTERED");
        JsonNode second = readable(yanfenglou);
        assertThat(second.path("villageName").asText()).isEqualTo("烟峰楼社区居民委员会");
        assertThat(second.path("townshipCode").asText()).isEqualTo("510824102");
        assertThat(second.path("townshipName").asText()).isEqualTo("云峰镇");
        assertThat(second.path("members").asInt()).isEqualTo(5);
        assertThat(events.ofHousehold("T-1001", "HouseholdRegisteredEvent")).hasSize(1);
        assertThat(events.ofHousehold("T-1002", "HouseholdRegisteredEvent")).hasSize(1);
    }

    @Test
    void theImportItselfIsRecordedWithTheFilesNameAndHashButNotItsContent() throws Exception {
        String file = csv(household(1951), household(1952));
        Api.Response imported = api.as("clerk").postCsv(IMPORTS + "?fileName=陵江镇2015年度.csv", file);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<Map<String, Object>> records = jdbc.queryForList(
                "SELECT payload, meta_data FROM domain_event_entry WHERE payload_type LIKE ?",
                "%HouseholdRegisterImportedEvent");
        JsonNode record = records.stream()
                .map(row -> readJson((byte[]) row.get("payload")))
                .filter(payload -> payload.path("fileSha256").asText().equals(sha256))
                .findFirst().orElseThrow();
        assertThat(record.path("fileName").asText()).isEqualTo("陵江镇2015年度.csv");
        assertThat(record.path("rows").asInt()).isEqualTo(2);
        assertThat(record.path("imported").asInt()).isEqualTo(2);
        assertThat(record.path("unchanged").asInt()).isZero();
        assertThat(record.path("importId").asText())
                .isEqualTo(events.ofHousehold("T-1951", "HouseholdRegisteredEvent").get(0).payload().path("importId").asText());

        assertThat(api.as("clerk").postCsv(IMPORTS, file).json().path("unchanged").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ?", Long.class,
                "%HouseholdRegisterImportedEvent")).as("an import that registers nobody is not recorded")
                .isEqualTo(records.size());
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reimportingTheSameRowsChangesNothingAndRecordsNoEvent() {
        String file = csv(household(1011), household(1012), household(1013).withMigrant("是"));
        assertThat(api.as("clerk").postCsv(IMPORTS, file).status()).isEqualTo(200);
        long before = events.count();

        Api.Response again = api.as("clerk2").postCsv(IMPORTS, file);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("imported").asInt()).isZero();
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(3);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aFileOfKnownAndNewHouseholdsRecordsOnlyTheNewOnes() {
        assertThat(api.as("clerk").postCsv(IMPORTS, csv(household(1021))).status()).isEqualTo(200);

        Api.Response imported = api.as("clerk").postCsv(IMPORTS, csv(household(1021), household(1022)));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(1);
        assertThat(imported.json().path("unchanged").asInt()).isEqualTo(1);
        assertThat(events.ofHousehold("T-1021")).hasSize(1);
        assertThat(events.ofHousehold("T-1022")).hasSize(1);
    }

    @Test
    void aMigrantHouseholdImportsLikeAnyOther() {
        Row migrant = household(1031).withMigrant("true");
        Row migrantInChinese = household(1032).withMigrant("是");
        Row settled = household(1033).withMigrant("否");

        Api.Response imported = api.as("clerk").postCsv(IMPORTS, csv(migrant, migrantInChinese, settled));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(3);
        for (Row row : List.of(migrant, migrantInChinese)) {
            JsonNode household = readable(row);
            assertThat(household.path("migrant").asBoolean()).as(row.cardNo()).isTrue();
            assertThat(household.path("status").asText()).isEqualTo("REGISTERED");
        }
        assertThat(readable(settled).path("migrant").asBoolean()).isFalse();
    }

    @Test
    void aFileMayStartWithAByteOrderMarkAndEndItsLinesWithCarriageReturns() {
        Row row = household(1041);
        String windowsFile = "\uFEFF" + csv(row).replace("\n", "\r\n");

        Api.Response imported = api.as("clerk").postCsv(IMPORTS, windowsFile);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(1);
        assertThat(readable(row).path("headName").asText()).isEqualTo(row.headName());
    }

    @Test
    void aRegisterInGbkIsReadWhenTheContentTypeNamesTheCharset() {
        Row row = household(1051).withHeadName("苟德春");

        Api.Response imported = api.as("clerk").post(IMPORTS, "text/csv; charset=GBK", csv(row).getBytes(GBK));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(1);
        assertThat(readable(row).path("headName").asText()).isEqualTo("苟德春");
    }

    @Test
    void everyEventOfAnImportNamesTheClerkTheRoleTheRequestAndTheAddress() {
        Api.Response byClerk = api.as("clerk").header("X-Request-Id", "import-request-1061")
                .postCsv(IMPORTS, csv(household(1061), household(1062)));
        Api.Response byClerk2 = api.as("clerk2").postCsv(IMPORTS, csv(household(1063)));

        assertThat(byClerk.status()).as(byClerk.toString()).isEqualTo(200);
        assertThat(byClerk2.status()).as(byClerk2.toString()).isEqualTo(200);
        List<StoredEvent> recorded = new ArrayList<>(events.ofHousehold("T-1061"));
        recorded.addAll(events.ofHousehold("T-1062"));
        assertThat(recorded).hasSize(2).allSatisfy(event -> {
            assertThat(event.meta("actor")).isEqualTo("clerk");
            assertThat(event.meta("role")).isEqualTo("CLERK");
            assertThat(event.meta("requestId")).isEqualTo("import-request-1061");
            assertThat(event.meta("remoteAddress")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        });
        assertThat(recorded.get(0).payload().path("importId").asText())
                .startsWith("IMPORT-")
                .isEqualTo(recorded.get(1).payload().path("importId").asText());
        List<StoredEvent> byTheOtherClerk = events.ofHousehold("T-1063");
        assertThat(byTheOtherClerk).hasSize(1);
        assertThat(byTheOtherClerk.get(0).meta("actor")).isEqualTo("clerk2");
        assertThat(byTheOtherClerk.get(0).meta("role")).isEqualTo("CLERK");
        assertThat(byTheOtherClerk.get(0).meta("requestId")).isEqualTo(byClerk2.header("X-Request-Id")).isNotBlank();
        assertThat(byTheOtherClerk.get(0).meta("remoteAddress")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void anImportRepeatedWithItsIdempotencyKeyAnswersAgainAndRecordsOnce() {
        String file = csv(household(1071));
        Api.Response first = api.as("clerk").header("Idempotency-Key", "import-1071").postCsv(IMPORTS, file);
        long before = events.count();

        Api.Response repeated = api.as("clerk").header("Idempotency-Key", "import-1071").postCsv(IMPORTS, file);
        Api.Response otherBody = api.as("clerk").header("Idempotency-Key", "import-1071")
                .postCsv(IMPORTS, csv(household(1072)));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeated.json()).isEqualTo(first.json());
        assertThat(repeated.json().path("imported").asInt()).isEqualTo(1);
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events.count()).isEqualTo(before);
        assertThat(events.ofHousehold("T-1072")).isEmpty();
    }

    @Test
    void quotedCellsMayHoldCommasAndQuotesAndBlankLinesAreSkipped() {
        Row row = household(1081);
        String file = Households.HEADER + "\n\n"
                + String.join(",", row.cardNo(), "\"王\"\"二\"\",建国\"", row.idNumber(), row.villageCode(),
                row.members(), row.migrant(), row.bankCard()) + "\n\n\n";

        Api.Response imported = api.as("clerk").postCsv(IMPORTS, file);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(1);
        assertThat(readable(row).path("headName").asText()).isEqualTo("王\"二\",建国");
    }

    @Test
    void twoClerksRegisteringOnePersonAtTheSameMomentRegisterHimOnce() throws Exception {
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        try {
            for (int n = 1301; n < 1311; n += 2) {
                Row first = household(n);
                Row second = household(n + 1).withIdNumber(first.idNumber());
                List<Api.Response> answers = atOnce(clerks, first, second);

                assertThat(answers).as("household %d", n).filteredOn(answer -> answer.status() == 200).hasSize(1);
                assertThat(answers).filteredOn(answer -> answer.status() != 200).singleElement()
                        .satisfies(refused -> assertThat(refused.status() + " " + refused.code())
                                .isIn("409 CONCURRENT_MODIFICATION", "422 HOUSEHOLD_IMPORT_INVALID"));
                assertThat(events.ofHousehold(first.cardNo()).size() + events.ofHousehold(second.cardNo()).size()).isEqualTo(1);
            }
        } finally {
            clerks.shutdownNow();
        }
    }

    @Test
    void twoClerksImportingOneHouseholdAtTheSameMomentRecordItOnce() throws Exception {
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        try {
            for (int n = 1321; n < 1326; n++) {
                Row row = household(n);
                List<Api.Response> answers = atOnce(clerks, row, row);

                assertThat(answers).as("household %d", n).allSatisfy(answer -> assertThat(answer.status() + " " + answer.code())
                        .isIn("200 ", "409 CONCURRENT_MODIFICATION"));
                assertThat(answers).filteredOn(answer -> answer.status() == 200)
                        .filteredOn(answer -> answer.json().path("imported").asInt() == 1).hasSize(1);
                assertThat(events.ofHousehold(row.cardNo())).hasSize(1);
            }
        } finally {
            clerks.shutdownNow();
        }
    }

    /** Sends one file by clerk and another by clerk2, released at the same moment. */
    private List<Api.Response> atOnce(ExecutorService clerks, Row byClerk, Row byClerk2) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Future<Api.Response> first = clerks.submit(() -> {
            start.await();
            return api.as("clerk").postCsv(IMPORTS, csv(byClerk));
        });
        Future<Api.Response> second = clerks.submit(() -> {
            start.await();
            return api.as("clerk2").postCsv(IMPORTS, csv(byClerk2));
        });
        start.countDown();
        return List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
    }

    @Nested
    class RefusedFiles {

        private void assertRefused(Api.Response response, String... expectedErrors) {
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("HOUSEHOLD_IMPORT_INVALID");
            assertThat(errors(response)).containsExactlyInAnyOrder(expectedErrors);
            for (JsonNode error : response.json().path("errors")) {
                assertThat(error.path("message").asText()).isNotBlank();
            }
        }

        @Test
        void aFileWithSeveralBadRowsIsRefusedWholeAndEveryBadRowIsNamed() {
            Row registered = household(1101);
            assertThat(api.as("clerk").postCsv(IMPORTS, csv(registered)).status()).isEqualTo(200);
            Row good = household(1102);
            String file = csv(
                    good,                                                                          // line 2
                    household(1103).withIdNumber(Households.withWrongCheckCharacter(Households.idNumber(1103))),
                    household(1104).withBankCard(Households.withWrongLuhnDigit(Households.bankCard(1104))),
                    household(1105).withVillageCode(Households.NO_SUCH_VILLAGE),                   // line 5
                    household(1106).withMembers("0"),
                    household(1107).withMigrant("maybe"),
                    household(1108).withCardNo(good.cardNo()),                                     // line 8
                    household(1109).withIdNumber(good.idNumber()),
                    household(1110).withBankCard(good.bankCard()),                                 // line 10
                    registered.withIdNumber(Households.idNumber(1113)).withBankCard(Households.bankCard(1113)),
                    household(1111).withIdNumber(registered.idNumber()),
                    household(1112).withBankCard(registered.bankCard()));                          // line 13
            long before = events.count();

            Api.Response refused = api.as("clerk").postCsv(IMPORTS, file);

            assertRefused(refused,
                    "3 idNumber ID_NUMBER_INVALID",
                    "4 bankCard BANK_CARD_INVALID",
                    "5 villageCode VILLAGE_UNKNOWN",
                    "6 members MEMBERS_OUT_OF_RANGE",
                    "7 migrant MIGRANT_FLAG_INVALID",
                    "8 cardNo DUPLICATE_IN_FILE",
                    "9 idNumber DUPLICATE_IN_FILE",
                    "10 bankCard DUPLICATE_IN_FILE",
                    "11 cardNo CARD_NO_REGISTERED",
                    "12 idNumber ID_NUMBER_REGISTERED",
                    "13 bankCard BANK_CARD_REGISTERED");
            assertThat(refused.body()).doesNotContain(good.idNumber(), good.bankCard(),
                    registered.idNumber(), registered.bankCard(), Households.idNumber(1103).substring(0, 17));
            // Nothing of the ledger is recorded; the one new event is the audit fact that lines 12 and 13 offered
            // numbers household 1101 holds (SHARED_PAYEE counts it), by fingerprint and mask only.
            assertThat(events.count()).isEqualTo(before + 1);
            List<StoredEvent> attempts = events.ofType("SharedNumberRefusalRecordedEvent");
            assertThat(attempts).isNotEmpty();
            StoredEvent attempt = attempts.get(attempts.size() - 1);
            assertThat(attempt.payload().toString())
                    .contains(household(1111).cardNo(), household(1112).cardNo(), "ID_NUMBER_REGISTERED",
                            "BANK_CARD_REGISTERED")
                    .doesNotContain(registered.idNumber(), registered.bankCard());
            for (int n = 1102; n <= 1112; n++) {
                assertThat(events.ofHousehold(Households.cardNo(n))).as("events of household %d", n).isEmpty();
            }
            // Once a later import is readable, the projection has passed the refused one: the good row is not there.
            Row later = household(1199);
            assertThat(api.as("clerk").postCsv(IMPORTS, csv(later)).status()).isEqualTo(200);
            readable(later);
            Api.Response goodRow = api.as("clerk").get("/api/households/" + good.cardNo());
            assertThat(goodRow.status()).isEqualTo(404);
            assertThat(goodRow.code()).isEqualTo("HOUSEHOLD_NOT_FOUND");
        }

        @Test
        void everyCellMustHaveItsShape() {
            String file = csv(
                    household(1141).withCardNo("T 1141!"),
                    household(1142).withHeadName(""),
                    household(1143).withHeadName("王".repeat(51)),
                    household(1144).withIdNumber("51082419500101"),
                    household(1145).withVillageCode("5108241"),
                    household(1146).withBankCard("6217-9900-0000-1146"))
                    + "T-1147,王建国,three cells\n";

            assertRefused(api.as("clerk").postCsv(IMPORTS, file),
                    "2 cardNo CARD_NO_INVALID",
                    "3 headName REQUIRED",
                    "4 headName HEAD_NAME_INVALID",
                    "5 idNumber ID_NUMBER_INVALID",
                    "6 villageCode VILLAGE_CODE_INVALID",
                    "7 bankCard BANK_CARD_INVALID",
                    "8 row COLUMN_COUNT");
        }

        @Test
        void aQuoteThatIsNeverClosedIsRefused() {
            Row row = household(1148);
            String file = Households.HEADER + "\n" + row.cardNo() + ",\"" + row.headName() + "," + row.idNumber()
                    + "," + row.villageCode() + ",3,false," + row.bankCard() + "\n";

            assertRefused(api.as("clerk").postCsv(IMPORTS, file), "2 row UNCLOSED_QUOTE");
            assertThat(events.ofHousehold(row.cardNo())).isEmpty();
        }

        @Test
        void anIdNumberMustEndInItsCheckCharacter() {
            Row row = household(1121).withIdNumber(Households.withWrongCheckCharacter(Households.idNumber(1121)));

            assertRefused(api.as("clerk").postCsv(IMPORTS, csv(household(1120), row)), "3 idNumber ID_NUMBER_INVALID");
            assertThat(events.ofHousehold("T-1120")).isEmpty();
        }

        @Test
        void aBankCardMustEndInItsLuhnDigit() {
            Row row = household(1122).withBankCard(Households.withWrongLuhnDigit(Households.bankCard(1122)));

            assertRefused(api.as("clerk").postCsv(IMPORTS, csv(row)), "2 bankCard BANK_CARD_INVALID");
            assertThat(events.ofHousehold("T-1122")).isEmpty();
        }

        @Test
        void theVillageMustBeAVillageOfTheCounty() {
            Row row = household(1123).withVillageCode(Households.NO_SUCH_VILLAGE);

            assertRefused(api.as("clerk").postCsv(IMPORTS, csv(household(1124), row)), "3 villageCode VILLAGE_UNKNOWN");
            assertThat(events.ofHousehold("T-1124")).isEmpty();
        }

        @Test
        void aHouseholdHasAtLeastOneMember() {
            assertRefused(api.as("clerk").postCsv(IMPORTS, csv(household(1125).withMembers("0"),
                            household(1126).withMembers("-2"), household(1127).withMembers("three"))),
                    "2 members MEMBERS_OUT_OF_RANGE", "3 members MEMBERS_OUT_OF_RANGE", "4 members MEMBERS_INVALID");
        }

        @Test
        void theMigrantFlagSaysYesOrNo() {
            assertRefused(api.as("clerk").postCsv(IMPORTS, csv(household(1128).withMigrant("maybe"),
                    household(1129).withMigrant(""))), "2 migrant MIGRANT_FLAG_INVALID", "3 migrant MIGRANT_FLAG_INVALID");
        }

        @Test
        void aCardNumberAnIdNumberAndABankCardAppearOnceInAFile() {
            Row first = household(1130);

            assertRefused(api.as("clerk").postCsv(IMPORTS, csv(first,
                            household(1131).withCardNo(first.cardNo()),
                            household(1132).withIdNumber(first.idNumber()),
                            household(1133).withBankCard(first.bankCard()))),
                    "3 cardNo DUPLICATE_IN_FILE", "4 idNumber DUPLICATE_IN_FILE", "5 bankCard DUPLICATE_IN_FILE");
            assertThat(events.ofHousehold(first.cardNo())).isEmpty();
        }

        @Test
        void aRegisteredCardIsNotImportedAgainWithOtherData() {
            Row registered = household(1134);
            assertThat(api.as("clerk").postCsv(IMPORTS, csv(registered)).status()).isEqualTo(200);

            assertRefused(api.as("clerk").postCsv(IMPORTS, csv(registered.withHeadName("王改名"))),
                    "2 cardNo CARD_NO_REGISTERED");
            assertRefused(api.as("clerk").postCsv(IMPORTS, csv(registered.withBankCard(Households.bankCard(1135)))),
                    "2 cardNo CARD_NO_REGISTERED");
            assertThat(events.ofHousehold(registered.cardNo())).hasSize(1);
        }

        @Test
        void anIdNumberOrBankCardHeldByAnotherRegisteredHouseholdIsRefused() {
            Row registered = household(1136);
            assertThat(api.as("clerk").postCsv(IMPORTS, csv(registered)).status()).isEqualTo(200);

            assertRefused(api.as("clerk2").postCsv(IMPORTS, csv(
                            household(1137).withIdNumber(registered.idNumber()),
                            household(1138).withBankCard(registered.bankCard()))),
                    "2 idNumber ID_NUMBER_REGISTERED", "3 bankCard BANK_CARD_REGISTERED");
            assertThat(events.ofHousehold("T-1137")).isEmpty();
            assertThat(events.ofHousehold("T-1138")).isEmpty();
        }

        @Test
        void aFileWithoutTheRegisterHeaderIsRefused() {
            String noHeader = household(1139).line() + "\n";

            assertRefused(api.as("clerk").postCsv(IMPORTS, noHeader), "1 header HEADER_INVALID");
            assertThat(events.ofHousehold("T-1139")).isEmpty();
        }

        @Test
        void aFileWithoutHouseholdsIsRefused() {
            assertRefused(api.as("clerk").postCsv(IMPORTS, Households.HEADER + "\n"), "1 file NO_ROWS");
        }
    }

    @Nested
    class Encodings {

        @Test
        void aBodyThatIsNotUtf8IsRefusedAsAnEncodingProblem() {
            Row row = household(1151).withHeadName("王秀英");
            long before = events.count();

            Api.Response refused = api.as("clerk").post(IMPORTS, "text/csv", csv(row).getBytes(GBK));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("HOUSEHOLD_IMPORT_INVALID");
            assertThat(refused.json().path("errors")).hasSize(1);
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
            assertThat(refused.json().path("errors").get(0).path("code").asText()).isEqualTo("ENCODING_INVALID");
            assertThat(events.count()).isEqualTo(before);
        }

        @Test
        void aBodyDeclaredUtf8IsReadAsUtf8() {
            Row row = household(1152).withHeadName("蒲桂兰");

            Api.Response imported = api.as("clerk").post(IMPORTS, "text/csv; charset=UTF-8",
                    csv(row).getBytes(StandardCharsets.UTF_8));

            assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
            assertThat(readable(row).path("headName").asText()).isEqualTo("蒲桂兰");
        }
    }

    @Nested
    class Roles {

        @ParameterizedTest(name = "{0} may not import a register")
        @ValueSource(strings = {"approver", "auditor", "township", "reviewer"})
        void onlyAClerkImportsARegister(String user) {
            Api.Response refused = api.as(user).postCsv(IMPORTS, csv(household(1161)));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("FORBIDDEN");
            assertThat(events.ofHousehold("T-1161")).isEmpty();
        }

        @Test
        void nobodyUnauthenticatedImportsARegister() {
            Api.Response anonymous = api.anonymous().postCsv(IMPORTS, csv(household(1162)));
            Api.Response wrongPassword = api.as("clerk", "not-the-password").postCsv(IMPORTS, csv(household(1162)));

            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
            assertThat(wrongPassword.status()).isEqualTo(401);
            assertThat(wrongPassword.code()).isEqualTo("UNAUTHENTICATED");
            assertThat(events.ofHousehold("T-1162")).isEmpty();
        }
    }
}
