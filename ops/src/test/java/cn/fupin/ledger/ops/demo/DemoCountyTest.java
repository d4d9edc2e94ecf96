package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import cn.fupin.ledger.ops.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo profile as a newcomer meets it: the demo county loads once, with poor villages, 240 households imported
 * through the clerk's path, appropriations for 2015 (county floor met) and 2016 (not met), projects and a closed
 * competitive round whose ranking recomputes, payments and start-up grants in a balanced journal; a restart on the same
 * database keeps everything and loads nothing twice. And it reads like the county's history ({@link DemoTimeline}):
 * recorded from January 2015 on, each fact on its date, ending at the present.
 */
class DemoCountyTest {

    static final String ROUND = "CMP-510824-DEMO-2016-01";
    static final String LATE_GRANT = "DSB-510824-DEMO-2016-GRANT-LATE";

    private static ConfigurableApplicationContext start(TestDatabase database) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("server.port", "0");
        properties.put("ledger.test.own-database", "true");
        properties.put("ledger.demo.load-data", "true");
        properties.put("ledger.personal-data.key", LedgerTest.PERSONAL_DATA_KEY);
        // The test asks for the reconciliation itself; the scheduled run would fire as the loader moves the clock.
        properties.put("ledger.audit.reconciliation-interval", "36500d");
        // Command-line arguments, because SpringApplicationBuilder.properties(...) rank below application.yml.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class).profiles("demo")
                .run(arguments);
        assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(database.url());
        return context;
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @TempDir
    Path site;

