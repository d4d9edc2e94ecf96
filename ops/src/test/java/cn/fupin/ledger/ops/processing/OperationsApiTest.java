package cn.fupin.ledger.ops.processing;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators read from the running ledger: the metrics scrape, the OpenAPI description and the probes, and who may
 * read them. Records an appropriation of fiscal year 2037 (no other test uses that year).
 */
@LedgerTest
class OperationsApiTest extends LedgerApiTest {

    private static final List<String> STAFF = List.of("clerk", "approver", "auditor", "reviewer", "township");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Autowired
    ProcessorPositions positions;
    @Autowired
    StartupCatchUp catchUp;
    @Autowired
    ApplicationAvailability availability;
    @Autowired
    HealthEndpoint health;

    private String scrape() {
        Api.Response scrape = api.as("auditor").get("/actuator/prometheus");
        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        return scrape.body();
    }

    /** The value of the sample with this name whose labels include these, summed when several match. */
    static OptionalDouble sample(String scrape, String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> has = new java.util.HashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    has.put(label.group(1), label.group(2));
                }
            }
            if (has.entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(4));
                found = true;
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    @Nested
    class Metrics {

        @Test
        void anAppropriationShowsInTheCommandBusMetricsByCommandTypeWithoutItsIds() {
            Map<String, String> appropriations = Map.of("payloadType", "AppropriateFundsCommand");
            Map<String, String> funds = Map.of("processorName", "funds");
            String first = scrape();
            double before = sample(first, "commandBus_successCounter_total", appropriations).orElse(0);
            double processedBefore = sample(first, "eventProcessor_processedCounter_total", funds).orElse(0);

            Api.Response created = api.as("clerk").post("/api/funds/appropriations", """
                    {"fiscalYear": 2037, "source": "CENTRAL", "amountFen": 123400, "documentNo": "苍财农〔2037〕94号",
                     "note": "metrics"}
                    """);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);

            String scrape = scrape();
            assertThat(sample(scrape, "commandBus_successCounter_total", appropriations)).hasValue(before + 1);
            assertThat(sample(scrape, "commandBus_allTimer_seconds_count", appropriations).orElse(0))
                    .isGreaterThanOrEqualTo(before + 1);
            assertThat(sample(scrape, "commandBus_allTimer_seconds_max", appropriations)).isPresent();
            assertThat(scrape).doesNotContain(created.json().path("fundId").asText(),
                    created.json().path("appropriationId").asText(), "苍财农");
            // the funds read model's processor handled it: Axon's counters and latency per processing group
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String later = scrape();
                assertThat(sample(later, "eventProcessor_processedCounter_total", funds).orElse(0))
                        .isGreaterThan(processedBefore);
                assertThat(sample(later, "eventProcessor_latency", funds)).isPresent();
            });
        }

        @Test
        void everyStreamingProcessorHasItsLagAndGapsAndTheCaughtUpOnesAreNotBehind() {
            assertThat(positions.processors()).contains("funds", "journal", "disclosure-pages", "audit-subjects");
            String scrape = scrape();
            for (String processor : positions.processors()) {
                Map<String, String> tag = Map.of("processor", processor);
                assertThat(sample(scrape, "ledger_processor_events_behind", tag)).as(processor).isPresent();
                assertThat(sample(scrape, "ledger_processor_gaps", tag)).as(processor).isPresent();
            }
            assertThat(sample(scrape, "ledger_event_store_head", Map.of())).isPresent();
            // Axon's own timers and counters per processor, without the event type, and no capacity per event type
            assertThat(scrape).doesNotContainPattern("eventProcessor_\\w+\\{[^}]*payloadType")
                    .doesNotContain("eventProcessor_capacity");

            long head = positions.head().orElse(0);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                double behind = sample(scrape(), "ledger_processor_events_behind", Map.of("processor", "places"))
                        .orElseThrow();
                assertThat(behind).isLessThanOrEqualTo(Math.max(0, positions.head().orElse(0) - head));
            });
        }

        @Test
        void aPageRenderedOnRequestIsTimedByKindFormatAndOutcome() {
            Map<String, String> absentNotice = Map.of("kind", "notice", "format", "json", "outcome", "absent");
            double before = sample(scrape(), "ledger_disclosure_page_render_seconds_count", absentNotice).orElse(0);

            assertThat(api.anonymous().get("/disclosure/notices/NTC-510824-NO-SUCH-NOTICE-9450.json").status())
                    .isEqualTo(404);

            String scrape = scrape();
            assertThat(sample(scrape, "ledger_disclosure_page_render_seconds_count", absentNotice))
                    .hasValue(before + 1);
            assertThat(scrape).doesNotContain("NO-SUCH-NOTICE");
        }

        @Test
        void theRerendererTimesTheCountyPageAfterAnAppropriation() {
            Map<String, String> county = Map.of("kind", "county", "format", "html", "outcome", "rendered");
            double before = sample(scrape(), "ledger_disclosure_page_render_seconds_count", county).orElse(0);

            Api.Response created = api.as("clerk").post("/api/funds/appropriations", """
                    {"fiscalYear": 2037, "source": "PROVINCIAL", "amountFen": 5600, "documentNo": "苍财农〔2037〕95号",
                     "note": "metrics"}
                    """);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(sample(scrape(), "ledger_disclosure_page_render_seconds_count", county).orElse(0))
                            .isGreaterThan(before));
        }
    }

    @Nested
    class WhoMayRead {

        @Test
        void thePublicGetsNeitherTheMetricsNorTheApiDescription() {
            for (String path : List.of("/actuator/prometheus", "/v3/api-docs", "/v3/api-docs.yaml",
                    "/swagger-ui/index.html", "/swagger-ui.html", "/v3/api-docs/swagger-config")) {
                Api.Response answer = api.anonymous().get(path);
                assertThat(answer.status()).as(path).isEqualTo(401);
                assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
                assertThat(answer.code()).as(path).isEqualTo("UNAUTHENTICATED");
            }
        }

        @Test
        void wrongCredentialsGetNeither() {
            assertThat(api.as("auditor", "not-the-password").get("/actuator/prometheus").status()).isEqualTo(401);
            assertThat(api.as("auditor", "not-the-password").get("/v3/api-docs").status()).isEqualTo(401);
        }

        @Test
        void everyStaffRoleReadsBoth() {
            for (String user : STAFF) {
                Api.Response metrics = api.as(user).get("/actuator/prometheus");
                assertThat(metrics.status()).as(user + " " + metrics).isEqualTo(200);
                assertThat(metrics.contentType()).startsWith("text/plain");
                Api.Response description = api.as(user).get("/v3/api-docs");
                assertThat(description.status()).as(user + " " + description).isEqualTo(200);
            }
        }

        @Test
        void otherActuatorEndpointsStayClosed() {
            for (String path : List.of("/actuator", "/actuator/metrics", "/actuator/env", "/actuator/beans")) {
                assertThat(api.as("auditor").get(path).status()).as(path).isIn(403, 404);
                assertThat(api.anonymous().get(path).status()).as(path).isIn(401, 403, 404);
            }
        }
    }

    @Nested
    class ApiDescription {

        @Test
        void theDescriptionListsTheApisPaths() {
            Api.Response description = api.as("clerk").get("/v3/api-docs");
            assertThat(description.contentType()).startsWith("application/json");
            assertThat(description.json().path("openapi").asText()).startsWith("3.");
            assertThat(description.json().path("paths").has("/api/funds/appropriations")).isTrue();
            assertThat(description.json().path("paths").path("/api/funds/appropriations").has("post")).isTrue();
            assertThat(description.json().path("paths").has("/api/audit/events")).isTrue();
            assertThat(description.json().path("paths").has("/api/households/imports")).isTrue();
            assertThat(description.json().path("paths").has("/api/projects")).isTrue();
            assertThat(description.json().path("paths").fieldNames()).toIterable()
                    .noneMatch(path -> path.startsWith("/actuator"));
        }

        @Test
        void theSwaggerUiIsServedFromTheLedgerItselfToStaff() {
            Api.Response page = api.as("clerk").get("/swagger-ui/index.html");
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            Api.Response config = api.as("clerk").get("/v3/api-docs/swagger-config");
            assertThat(config.status()).isEqualTo(200);
            assertThat(config.json().path("url").asText()).isEqualTo("/v3/api-docs");
        }

        @Test
        void theApiStillAnswersErrorsInProblemJson() {
            Api.Response malformed = api.as("clerk").post("/api/funds/appropriations", "{not json");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.contentType()).startsWith("application/problem+json");
            assertThat(malformed.code()).isEqualTo("MALFORMED_BODY");
            Api.Response forbidden = api.as("reviewer").post("/api/funds/appropriations", "{}");
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.code()).isEqualTo("FORBIDDEN");
        }
    }

    @Nested
    class Probes {

        @Test
        void readinessAndLivenessArePublicAndShowTheStatusAlone() {
            for (String path : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
                Api.Response probe = api.anonymous().get(path);
                assertThat(probe.status()).as(path + " " + probe).isEqualTo(200);
                assertThat(probe.json().path("status").asText()).isEqualTo("UP");
                assertThat(probe.json().has("components")).as(path).isFalse();
                assertThat(probe.json().has("details")).as(path).isFalse();
            }
        }

        @Test
        void theRunningLedgerIsReadyBecauseItsProcessorsCaughtUp() {
            assertThat(catchUp.caughtUp()).isTrue();
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(availability).isInstanceOf(CaughtUpAvailability.class);
            // the public health counts readiness in (docs/operations.md says so): 503 while catching up
            assertThat(health.healthForPath("readinessState")).isNotNull();
            assertThat(health.healthForPath("readinessState").getStatus()).isEqualTo(Status.UP);
        }
    }
}
