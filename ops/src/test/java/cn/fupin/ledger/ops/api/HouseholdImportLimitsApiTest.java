package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static cn.fupin.ledger.ops.testing.Households.csv;
import static cn.fupin.ledger.ops.testing.Households.household;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits on a register upload, made small here so that a test can cross them (by default 50 MiB and 50,000
 * rows; JSON bodies 1 MiB): past the size the answer is 413 whether the client announced the length or streamed the
 * body, past the row count 422 {@code TOO_MANY_ROWS}; JSON bodies keep their own, smaller limit. Households
 * 5000-5999.
 */
@LedgerTest
@TestPropertySource(properties = {"ledger.http.csv-body-max=64KB", "ledger.http.json-body-max=16KB",
        "ledger.households.import-rows-max=3"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HouseholdImportLimitsApiTest extends LedgerApiTest {

    private static final String IMPORTS = "/api/households/imports";
    private static final int CSV_BYTES_MAX = 64 * 1024;
    private static final int JSON_BYTES_MAX = 16 * 1024;


    /** A register of valid rows just over the size limit. */
    private static String registerOverTheSizeLimit() {
        return registerOver(CSV_BYTES_MAX);
    }

    private static String registerOver(int bytes) {
        StringBuilder file = new StringBuilder(Households.HEADER).append('\n');
        for (int n = 5100; file.length() <= bytes; n++) {
            file.append(household(n).withHeadName("ABCDEFGHIJKLMNOPQRSTUVWXYZ").line()).append('\n');
        }
        return file.toString();
    }

    @Test
    void aRegisterOverTheSizeLimitIsRefusedWith413AndNothingIsRecorded() {
        String file = registerOverTheSizeLimit();
        long before = events.count();

        Api.Response refused = api.as("clerk").postCsv(IMPORTS, file);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("BODY_TOO_LARGE");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aStreamedRegisterOverTheSizeLimitIsRefusedWith413Too() throws Exception {
        byte[] file = registerOverTheSizeLimit().getBytes(StandardCharsets.UTF_8);
        long before = events.count();
        HttpRequest streamed = HttpRequest.newBuilder(URI.create("http://localhost:" + port + IMPORTS))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file)))
                .build();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(streamed, HttpResponse.BodyHandlers.ofString());

        assertThat(streamed.bodyPublisher().orElseThrow().contentLength()).as("sent without a length").isNegative();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        JsonNode problem = new ObjectMapper().readTree(refused.body());
        assertThat(problem.path("code").asText()).isEqualTo("BODY_TOO_LARGE");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void nobodyUnauthenticatedGetsAnOversizedRegisterRead() {
        Api.Response refused = api.anonymous().postCsv(IMPORTS, registerOverTheSizeLimit());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aRegisterOfAsManyRowsAsAllowedImportsAndOneMoreIsRefusedNamingTheLine() {
        Api.Response atTheLimit = api.as("clerk").postCsv(IMPORTS, csv(household(5001), household(5002), household(5003)));
        Api.Response overTheLimit = api.as("clerk").postCsv(IMPORTS,
                csv(household(5011), household(5012), household(5013), household(5014)));

        assertThat(atTheLimit.status()).as(atTheLimit.toString()).isEqualTo(200);
        assertThat(atTheLimit.json().path("imported").asInt()).isEqualTo(3);
        assertThat(overTheLimit.status()).as(overTheLimit.toString()).isEqualTo(422);
        assertThat(overTheLimit.code()).isEqualTo("HOUSEHOLD_IMPORT_INVALID");
        assertThat(overTheLimit.json().path("errors")).hasSize(1);
        JsonNode error = overTheLimit.json().path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(5);
        assertThat(error.path("field").asText()).isEqualTo("file");
        assertThat(error.path("code").asText()).isEqualTo("TOO_MANY_ROWS");
        for (int n = 5011; n <= 5014; n++) {
            assertThat(events.ofHousehold(Households.cardNo(n))).isEmpty();
        }
    }

    @Test
    void aRegisterSentAsPlainTextIsNeverReadAsARegisterNorGivenARegistersLimit() {
        // Only text/csv is a register (a form on another site's page can send text/plain): within the JSON limit it is
        // refused for its type, past it for its size, and never buffered up to the register's limit.
        byte[] small = csv(household(5031)).getBytes(StandardCharsets.UTF_8);
        byte[] overTheJsonLimit = registerOver(JSON_BYTES_MAX).getBytes(StandardCharsets.UTF_8);

        Api.Response refusedForItsType = api.as("clerk").post(IMPORTS, "text/plain", small);
        Api.Response refusedForItsSize = api.as("clerk").post(IMPORTS, "text/plain; charset=UTF-8", overTheJsonLimit);

        assertThat(refusedForItsType.status()).as(refusedForItsType.toString()).isEqualTo(415);
        assertThat(refusedForItsType.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(refusedForItsSize.status()).as(refusedForItsSize.toString()).isEqualTo(413);
        assertThat(refusedForItsSize.code()).isEqualTo("BODY_TOO_LARGE");
        assertThat(events.ofHousehold(Households.cardNo(5031))).isEmpty();
    }

    @Test
    void aJsonBodyOverItsLimitIsRefusedWith413() {
        assertThat(api.as("clerk").postCsv(IMPORTS, csv(household(5021))).status()).isEqualTo(200);
        String reason = "x".repeat(JSON_BYTES_MAX);

        Api.Response refused = api.as("clerk").post("/api/households/T-5021/exit",
                "{\"year\": 2016, \"reason\": \"" + reason + "\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("BODY_TOO_LARGE");
        assertThat(events.ofHousehold("T-5021")).hasSize(1);
    }
}
