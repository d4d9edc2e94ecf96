package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event says who caused it, in which role, under which request and from where (API.md, Audit): the stored
 * row's metadata is checked here, for appropriations to funds of fiscal year 2095, which no other test uses.
 */
@LedgerTest
class EventMetadataApiTest extends LedgerApiTest {

    static final String APPROPRIATIONS = "/api/funds/appropriations";
    static final String REQUEST_ID = "X-Request-Id";
    static final ObjectMapper JSON = new ObjectMapper();


    static String appropriation(String source, String documentNo) {
        return """
                {"fiscalYear": 2095, "source": "%s", "amountFen": 1000, "documentNo": "%s"}
                """.formatted(source, documentNo);
    }

    /** The metadata of the one event of an aggregate, as stored. */
    JsonNode metadataOfTheOnlyEventOf(String aggregateIdentifier) throws IOException {
        List<byte[]> rows = jdbc.query("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?",
                (row, index) -> row.getBytes(1), aggregateIdentifier);
        assertThat(rows).hasSize(1);
        return JSON.readTree(rows.get(0));
    }

    static void assertLoopback(JsonNode metadata) throws IOException {
        String remoteAddress = metadata.path("remoteAddress").asText();
        assertThat(remoteAddress).isNotBlank();
        assertThat(InetAddress.getByName(remoteAddress).isLoopbackAddress()).as(remoteAddress).isTrue();
    }

    @Nested
    class AnAppropriationsEvent {

        @Test
        void carriesTheClerkTheRoleTheRequestIdTheClientSentAndTheRemoteAddress() throws IOException {
            Api.Response created = api.as("clerk").header(REQUEST_ID, "metadata-test-2095-central")
                    .post(APPROPRIATIONS, appropriation("CENTRAL", "元数据〔2095〕1号"));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header(REQUEST_ID)).isEqualTo("metadata-test-2095-central");
            JsonNode metadata = metadataOfTheOnlyEventOf("FUND-510824-2095-CENTRAL");
            assertThat(metadata.path("actor").asText()).isEqualTo("clerk");
            assertThat(metadata.path("role").asText()).isEqualTo("CLERK");
            assertThat(metadata.path("requestId").asText()).isEqualTo("metadata-test-2095-central");
            assertLoopback(metadata);
        }

        @Test
        void carriesTheRequestIdTheLedgerGaveWhenTheClientSentNone() throws IOException {
            Api.Response created = api.as("clerk2").post(APPROPRIATIONS, appropriation("PROVINCIAL", "元数据〔2095〕2号"));

            assertThat(created.status()).isEqualTo(201);
            String given = created.header(REQUEST_ID);
            assertThat(given).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            JsonNode metadata = metadataOfTheOnlyEventOf("FUND-510824-2095-PROVINCIAL");
            assertThat(metadata.path("actor").asText()).isEqualTo("clerk2");
            assertThat(metadata.path("role").asText()).isEqualTo("CLERK");
            assertThat(metadata.path("requestId").asText()).isEqualTo(given);
            assertLoopback(metadata);
        }

        @Test
        void carriesANewRequestIdInsteadOfOneThatIsNotAPlainToken() throws IOException {
            String unfit = "<script>alert(1)</script>";

            Api.Response created = api.as("clerk").header(REQUEST_ID, unfit)
                    .post(APPROPRIATIONS, appropriation("MUNICIPAL", "元数据〔2095〕3号"));

            assertThat(created.status()).isEqualTo(201);
            String given = created.header(REQUEST_ID);
            assertThat(given).isNotEqualTo(unfit).matches("[A-Za-z0-9._-]{8,64}");
            assertThat(metadataOfTheOnlyEventOf("FUND-510824-2095-MUNICIPAL").path("requestId").asText()).isEqualTo(given);
        }

        @Test
        void carriesANewRequestIdInsteadOfOneTooShortToTrace() throws IOException {
            Api.Response created = api.as("clerk").header(REQUEST_ID, "short")
                    .post(APPROPRIATIONS, appropriation("COUNTY", "元数据〔2095〕4号"));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header(REQUEST_ID)).isNotEqualTo("short");
            assertThat(metadataOfTheOnlyEventOf("FUND-510824-2095-COUNTY").path("requestId").asText())
                    .isEqualTo(created.header(REQUEST_ID));
        }
    }

    @Nested
    class ARefusedRequest {

        @Test
        void isAnsweredWithItsRequestIdSoThatTheRefusalCanBeTracedInTheLog() {
            Api.Response refused = api.as("clerk").header(REQUEST_ID, "metadata-test-refused-0001")
                    .post(APPROPRIATIONS, "{\"fiscalYear\": 2095}");

            assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(refused.header(REQUEST_ID)).isEqualTo("metadata-test-refused-0001");
        }

        @Test
        void forWantOfCredentialsIsAnsweredWithItsRequestIdToo() {
            Api.Response refused = api.anonymous().header(REQUEST_ID, "metadata-test-anonymous-0001")
                    .post(APPROPRIATIONS, appropriation("DONATION", "元数据〔2095〕5号"));

            assertProblem(refused, 401, "UNAUTHENTICATED");
            assertThat(refused.header(REQUEST_ID)).isEqualTo("metadata-test-anonymous-0001");
        }
    }
}