    @Test
    void theDemoCountyLoadsOnceAndARestartKeepsItWithoutLoadingTwice() throws Exception {
        TestDatabase database = TestDatabase.createDurable();
        try {
            long events;
            try (ConfigurableApplicationContext ledger = start(database)) {
                Api api = api(ledger);
                JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_view", Long.class)).isEqualTo(240L);
                    assertThat(api.as("clerk").get("/api/funds?fiscalYear=2015").json()).hasSize(7);
                    assertThat(api.as("clerk").get("/api/funds?fiscalYear=2016").json()).hasSize(7);
                });
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode townships = api.as("township").get("/api/places/townships").json();
                    assertThat(townships).hasSize(34);
                    long poor = StreamSupport.stream(townships.spliterator(), false)
                            .flatMap(t -> StreamSupport.stream(t.path("villages").spliterator(), false))
                            .filter(v -> v.path("poorVillage").asBoolean())
                            .count();
                    assertThat(poor).isBetween(40L, 80L);
                });
                JsonNode floor2015 = api.as("auditor").get("/api/funds/county-floor?fiscalYear=2015").json();
                JsonNode floor2016 = api.as("auditor").get("/api/funds/county-floor?fiscalYear=2016").json();
                assertThat(floor2015.path("met").asBoolean()).isTrue();
                assertThat(floor2016.path("met").asBoolean()).isFalse();
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_view WHERE migrant = TRUE", Long.class))
                        .isPositive();
                assertThat(jdbc.queryForList("SELECT DISTINCT note FROM appropriation_view", String.class))
                        .allSatisfy(note -> assertThat(note).contains("演示数据"));

                // Step 2: projects in several work areas at several stages, and one closed round an auditor recomputes.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode projects = api.as("auditor").get("/api/projects").json();
                    assertThat(projects.findValuesAsText("workArea")).contains("ROADS", "WATER", "INDUSTRY",
                            "HOUSING", "EDUCATION", "CULTURE", "INFORMATION", "CAPABILITY");
                    assertThat(projects.findValuesAsText("status")).contains("PROPOSED", "SELECTED", "REJECTED",
                            "APPROVED", "IMPLEMENTING", "CANCELLED", "ACCEPTED");
                    JsonNode round = api.as("auditor").get("/api/competitions/" + ROUND).json();
                    assertThat(round.path("status").asText()).isEqualTo("CLOSED");
                    assertThat(round.path("ranking")).hasSize(5);
                });
                JsonNode recomputed = api.as("auditor").get("/api/competitions/" + ROUND + "/recompute")
                        .json();
                assertThat(recomputed.path("matches").asBoolean()).as(recomputed.toString()).isTrue();
                assertThat(recomputed.path("ranking").findValuesAsText("outcome")).contains("AWARDED", "DOES_NOT_FIT");
                JsonNode central2016 = api.as("auditor").get("/api/funds?fiscalYear=2016").json();
                assertThat(central2016.findValues("reservedFen").stream().mapToLong(JsonNode::asLong).sum()).isPositive();

                // Step 3: tranches, start-up grants to most but not all households, one reversal; the books balance.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode coverage = api.as("auditor").get("/api/grants/coverage?level=county").json();
                    assertThat(coverage.path("registered").asLong()).isEqualTo(240L);
                    assertThat(coverage.path("granted").asLong()).isBetween(200L, 239L);
                    assertThat(coverage.path("grantedFen").asLong()).isEqualTo(coverage.path("granted").asLong() * 300_000L);
                    JsonNode payments = api.as("auditor").get("/api/disbursements").json();
                    assertThat(payments.findValuesAsText("status")).contains("APPROVED", "REQUESTED", "REVERSED");
                    JsonNode check = api.as("auditor").get("/api/audit/journal-check").json();
                    assertThat(check.path("ok").asBoolean()).as(check.toString()).isTrue();
                    // the journal, the aggregates and the read models agree on every fund and project of the demo
                    JsonNode reconciliation = api.as("auditor").get("/api/audit/reconciliation").json();
                    assertThat(reconciliation.path("agrees").asBoolean()).as(reconciliation.toString()).isTrue();
                    assertThat(reconciliation.path("funds").asInt()).isPositive();
                    assertThat(reconciliation.path("projects").asInt()).isPositive();
                });

                // Step 4: the publisher announces every appropriation (16), the closed round and every approved
                // project at county level, and each village project on its township's list too.
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    JsonNode notices = api.as("auditor").get("/api/notices?level=COUNTY&placeCode=510824").json();
                    assertThat(notices.findValuesAsText("kind").stream().filter(k -> !k.equals("PROJECT_LIST")))
                            .hasSize(17).contains("FUND_ALLOCATION", "ROUND_RESULT");
                    List<String> planned = new ArrayList<>();
                    List<String> townshipListed = new ArrayList<>();
                    List<String> onTownshipLists = new ArrayList<>();
                    for (String level : List.of("VILLAGE", "TOWNSHIP")) {
                        for (JsonNode notice : api.as("auditor").get("/api/notices?level=" + level).json()) {
                            String kind = notice.path("content").path("kind").asText();
                            String item = notice.path("content").path("rows").path(0).path("item").asText();
                            if (kind.equals("PROJECT_PLAN")) {
                                planned.add(item);
                                if (level.equals("VILLAGE")) {
                                    townshipListed.add(item);
                                }
                            } else if (kind.equals("PROJECT_LIST") && level.equals("TOWNSHIP")) {
                                onTownshipLists.add(item);
                            }
                        }
                    }
                    List<String> countyListed = new ArrayList<>();
                    for (JsonNode notice : notices) {
                        if (notice.path("content").path("kind").asText().equals("PROJECT_LIST")) {
                            countyListed.add(notice.path("content").path("rows").path(0).path("item").asText());
                        }
                    }
                    assertThat(planned).isNotEmpty();
                    assertThat(countyListed).containsExactlyInAnyOrderElementsOf(planned);
                    assertThat(onTownshipLists).containsExactlyInAnyOrderElementsOf(townshipListed);
                });
                // … and, before any payment, the plans of the paid projects and the grant lists of every batch (names
                // masked); their periods ended before the payments. The late grant waits in its.
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.as("auditor")
                        .get("/api/notices/NTC-GL-" + LATE_GRANT).status()).isEqualTo(200));
                JsonNode villageNotices = api.as("auditor").get("/api/notices?level=VILLAGE").json();
                assertThat(villageNotices.findValuesAsText("kind")).contains("PROJECT_PLAN", "GRANT_LIST");
                JsonNode townshipNotices = api.as("auditor").get("/api/notices?level=TOWNSHIP").json();
                assertThat(villageNotices.toString() + townshipNotices).doesNotContain("H510824");
                assertThat(api.as("auditor").get("/api/notices/NTC-PP-PRJ-510824-DEMO-2016-01").json().path("content")
                        .path("supervisionPhone").asText()).isNotBlank();
                assertThat(api.as("auditor").get("/api/demo/clock").json().path("offsetDays").asLong()).isZero();
                Api.Response held = api.as("approver").post("/api/disbursements/" + LATE_GRANT + "/approve", "{}");
                assertThat(held.status()).as(held.toString()).isEqualTo(409);
                assertThat(held.code()).isEqualTo("DISCLOSURE_PERIOD_OPEN");

                // Step 5: the county's history, 2015 to the present.
                DemoTimeline timeline = new DemoTimeline(api, jdbc);
                timeline.theClockStartedInJanuary2015AndOnlyEverMovedForwardToThePresent();
                timeline.appropriationsAreDatedInTheSpringOfTheirFiscalYear();
                timeline.everyNoticeIsPublishedAfterItsFactAndAllocationsOnTheirDayButOne();
                timeline.theLateAllocationNoticeIsShownLateByTenWorkingDays();
                timeline.everyPaymentWasApprovedAfterThePeriodOfANoticeListingIt();
                timeline.periodsAndTheRoundsDeadlineEndedWhenTheClockReachedThemNeverEarlier();
                timeline.aVillagerReadsItemNumbersOnAGrantList();

                // Step 6: the red flags an auditor meets: money idle for years, the late allocation notice and the
                // refused register that offered a registered household's bank card (on purpose, labelled in its file
                // name); no payment before publicity, no grant to an ineligible household, none over the standard,
                // and on a history without declarations, screening lists or refused four-eyes attempts, none of the
                // rules that read them.
                JsonNode flags = api.as("auditor").get("/api/audit/red-flags").json();
                assertThat(flags.path("findings").findValuesAsText("summary")).as(flags.toString())
                        .anySatisfy(summary -> assertThat(summary).contains("offered bank card", "BANK_CARD_REGISTERED"));
                assertThat(flags.path("counts").path("IDLE_FUNDS").asInt()).as(flags.toString()).isPositive();
                assertThat(flags.path("findings").findValuesAsText("summary"))
                        .anySatisfy(summary -> assertThat(summary).contains("published 10 working days after"));
                for (String never : List.of("PAID_BEFORE_PUBLICITY", "GRANT_TO_INELIGIBLE", "OVER_STANDARD",
                        "SELF_DEALING_ATTEMPT", "RELATED_PARTY", "DECEASED_OR_PUBLIC_EMPLOYEE")) {
                    assertThat(flags.path("counts").has(never)).as("the ledger runs " + never).isTrue();
                    assertThat(flags.path("counts").path(never).asInt()).as(never + ": " + flags).isZero();
                }

                // Step 5: every notice, served live and written as a static site, is the bytes whose SHA-256 its
                // publication recorded (DemoNoticeBytes; on this load, so that the demo loads once per run).
                DemoNoticeBytes.everyNoticeOfTheDemoIsServedLiveAndInTheStaticSiteAsTheBytesWhoseHashItsPublicationRecorded(
                        ledger, site);

                assertThat(jdbc.queryForObject("SELECT MAX(global_index) - MIN(global_index) + 1 FROM domain_event_entry",
                        Long.class)).as("global indexes assigned one by one")
                        .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class));
                events = jdbc.queryForObject(StoredEvents.COUNT_EXCEPT_NOTICES, Long.class);
            }
            try (ConfigurableApplicationContext again = start(database)) {
                JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject(StoredEvents.COUNT_EXCEPT_NOTICES, Long.class))
                        .as("a restart records no fact (the scheduled reconciliation may record its result)")
                        .isEqualTo(events);
                Api api = api(again);
                assertThat(api.as("clerk").get("/api/funds?fiscalYear=2015").json()).hasSize(7);
                assertThat(api.as("clerk").get("/api/households/H510824100205-001").status()).isEqualTo(200);
                assertThat(api.as("auditor").get("/api/demo/clock").json().path("offsetDays").asLong())
                        .as("a restart keeps the clock").isZero();
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM demo_clock_move WHERE from_time IS NULL",
                        Long.class)).as("and does not start it again").isEqualTo(1L);
            }
        } finally {
            database.drop();
        }
    }
}
