package cn.fupin.ledger.ops.benchmark;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.TestDatabase;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.stored.StoredForm;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Measures the auditors' event history at a million events on MariaDB, and prints the figures. Not a test: a
 * {@code main}, run by hand (docs/measurements.md says how), that
 * <ol>
 * <li>starts the ledger on a new database, stops it, and appends {@value #EVENTS} synthetic events straight into the
 * event store (grant requests, approvals, household claims and fund payments, as the command side would store them:
 * 25,000 households in 250 villages, 1,000 projects, 10 funds), moving every other processor's token past them so
 * that only the event history's index has work to do;</li>
 * <li>starts the ledger again and times the index ({@code audit-subjects}) catching up with the million;</li>
 * <li>times JSON pages of subject, actor, type, time and unfiltered queries, first pages and deep ones;</li>
 * <li>times a CSV of the whole history streamed to a client that counts the bytes, with the heap's peak during it.</li>
 * </ol>
 * Run with a small heap (e.g. {@code -Xmx384m}) to see the stream needs none of it in proportion to the rows. The
 * database is dropped at the end. {@code -Dledger.test.database=h2} runs it on H2 in memory instead.
 */
public final class EventHistoryBenchmark {

    static final int EVENTS = Integer.getInteger("events", 1_000_000);
    static final int HOUSEHOLDS = 25_000;
    static final int VILLAGES = 250;
    static final int PROJECTS = 1_000;
    static final int FUNDS = 10;
    static final Instant START = Instant.parse("2091-01-01T00:00:00Z");

    private EventHistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("ledger.test.database") == null) {
            System.setProperty("ledger.test.database", "mysql");
        }
        TestDatabase database = TestDatabase.createDurable();
        List<String> report = new ArrayList<>();
        report.add("database: " + (TestDatabase.onMysql() ? "MariaDB" : "H2") + ", events: " + EVENTS
                + ", max heap: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, cores: "
                + Runtime.getRuntime().availableProcessors());
        try {
            start(database).close();
            long head = append(database, report);
            ConfigurableApplicationContext ledger = start(database);
            try {
                JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
                long began = System.nanoTime();
                // Bounded: at the 819 events/s measured on a loaded machine a million events take some 20 minutes.
                await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(1)).until(() -> indexed(jdbc) >= head);
                double seconds = (System.nanoTime() - began) / 1e9;
                report.add(String.format(Locale.ROOT, "index built (audit-subjects catching up with %,d events):"
                        + " %.1f s, %,.0f events/s; audit_subject rows: %,d", EVENTS, seconds, EVENTS / seconds,
                        jdbc.queryForObject("SELECT COUNT(*) FROM audit_subject", Long.class)));
                int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
                queries(new Api(port), report);
                csv(port, "", report);
                csv(port, "?subject=510824100201", report);
            } finally {
                ledger.close();
            }
        } finally {
            database.drop();
        }
        System.out.println();
        System.out.println("=== EventHistoryBenchmark ===");
        report.forEach(System.out::println);
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(TestDatabase database) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("server.port", "0");
        properties.put("ledger.test.own-database", "true");
        properties.put("ledger.demo.load-data", "false");
        properties.put("ledger.personal-data.key", LedgerTest.PERSONAL_DATA_KEY);
        properties.put("logging.level.org.axonframework", "warn");
        properties.put("logging.level.root", "warn");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerApplication.class).profiles("demo").run(arguments);
    }

    private static long indexed(JdbcTemplate jdbc) {
        Long max = jdbc.queryForObject("SELECT MAX(global_index) FROM audit_event", Long.class);
        return max == null ? -1 : max;
    }

    /** Appends the synthetic events in batches; returns the last global index. */
    private static long append(TestDatabase database, List<String> report) throws Exception {
        Serializer serializer = StoredForm.serializer();
        String url = database.url() + (TestDatabase.onMysql() ? "&rewriteBatchedStatements=true" : "");
        String user = TestDatabase.onMysql() ? TestDatabase.MYSQL_USER : "sa";
        String password = TestDatabase.onMysql() ? TestDatabase.MYSQL_PASSWORD : "";
        Map<String, Long> sequences = new HashMap<>();
        long began = System.nanoTime();
        long head;
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry"
                    + " (event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp,"
                    + " aggregate_identifier, sequence_number, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int n = 0; n < EVENTS; n++) {
                    int grant = n / 4;
                    int household = grant % HOUSEHOLDS;
                    String card = String.format(Locale.ROOT, "B-%05d", household);
                    String village = String.format(Locale.ROOT, "510824100%03d", 200 + household % VILLAGES);
                    String township = "510824100";
                    String project = String.format(Locale.ROOT, "PRJ-2091-%04d", grant % PROJECTS);
                    String fund = "FUND-510824-2091-B" + (grant % FUNDS);
                    String disbursement = String.format(Locale.ROOT, "DSB-2091-%06d", grant);
                    List<BudgetLine> lines = List.of(new BudgetLine(fund, 300_000L));
                    Object payload;
                    String type;
                    String stream;
                    String actor;
                    switch (n % 4) {
                        case 0 -> {
                            payload = new DisbursementRequestedEvent(disbursement, project, PayeeKind.HOUSEHOLD,
                                    village, township, card, 300_000L, lines, "苍扶付〔2091〕" + grant + "号", null,
                                    "clerk");
                            type = "Disbursement";
                            stream = disbursement;
                            actor = "clerk";
                        }
                        case 1 -> {
                            payload = new DisbursementApprovedEvent(disbursement, project, PayeeKind.HOUSEHOLD,
                                    village, card, 300_000L, lines, null, "approver");
                            type = "Disbursement";
                            stream = disbursement;
                            actor = "approver";
                        }
                        case 2 -> {
                            payload = new HouseholdStartupGrantClaimedEvent(card, disbursement, project, 300_000L);
                            type = "Household";
                            stream = "HH-" + card;
                            actor = "approver";
                        }
                        default -> {
                            payload = new FundsDisbursedEvent(fund, project, disbursement, 300_000L, 0L, 0L, 0L);
                            type = "Fund";
                            stream = fund;
                            actor = "approver";
                        }
                    }
                    long sequence = sequences.merge(stream, 1L, Long::sum) - 1;
                    SerializedObject<byte[]> body = serializer.serialize(payload, byte[].class);
                    SerializedObject<byte[]> meta = serializer.serialize(MetaData.from(Map.of("actor", actor,
                            "role", actor.toUpperCase(Locale.ROOT), "requestId", "bench-" + grant,
                            "remoteAddress", "127.0.0.1")), byte[].class);
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setBytes(2, meta.getData());
                    insert.setBytes(3, body.getData());
                    insert.setString(4, body.getType().getRevision());
                    insert.setString(5, body.getType().getName());
                    insert.setString(6, START.plusSeconds(n * 30L).toString());
                    insert.setString(7, stream);
                    insert.setLong(8, sequence);
                    insert.setString(9, type);
                    insert.addBatch();
                    if ((n + 1) % 5_000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
                result.next();
                head = result.getLong(1);
            }
            // Every processor but the history's index starts past the synthetic events: they are here to be found.
            SerializedObject<byte[]> token = serializer.serialize(GapAwareTrackingToken.newInstance(head,
                    java.util.Set.of()), byte[].class);
            try (PreparedStatement tokens = connection.prepareStatement("UPDATE token_entry SET token = ?,"
                    + " token_type = ?, owner = NULL WHERE processor_name <> 'audit-subjects'")) {
                tokens.setBytes(1, token.getData());
                tokens.setString(2, token.getType().getName());
                tokens.executeUpdate();
            }
            connection.commit();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        report.add(String.format(Locale.ROOT, "appended %,d events straight into the store: %.1f s (%,.0f events/s)",
                EVENTS, seconds, EVENTS / seconds));
        return head;
    }

    private static void queries(Api api, List<String> report) {
        Api auditor = api.as("auditor");
        String middle = START.plusSeconds(EVENTS / 2 * 30L).toString();
        String middleEnd = START.plusSeconds(EVENTS / 2 * 30L + 3_000).toString();
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        queries.put("household (30 of 1M)", "?subject=B-00123");
        queries.put("village (2,000), first page", "?subject=510824100201");
        queries.put("village (2,000), oldest first, after the middle", "?subject=510824100201&order=oldest"
                + "&after=" + EVENTS / 2);
        queries.put("fund (75,000), first page", "?subject=FUND-510824-2091-B3");
        queries.put("fund + type (25,000), first page", "?subject=FUND-510824-2091-B3&type=FundsDisbursedEvent");
        queries.put("project (1,000) + actor (250)", "?subject=PRJ-2091-0042&actor=clerk");
        queries.put("actor=clerk (250,000), first page", "?actor=clerk");
        queries.put("type (250,000), deep page (after the middle)", "?type=HouseholdStartupGrantClaimedEvent&after="
                + EVENTS / 2);
        queries.put("requestId (4 of 1M)", "?requestId=bench-4242");
        queries.put("time range (100 events in the middle)", "?from=" + middle + "&to=" + middleEnd);
        queries.put("no filter, first page of 1,000", "?size=1000");
        queries.put("no filter, oldest first, page after 999,000", "?order=oldest&after=" + (EVENTS - 1_000));
        for (Map.Entry<String, String> query : queries.entrySet()) {
            double[] times = new double[7];
            int shown = 0;
            for (int run = 0; run < times.length; run++) {
                long began = System.nanoTime();
                Api.Response answer = auditor.get("/api/audit/events" + query.getValue());
                times[run] = (System.nanoTime() - began) / 1e6;
                if (answer.status() != 200) {
                    throw new IllegalStateException(query.getKey() + ": " + answer);
                }
                shown = answer.json().path("events").size();
            }
            Arrays.sort(times);
            report.add(String.format(Locale.ROOT, "JSON %-52s %4d events, median %7.1f ms (min %.1f, max %.1f)",
                    query.getKey(), shown, times[times.length / 2], times[0], times[times.length - 1]));
        }
    }

    private static void csv(int port, String query, List<String> report) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        long usedBefore = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/audit/events"
                        + query)).header("Accept", "text/csv").header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(30)).GET().build();
        long began = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int read; (read = body.read(buffer)) >= 0; ) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        report.add(String.format(Locale.ROOT, "CSV %-20s status %d, %,d rows, %,.1f MiB in %.1f s (%,.0f rows/s);"
                        + " heap used before %,d MiB, peak during %,d MiB (of max %,d MiB)",
                query.isEmpty() ? "(everything)" : query, response.statusCode(), lines - 1, bytes / 1048576.0, seconds,
                (lines - 1) / seconds, usedBefore / 1048576, peak / 1048576,
                Runtime.getRuntime().maxMemory() / 1048576));
    }
}
