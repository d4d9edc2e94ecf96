package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.StoredEvents;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertAnyProblem;
import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.api.ProblemAssertions.fieldErrors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error half of the HTTP contract (API.md), over the wire: every failure is problem+json whose {@code status}
 * is the HTTP status, with a stable code, field problems named in {@code errors}, nothing of the server's insides,
 * and no event recorded. Appropriations here use fiscal year 2081, which no other test uses.
 */
@LedgerTest
class ErrorApiTest extends LedgerApiTest {

    static final String APPROPRIATIONS = "/api/funds/appropriations";
    static final long ONE_MIB = 1024 * 1024;

    RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

    static String appropriation(long amountFen, String documentNo) {
        return """
                {"fiscalYear": 2081, "source": "CENTRAL", "amountFen": %d, "documentNo": "%s", "note": "error test"}
                """.formatted(amountFen, documentNo);
    }

    long events() {
        return jdbc.queryForObject(StoredEvents.COUNT_EXCEPT_NOTICES, Long.class);
    }

    /** Posts as the clerk and asserts that the refused request recorded no event. */
    Api.Response refusedPost(String json) {
        long before = events();
        Api.Response response = api.as("clerk").post(APPROPRIATIONS, json);
        assertThat(events()).as("events after %s", response).isEqualTo(before);
        return response;
    }

    /** A JSON appropriation padded with trailing blanks to exactly {@code bytes} bytes. */
    static byte[] paddedTo(String json, long bytes) {
        byte[] content = json.getBytes(StandardCharsets.UTF_8);
        assertThat((long) content.length).isLessThanOrEqualTo(bytes);
        byte[] body = new byte[Math.toIntExact(bytes)];
        System.arraycopy(content, 0, body, 0, content.length);
        java.util.Arrays.fill(body, content.length, body.length, (byte) ' ');
        return body;
    }

