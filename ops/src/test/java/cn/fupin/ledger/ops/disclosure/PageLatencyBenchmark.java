package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measures incremental rendering on the demo county, in a ledger of its own on a fresh database (the demo profile with
 * {@code ledger.demo.load-data=true}), and prints the figures (also to {@code ops/target/page-latency-benchmark.txt}):
 * <ol type="a">
 * <li>the time to render the whole demo site cold: every page and every notice in its three formats, from the read
 * models through the renderers; then through the store (empty, so every page is rendered, stored and written as the
 * static site) and once more from the store;</li>
 * <li>for 36 commands over HTTP, six of each kind (appropriation, project proposal, project approval, payment request,
 * notice publication, objection), the time from the HTTP answer to the served page showing the new fact (polled every
 * 5 ms); a proposal changes no public page, so for it the time until the re-renderer has handled its event;</li>
 * <li>how many pages each event re-rendered, per event type.</li>
 * </ol>
 * A measurement, not a test of speed: nothing here asserts a time. Not part of the default suite (its name matches
 * none of surefire's patterns); run it with
 * {@code ./mvnw -q -pl ops -am verify -Pmysql -Dtest=PageLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (leave out {@code -Pmysql} for H2).
 */
class PageLatencyBenchmark {

    static final int YEAR = 2088;
    static final int ROUNDS = 6;
    /** Villages of 岳东镇 and 石马镇 made poor in 2088 for the measured projects. */
    static final List<String> VILLAGES = List.of("510824118203", "510824118204", "510824118207", "510824119001",
            "510824119201", "510824118212");
    static final Duration PAGE_WAIT = Duration.ofSeconds(60);

    private final StringBuilder report = new StringBuilder();
    private final Map<String, List<Double>> latencies = new LinkedHashMap<>();

    private static ConfigurableApplicationContext start(TestDatabase database) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("server.port", "0");
        properties.put("ledger.test.own-database", "true");
        properties.put("ledger.demo.load-data", "true");
        properties.put("ledger.personal-data.key", LedgerTest.PERSONAL_DATA_KEY);
        properties.put("logging.level.org.axonframework", "warn");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerApplication.class).profiles("demo").run(arguments);
    }

    @Test
    void measureTheSiteAndTheTimeFromACommandToItsPage() throws Exception {
        TestDatabase database = TestDatabase.create();
        long starting = System.nanoTime();
        try (ConfigurableApplicationContext ledger = start(database)) {
            Api api = new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());
            int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            ReadModelProgress progress = ledger.getBean(ReadModelProgress.class);
            PageRefresher refresher = ledger.getBean(PageRefresher.class);
            awaitQuiet(ledger, jdbc, progress);
            say("Machine: %d cores, %s; %s", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    database(ledger.getBean(DataSource.class)));
            say("Demo county loaded and every processor caught up %.1f s after start: %d events, %d pages stored",
                    seconds(System.nanoTime() - starting), jdbc.queryForObject(
                            "SELECT COUNT(*) FROM domain_event_entry", Long.class), ledger.getBean(PageStore.class)
                            .rows().size());

            wholeSite(ledger);
            commands(api, port, jdbc, progress, ledger);
            pagesPerEvent(refresher);
        } finally {
            database.drop();
            String text = report.toString();
            System.out.println(text);
            Path target = Path.of("target", "page-latency-benchmark.txt");
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        }
    }

    /** (a) Every page and every notice in three formats, rendered cold; then through the store. */
    private void wholeSite(ConfigurableApplicationContext ledger) throws IOException {
        PageRenderer renderer = ledger.getBean(PageRenderer.class);
        PublicPages pages = ledger.getBean(PublicPages.class);
        PageStore store = ledger.getBean(PageStore.class);
        DisclosureSiteWriter writer = ledger.getBean(DisclosureSiteWriter.class);
        say("");
        say("(a) The whole demo site");
        for (int run = 1; run <= 3; run++) {
            long started = System.nanoTime();
            long[] counted = renderEverything(renderer, pages.placeCodes());
            say("  rendered from the read models, run %d: %d files (%d places, %d notices x 3), %.1f MB, in %d ms",
                    run, counted[0], counted[1], counted[2], counted[3] / 1e6, millis(System.nanoTime() - started));
        }
        int deleted = store.deleteAll();
        Path folder = Files.createTempDirectory("page-benchmark-");
        DisclosureSiteWriter.Written cold = writer.write(folder);
        say("  static site through an emptied store (%d rows deleted; every page rendered, stored, written): "
                + "%d files in %d ms", deleted, cold.files(), cold.took().toMillis());
        DisclosureSiteWriter.Written warm = writer.write(folder);
        say("  static site again, every page from the store: %d files in %d ms", warm.files(), warm.took().toMillis());
    }

    /** Renders what the static site holds, without the store: {files, places, notices, bytes}. */
    private static long[] renderEverything(PageRenderer renderer, List<String> placeCodes) {
        long files = 0;
        long bytes = 0;
        PublicPages.Rendered county = renderer.county();
        files++;
        bytes += county.bytes().length;
        Set<String> seen = new LinkedHashSet<>(county.noticeIds());
        Deque<String> notices = new ArrayDeque<>(county.noticeIds());
        for (String code : placeCodes) {
            PublicPages.Rendered place = renderer.place(code).orElseThrow();
            files++;
            bytes += place.bytes().length;
            place.noticeIds().stream().filter(seen::add).forEach(notices::add);
        }
        long noticeCount = 0;
        while (!notices.isEmpty()) {
            String id = notices.poll();
            for (Site.NoticeFormat format : Site.NoticeFormat.values()) {
                PublicPages.Rendered notice = renderer.notice(id, format).orElseThrow();
                files++;
                bytes += notice.bytes().length;
                notice.noticeIds().stream().filter(seen::add).forEach(notices::add);
            }
            noticeCount++;
        }
        return new long[] {files, placeCodes.size(), noticeCount, bytes};
    }

    /** (b) Six commands of each kind, one after the other, each timed from its answer to its page. */
    private void commands(Api api, int port, JdbcTemplate jdbc, ReadModelProgress progress,
                          ConfigurableApplicationContext ledger) throws Exception {
        Ledger setup = new Ledger(api);
        String fund = setup.appropriate(YEAR, "CENTRAL", 10_000_000, "苍财测〔2088〕0号");
        for (String village : VILLAGES) {
            setup.designatePoor(village, YEAR);
        }
        awaitQuiet(ledger, jdbc, progress);

        for (int round = 1; round <= ROUNDS; round++) {
            String village = VILLAGES.get(round - 1);
            String villagePage = "/disclosure/" + village + "/";
            String document = "苍财测〔2088〕" + round + "号";
            Api.Response appropriated = api.as("clerk").post("/api/funds/appropriations", """
                    {"fiscalYear": %d, "source": "PROVINCIAL", "amountFen": %d, "documentNo": "%s"}
                    """.formatted(YEAR, (100_000L + round) * 100, document));
            long answered = System.nanoTime();
            assertThat(appropriated.status()).as(appropriated.toString()).isEqualTo(201);
            record("appropriation -> county page", answered, () -> shows(api, "/disclosure/", document));

            String name = "测速村道" + round;
            Api.Response proposed = api.as("clerk").post("/api/projects", project(name, "ROADS", village, "VILLAGE",
                    YEAR, "[" + line(fund, 50_000) + "]"));
            answered = System.nanoTime();
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
            String projectId = proposed.json().path("projectId").asText();
            long proposal = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ?", Long.class, projectId);
            record("project proposal (no page; handled by the re-renderer)", answered,
                    () -> progress.position(PageRefresher.GROUP) >= proposal);

            Api.Response approved = api.as("approver").post("/api/projects/" + projectId + "/approve",
                    "{\"approvalDocNo\": \"苍扶贫测〔2088〕" + round + "号\"}");
            answered = System.nanoTime();
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            record("project approval -> village page", answered,
                    () -> shows(api, villagePage, "<h3>" + name + "</h3>"));

            long amountFen = (1_000L + round) * 100;
            Api.Response requested = api.as("clerk").post("/api/disbursements", """
                    {"projectId": "%s", "villageCode": "%s", "amountFen": %d, "voucherNo": "苍扶贫测付〔2088〕%d号"}
                    """.formatted(projectId, village, amountFen, round));
            answered = System.nanoTime();
            assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
            String amount = String.format(Locale.ROOT, "%,d.00元", amountFen / 100);
            record("payment request -> village page", answered, () -> shows(api, villagePage, amount));

            String noticeId = "NTC-BENCH-" + round;
            Api.Response published = api.as("clerk").post("/api/notices", """
                    {"noticeId": "%s", "kind": "PROJECT_PLAN", "level": "VILLAGE", "placeCode": "%s",
                     "placeName": "测速村", "title": "%s项目计划公示", "body": "公示期内如有异议，请向村委会反映。",
                     "fields": [], "columns": ["项目", "金额（元）"], "rows": [{"item": "%s", "cells": ["%s", "50000.00"]}],
                     "supervisionPhone": "0839-5222000", "hotline": "12317"}
                    """.formatted(noticeId, village, name, projectId, name));
            answered = System.nanoTime();
            assertThat(published.status()).as(published.toString()).isEqualTo(201);
            record("notice publication -> village page lists it", answered,
                    () -> shows(api, villagePage, noticeId + ".html"));

            FromAddress.Answer objected = new FromAddress(port, "127.0.0." + (100 + round)).post(
                    "/disclosure/notices/" + noticeId + "/objections",
                    "{\"item\": \"%s\", \"text\": \"村道走向与村民会议决定不符\"}".formatted(projectId));
            answered = System.nanoTime();
            assertThat(objected.status()).as(objected.toString()).isEqualTo(201);
            record("objection -> notice page", answered,
                    () -> shows(api, "/disclosure/notices/" + noticeId + ".html", "共收到异议 1 件"));
        }

        say("");
        say("(b) From the HTTP answer to the page showing the fact, ms (%d commands, one at a time; polled every 5 ms)",
                latencies.values().stream().mapToInt(List::size).sum());
        say("  %-56s %4s %7s %7s %7s %7s", "command -> page", "n", "min", "median", "p95", "max");
        List<Double> all = new ArrayList<>();
        latencies.forEach((kind, times) -> {
            if (!kind.startsWith("project proposal")) {
                all.addAll(times);
            }
            summary(kind, times);
        });
        summary("every command that changes a page", all);
    }

    /** (c) Per event type, how many pages its events named; and what the re-renderer did in all. */
    private void pagesPerEvent(PageRefresher refresher) {
        PageRefresher.Statistics statistics = refresher.statistics();
        say("");
        say("(c) Pages each event re-rendered, by event type, since start (demo load included)");
        say("  %-40s %7s %13s", "event type", "events", "pages/event");
        statistics.byEventType().forEach((type, counts) -> say("  %-40s %7d %13s", type, counts[0],
                counts[0] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) counts[1] / counts[0])));
        long events = statistics.byEventType().values().stream().mapToLong(counts -> counts[0]).sum();
        long named = statistics.byEventType().values().stream().mapToLong(counts -> counts[1]).sum();
        long rendered = statistics.byKind().values().stream().mapToLong(counts -> counts[0]).sum();
        say("  in all: %d events named %d pages; %d renderings (each page once per batch, at most %d pages at once)"
                        + " rendered and stored %d pages; waiting for read models %d ms in all",
                events, named, statistics.batches(), PageRefresher.PAGES_AT_ONCE, rendered,
                millis(statistics.waitNanos()));
        say("  %-10s %7s %12s %12s", "page", "renders", "ms/page", "CPU ms/page");
        statistics.byKind().forEach((kind, counts) -> say("  %-10s %7d %12.1f %12.1f", kind.name().toLowerCase(
                Locale.ROOT), counts[0], counts[1] / 1e6 / counts[0], counts[2] / 1e6 / counts[0]));
    }

    private void record(String kind, long answered, BooleanSupplier updated) {
        long left = answered + PAGE_WAIT.toNanos() - System.nanoTime();
        // Polled every 5 ms: the figure's resolution.
        await(kind + ": the page did not change within " + PAGE_WAIT).atMost(Duration.ofNanos(Math.max(1, left)))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(updated::getAsBoolean);
        latencies.computeIfAbsent(kind, k -> new ArrayList<>()).add((System.nanoTime() - answered) / 1e6);
    }

    private static boolean shows(Api api, String path, String fact) {
        Api.Response page = api.anonymous().get(path);
        return page.status() == 200 && page.body().contains(fact);
    }

    private void summary(String kind, List<Double> times) {
        List<Double> sorted = times.stream().sorted().toList();
        int n = sorted.size();
        say("  %-56s %4d %7.0f %7.0f %7.0f %7.0f", kind, n, sorted.get(0), median(sorted),
                sorted.get((int) Math.ceil(0.95 * n) - 1), sorted.get(n - 1));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Until no event has been added for two seconds and every processor, the re-renderer too, has caught up. */
    private static void awaitQuiet(ConfigurableApplicationContext ledger, JdbcTemplate jdbc,
                                   ReadModelProgress progress) {
        EventProcessingConfiguration processing = ledger.getBean(EventProcessingConfiguration.class);
        long[] lastHead = {-1};
        long[] quietSince = {System.nanoTime()};
        await("the ledger to come to rest").atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
                    long now = System.nanoTime();
                    if (head == null || head != lastHead[0]) {
                        lastHead[0] = head == null ? -1 : head;
                        quietSince[0] = now;
                    }
                    boolean caughtUp = processing.eventProcessors().values().stream()
                            .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                            .allMatch(p -> !p.processingStatus().isEmpty()
                                    && p.processingStatus().values().stream()
                                    .allMatch(s -> s.isCaughtUp() && !s.isErrorState()));
                    return caughtUp && progress.position(PageRefresher.GROUP) >= lastHead[0]
                            && now - quietSince[0] > 2e9;
                });
    }

    private static String database(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
    }

    private void say(String format, Object... arguments) {
        report.append(String.format(Locale.ROOT, format, arguments)).append('\n');
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
