package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registers as a clerk's spreadsheet saves them, uploaded over HTTP as they are: Excel's "CSV UTF-8" (byte order mark,
 * CR LF, quoted names with a comma and with quotes, rows of empty cells below the data), WPS's UTF-8 CSV (every text
 * cell quoted, blank lines at the end), the Chinese Windows code page named as such ({@code text/csv; charset=GBK}),
 * and a WPS file with bad rows after a name broken over two lines, whose refusal names each bad row by the line it
 * starts on. The files are the parser's own test files ({@code command-side/src/test/resources/registers/});
 * households {@code H510824100001-9xx}.
 */
@LedgerTest
class SpreadsheetRegisterApiTest extends LedgerApiTest {

    static final String IMPORTS = "/api/households/imports";
    static final Path REGISTERS = Path.of("..", "command-side", "src", "test", "resources", "registers");

    static byte[] register(String name) {
        try {
            return Files.readAllBytes(REGISTERS.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("the register test files lie in " + REGISTERS.toAbsolutePath(), e);
        }
    }

    JsonNode household(String cardNo) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response response = api.as("clerk").get("/api/households/" + cardNo);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            found[0] = response.json();
        });
        return found[0];
    }

    @Test
    void aRegisterSavedByExcelAsUtf8IsImportedWithItsQuotedNames() {
        Api.Response imported = api.as("clerk").post(IMPORTS + "?fileName=excel.csv", "text/csv",
                register("excel-utf8.csv"));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(4);
        assertThat(household("H510824100001-902").path("headName").asText()).isEqualTo("欧阳,秀英");
        assertThat(household("H510824100001-903").path("headName").asText()).isEqualTo("苟\"二娃\"");
        assertThat(household("H510824102001-904").path("villageName").asText()).isEqualTo("烟峰楼社区居民委员会");
    }

    @Test
    void aRegisterSavedByWpsAsUtf8IsImported() {
        Api.Response imported = api.as("clerk").post(IMPORTS, "text/csv; charset=UTF-8", register("wps-utf8.csv"));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(3);
        assertThat(household("H510824100001-912").path("migrant").asBoolean()).isTrue();
    }

    @Test
    void aRegisterInTheChineseWindowsCodePageNamedAsGbkIsImported() {
        Api.Response imported = api.as("clerk").post(IMPORTS, "text/csv; charset=GBK", register("wps-gbk.csv"));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(3);
        assertThat(household("H510824102001-923").path("headName").asText()).isEqualTo("杨堃");
    }

    @Test
    void everyBadRowOfAWpsRegisterIsNamedByTheLineItStartsOnAndNothingIsRecorded() {
        long before = events.count();

        Api.Response refused = api.as("clerk").post(IMPORTS, "text/csv", register("wps-utf8-bad-rows.csv"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("HOUSEHOLD_IMPORT_INVALID");
        List<String> errors = new ArrayList<>();
        for (JsonNode error : refused.json().path("errors")) {
            errors.add(error.path("line").asInt() + " " + error.path("field").asText() + " " + error.path("code").asText());
        }
        assertThat(errors).containsExactly("3 headName HEAD_NAME_INVALID", "5 bankCard BANK_CARD_INVALID",
                "6 members MEMBERS_OUT_OF_RANGE", "7 idNumber ID_NUMBER_INVALID");
        assertThat(events.count()).isEqualTo(before);
        assertThat(events.of("H510824100001-931")).isEmpty();
    }
}