    @Test
    void aValidAppropriationIsRecordedSoTheRefusalsBelowAreRefusedForTheirOwnReason() {
        long before = events();
        Api.Response created = api.as("clerk").post(APPROPRIATIONS, appropriation(100L, "错误测试〔2081〕1号"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        assertThat(events()).isEqualTo(before + 1);
    }

    @Nested
    class MalformedBodies {

        @Test
        void jsonThatDoesNotParseIsAMalformedBody() {
            Api.Response refused = refusedPost("{\"fiscalYear\": 2081, \"source\": ");

            assertProblem(refused, 400, "MALFORMED_BODY");
        }

        @Test
        void anEmptyBodyIsAMalformedBody() {
            Api.Response refused = refusedPost("");

            assertProblem(refused, 400, "MALFORMED_BODY");
        }

        @Test
        void aJsonArrayWhereAnObjectBelongsIsRefusedAsABadRequest() {
            Api.Response refused = refusedPost("[" + appropriation(100L, "错误测试〔2081〕2号") + "]");

            assertThat(refused.status()).isEqualTo(400);
            assertAnyProblem(refused);
        }

        @Test
        void anUnknownFieldIsRefusedAndNamed() {
            Api.Response refused = refusedPost("""
                    {"fiscalYear": 2081, "source": "CENTRAL", "amountFen": 100, "documentNo": "错误测试〔2081〕3号",
                     "approvedBy": "somebody"}
                    """);

            JsonNode problem = assertProblem(refused, 400, "UNKNOWN_FIELD");
            assertThat(fieldErrors(problem)).containsExactly("approvedBy:UNKNOWN_FIELD");
        }
    }

    @Nested
    class InvalidFields {

        @Test
        void everyMissingFieldIsNamedAsRequired() {
            Api.Response refused = refusedPost("{\"note\": \"only a note\"}");

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactlyInAnyOrder(
                    "fiscalYear:REQUIRED", "source:REQUIRED", "amountFen:REQUIRED", "documentNo:REQUIRED");
        }

        @Test
        void aBlankDocumentNumberIsRequiredToo() {
            Api.Response refused = refusedPost(appropriation(100L, "   "));

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("documentNo:REQUIRED");
        }

        @Test
        void aZeroAmountMustBePositive() {
            Api.Response refused = refusedPost(appropriation(0L, "错误测试〔2081〕4号"));

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("amountFen:MUST_BE_POSITIVE");
        }

        @Test
        void aNegativeAmountMustBePositive() {
            Api.Response refused = refusedPost(appropriation(-100L, "错误测试〔2081〕5号"));

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("amountFen:MUST_BE_POSITIVE");
        }

        @Test
        void anAmountBeyondWhatALongHoldsIsOutOfRangeRatherThanWrapped() {
            Api.Response refused = refusedPost("""
                    {"fiscalYear": 2081, "source": "CENTRAL", "amountFen": 99999999999999999999, "documentNo": "错误测试〔2081〕6号"}
                    """);

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("amountFen:OUT_OF_RANGE");
        }

        @Test
        void aFiscalYearBeyondWhatAnIntHoldsIsOutOfRange() {
            Api.Response refused = refusedPost("""
                    {"fiscalYear": 3000000000, "source": "CENTRAL", "amountFen": 100, "documentNo": "错误测试〔2081〕10号"}
                    """);

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("fiscalYear:OUT_OF_RANGE");
        }

        @Test
        void aFractionalAmountIsRefusedRatherThanTruncated() {
            Api.Response refused = refusedPost("""
                    {"fiscalYear": 2081, "source": "CENTRAL", "amountFen": 1.5, "documentNo": "错误测试〔2081〕7号"}
                    """);

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("amountFen:INVALID_VALUE");
        }

        @Test
        void anAmountWrittenAsTextIsRefused() {
            Api.Response refused = refusedPost("""
                    {"fiscalYear": 2081, "source": "CENTRAL", "amountFen": "一百", "documentNo": "错误测试〔2081〕8号"}
                    """);

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("amountFen:INVALID_VALUE");
        }

        @Test
        void aSourceOutsideTheListIsAnInvalidValue() {
            Api.Response refused = refusedPost("""
                    {"fiscalYear": 2081, "source": "LOTTERY", "amountFen": 100, "documentNo": "错误测试〔2081〕9号"}
                    """);

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("source:INVALID_VALUE");
        }

        @Test
        void aFiscalYearBeforeTwoThousandIsOutOfRange() {
            Api.Response refused = refusedPost("""
                    {"fiscalYear": 1999, "source": "CENTRAL", "amountFen": 100, "documentNo": "错误测试〔1999〕1号"}
                    """);

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("fiscalYear:OUT_OF_RANGE");
        }

        @Test
        void aDocumentNumberLongerThanSixtyFourCharactersIsRefused() {
            Api.Response refused = refusedPost(appropriation(100L, "号".repeat(65)));

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("documentNo:LENGTH_OUT_OF_RANGE");
        }

        @Test
        void aFiscalYearThatIsNotANumberIsRefusedOnReadingFunds() {
            Api.Response refused = api.as("clerk").get("/api/funds?fiscalYear=abc");

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("fiscalYear:INVALID_VALUE");
        }

        @Test
        void theCountyFloorNeedsAFiscalYear() {
            Api.Response refused = api.as("auditor").get("/api/funds/county-floor");

            JsonNode problem = assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(fieldErrors(problem)).containsExactly("fiscalYear:REQUIRED");
        }

        @Test
        void theCountyFloorOfAYearOutsideTheLedgersRangeIsRefused() {
            Api.Response refused = api.as("auditor").get("/api/funds/county-floor?fiscalYear=1999");

            JsonNode problem = assertProblem(refused, 422, "FISCAL_YEAR_OUT_OF_RANGE");
            assertThat(fieldErrors(problem)).containsExactly("fiscalYear:FISCAL_YEAR_OUT_OF_RANGE");
        }
    }

    @Nested
    class BusinessRefusals {

        @Test
        void aDocumentNumberEnteredTwiceIsAConflictAndRecordsNothingTheSecondTime() {
            assertThat(api.as("clerk").post(APPROPRIATIONS, appropriation(100L, "错误测试〔2081〕20号")).status())
                    .isEqualTo(201);

            Api.Response refused = refusedPost(appropriation(100L, "错误测试〔2081〕20号"));

            assertProblem(refused, 409, "DUPLICATE_DOCUMENT_NO");
        }
    }

    @Nested
    class BodiesTooLarge {

        @Test
        void aBodyOneByteOverOneMebibyteWithItsLengthAnnouncedIsRefused() {
            long before = events();
            Api.Response refused = api.as("clerk").post(APPROPRIATIONS, "application/json",
                    paddedTo(appropriation(100L, "错误测试〔2081〕30号"), ONE_MIB + 1));

            assertProblem(refused, 413, "BODY_TOO_LARGE");
            assertThat(events()).isEqualTo(before);
        }

        @Test
        void aBodyOneByteOverOneMebibyteStreamedWithoutALengthIsRefused() {
            long before = events();
            Api.Response refused = raw.postStreamed(APPROPRIATIONS, "clerk", "application/json",
                    paddedTo(appropriation(100L, "错误测试〔2081〕31号"), ONE_MIB + 1));

            assertProblem(refused, 413, "BODY_TOO_LARGE");
            assertThat(events()).isEqualTo(before);
        }

        @Test
        void aBodyOfExactlyOneMebibyteIsReadAndJudgedOnItsFields() {
            Api.Response refused = api.as("clerk").post(APPROPRIATIONS, "application/json",
                    paddedTo("{\"note\": \"padded\"}", ONE_MIB));

            assertProblem(refused, 422, "VALIDATION_FAILED");
        }

        @Test
        void aStreamedBodyOfExactlyOneMebibyteIsRecorded() {
            long before = events();
            Api.Response created = raw.postStreamed(APPROPRIATIONS, "clerk", "application/json",
                    paddedTo(appropriation(100L, "错误测试〔2081〕32号"), ONE_MIB));

            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(events()).isEqualTo(before + 1);
        }
    }

    /** The JSON limit is configuration ({@code ledger.http.json-body-max}); this context has 2 KB. */
    @Nested
    @TestPropertySource(properties = "ledger.http.json-body-max=2KB")
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
    class AConfiguredBodyLimit {

        static final int TWO_KIB = 2048;

        @LocalServerPort
        int limitedPort;

        @Autowired
        JdbcTemplate limitedJdbc;

        long limitedEvents() {
            return limitedJdbc.queryForObject(StoredEvents.COUNT_EXCEPT_NOTICES, Long.class);
        }

        @Test
        void aBodyOfExactlyTheConfiguredLimitIsRecorded() {
            long before = limitedEvents();
            Api.Response created = new Api(limitedPort).as("clerk").post(APPROPRIATIONS, "application/json",
                    paddedTo(appropriation(100L, "错误测试〔2081〕40号"), TWO_KIB));

            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(limitedEvents()).isEqualTo(before + 1);
        }

        @Test
        void aBodyOneByteOverTheConfiguredLimitIsRefused() {
            long before = limitedEvents();
            Api.Response refused = new Api(limitedPort).as("clerk").post(APPROPRIATIONS, "application/json",
                    paddedTo(appropriation(100L, "错误测试〔2081〕41号"), TWO_KIB + 1));

            JsonNode problem = assertProblem(refused, 413, "BODY_TOO_LARGE");
            assertThat(problem.path("detail").asText()).contains("2048");
            assertThat(limitedEvents()).isEqualTo(before);
        }

        @Test
        void aStreamedBodyOneByteOverTheConfiguredLimitIsRefused() {
            long before = limitedEvents();
            Api.Response refused = new RawHttp(limitedPort).postStreamed(APPROPRIATIONS, "clerk", "application/json",
                    paddedTo(appropriation(100L, "错误测试〔2081〕42号"), TWO_KIB + 1));

            assertProblem(refused, 413, "BODY_TOO_LARGE");
            assertThat(limitedEvents()).isEqualTo(before);
        }
    }

    @Nested
    class WhoMayAsk {

        @Test
        void anApproverMayNotAppropriate() {
            long before = events();
            Api.Response refused = api.as("approver").post(APPROPRIATIONS, appropriation(100L, "错误测试〔2081〕50号"));

            assertProblem(refused, 403, "FORBIDDEN");
            assertThat(events()).isEqualTo(before);
        }

        @Test
        void aRequestWithoutCredentialsIsAskedToAuthenticate() {
            long before = events();
            Api.Response refused = api.anonymous().post(APPROPRIATIONS, appropriation(100L, "错误测试〔2081〕51号"));

            assertProblem(refused, 401, "UNAUTHENTICATED");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Basic ");
            assertThat(events()).isEqualTo(before);
        }

        @Test
        void aWrongPasswordIsRefusedAsUnauthenticated() {
            long before = events();
            Api.Response refused = api.as("clerk", "not-the-password").post(APPROPRIATIONS,
                    appropriation(100L, "错误测试〔2081〕52号"));

            assertProblem(refused, 401, "UNAUTHENTICATED");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Basic ");
            assertThat(events()).isEqualTo(before);
        }

        @Test
        void anUnknownUserIsRefusedAsUnauthenticated() {
            Api.Response refused = api.as("nobody", "demo").get("/api/funds");

            assertProblem(refused, 401, "UNAUTHENTICATED");
        }
    }

    @Nested
    class PathsMethodsAndMediaTypes {

        @Test
        void aPathUnderApiThatNoRuleListsIsForbiddenToEverybodyLoggedIn() {
            Api.Response refused = api.as("auditor").get("/api/no-such-thing");

            assertProblem(refused, 403, "FORBIDDEN");
        }

        @Test
        void aPathUnderApiThatNoRuleListsAsksAnonymousCallersToAuthenticateFirst() {
            Api.Response refused = api.anonymous().get("/api/no-such-thing");

            assertProblem(refused, 401, "UNAUTHENTICATED");
        }

        @Test
        void aPathUnderAnOpenPrefixWithNothingBehindItIsNotFound() {
            Api.Response refused = api.as("clerk").get("/api/places/no-such-thing");

            assertProblem(refused, 404, "NOT_FOUND");
        }

        @Test
        void aReadOfAPathThatOnlyTakesPostIsMethodNotAllowed() {
            Api.Response refused = api.as("clerk").get("/api/places/villages/510824229212/poor-designations");

            assertProblem(refused, 405, "METHOD_NOT_ALLOWED");
            assertThat(refused.header("Allow")).isEqualTo("POST");
        }

        @Test
        void aMethodThatNoRuleAllowsIsForbiddenBeforeItIsRouted() {
            long before = events();
            Api.Response refused = raw.send("PUT", APPROPRIATIONS, "clerk", "application/json",
                    appropriation(100L, "错误测试〔2081〕60号").getBytes(StandardCharsets.UTF_8));

            assertProblem(refused, 403, "FORBIDDEN");
            assertThat(events()).isEqualTo(before);
        }

        @Test
        void aDeleteOfTheFundsIsForbidden() {
            long before = events();
            Api.Response refused = raw.send("DELETE", "/api/funds", "auditor", null, null);

            assertProblem(refused, 403, "FORBIDDEN");
            assertThat(events()).isEqualTo(before);
        }

        @Test
        void aBodyOfPlainTextIsAnUnsupportedMediaType() {
            long before = events();
            Api.Response refused = api.as("clerk").post(APPROPRIATIONS, "text/plain",
                    appropriation(100L, "错误测试〔2081〕61号").getBytes(StandardCharsets.UTF_8));

            assertProblem(refused, 415, "UNSUPPORTED_MEDIA_TYPE");
            assertThat(events()).isEqualTo(before);
        }

        @Test
        void aCsvBodyToAJsonEndpointIsAnUnsupportedMediaType() {
            long before = events();
            Api.Response refused = api.as("clerk").postCsv(APPROPRIATIONS, "fiscalYear,source,amountFen\n2081,CENTRAL,100\n");

            assertProblem(refused, 415, "UNSUPPORTED_MEDIA_TYPE");
            assertThat(events()).isEqualTo(before);
        }
    }
}
