package cn.fupin.ledger.ops.bench;

import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.ops.disclosure.PageRenderer;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import cn.fupin.ledger.ops.consistency.ReadModelGroups;
import cn.fupin.ledger.ops.consistency.ReadYourWrites;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The benchmark harness (issue 13, item 2; docs/performance.md): started with {@code --ledger.bench.run=true} on the
 * ledger's database (a generated county, or any), it measures against the running ledger, each figure beside a
 * baseline measured in the same run, prints a table and the JSON result (also written to
 * {@code ledger.bench.output} when set) and exits (status 0, or 1 when a measurement failed):
 * <ul>
 *     <li>commands over HTTP (appropriations, each client to funds of its own, so that clients do not contend for one
 *     aggregate) at each of {@code ledger.bench.clients} (1, 8, 32): throughput, p50 and p99 — beside a raw JDBC insert
 *     of one event-sized row per transaction at the same concurrency (autocommit: a durable commit each on MariaDB);</li>
 *     <li>read after write: from a command's answer until {@code GET /api/funds} shows it, and the latency of the same
 *     read with {@code ?consistentWith=} the answer's position;</li>
 *     <li>acknowledgement to page: from a command's answer until the county page is stored rendered past it — beside
 *     the read model's lag;</li>
 *     <li>rendering every stored public page now: pages per second — beside reading every stored page's bytes;</li>
 *     <li>a register file of {@code ledger.bench.import-rows} (30,000) new households imported over HTTP — beside a raw
 *     batch insert of as many event-sized rows in one transaction;</li>
 *     <li>a start-up grant batch of {@code ledger.bench.grant-batch-size} (1,000) new households of one township
 *     ({@link GrantBatchLoad}): its submit, its grant lists published, its approval after their period (the demo clock
 *     moved past it) and the approval until the read models show every grant — beside a raw batch insert of as many
 *     rows in one transaction;</li>
 *     <li>rebuilding every read model of the API from zero: events per second — beside a raw scan of the event table
 *     that deserializes every payload;</li>
 *     <li>memory: the heap limit the run had (the target is met by a run under {@code -Xmx512m}), the heap in use
 *     after a collection at its peak, the share of time spent collecting, and the peak resident set.</li>
 * </ul>
 * It writes: appropriations in fiscal years 2060–2099 (marked {@code BENCH-} in their document numbers), the imported
 * households (card numbers {@code B<run>-<n>}), a start-up grant project of fiscal year 2097 with its batch paid, the
 * demo clock moved past the batch's grant lists' period (about 11 days a run; the demo profile is needed) and a scratch
 * table {@code bench_raw_event}, in a database of its own beside the ledger's ({@link RawDatabase}), that it drops
 * again. Run it on a database made for it, never on a county's real ledger.
 */
@Component
@ConditionalOnProperty(name = "ledger.bench.run", havingValue = "true")
@Order(200)
class BenchmarkHarness implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkHarness.class);
    private static final String[] SOURCES = {"CENTRAL", "PROVINCIAL", "MUNICIPAL", "COUNTY", "INTEGRATED_AGRICULTURE",
            "WORK_RELIEF", "DONATION"};
    private final ServletWebServerApplicationContext context;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Serializer serializer;
    private final ObjectMapper mapper;
    private final BenchSettings settings;
    private final Environment environment;
    private final PageRenderer renderer;
    private final Gazetteer gazetteer;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    BenchmarkHarness(ServletWebServerApplicationContext context, DataSource dataSource, JdbcTemplate jdbc,
                     EventProcessingConfiguration processing, Serializer serializer, ObjectMapper mapper,
                     BenchSettings settings, Environment environment, PageRenderer renderer,
                     Gazetteer gazetteer) {
        this.context = context;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.processing = processing;
        this.serializer = serializer;
        this.mapper = mapper;
        this.settings = settings;
        this.environment = environment;
        this.renderer = renderer;
        this.gazetteer = gazetteer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(ApplicationArguments args) {
        int status = 1;
        try {
            Map<String, Object> result = measure();
            String json = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
            System.out.println(Figure.table((List<Figure>) result.get("figures")));
            System.out.println(json);
            if (settings.output() != null) {
                Files.writeString(settings.output(), json + "\n");
            }
            status = 0;
        } catch (Exception e) {
            log.error("the benchmark harness failed", e);
        }
        if (settings.exit()) {
            int code = status;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    /** Every measurement, in order; the result's {@code figures} are {@link Figure}s. */
    Map<String, Object> measure() throws Exception {
        if (!settings.rebuildOnly()) {
            awaitCaughtUp(Duration.ofMinutes(30));
        }
        ProcessMemory memory = ProcessMemory.watch();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", machine());
        result.put("data", data());
        List<Figure> figures = new ArrayList<>();
        if (!settings.rebuildOnly()) {
            loads(figures, result);
        }
        double[] replay = replay();
        figures.add(new Figure("rebuild every API read model", replay[0], "events/s", replay[1],
                "raw scan with deserialization, events/s", 20_000.0, true));
        figures.add(new Figure("heap limit the run had", ProcessMemory.heapLimitMiB(), "MiB", null, null, 512.0, false));
        figures.add(new Figure("heap in use after a collection, peak", memory.peakLiveHeapMiB(), "MiB", null, null,
                null, false));
        figures.add(new Figure("time in garbage collection", 100 * memory.gcShare(), "%", null, null, null, false));
        memory.close();
        figures.add(new Figure("peak resident set", ProcessMemory.peakRssMiB(), "MiB", null, null, null, false));
        result.put("figures", figures);
        return result;
    }

    /** The loads before the rebuild: commands, reads after writes, pages, the import and the grant batch. */
    private void loads(List<Figure> figures, Map<String, Object> result) throws Exception {
        for (int clients : settings.clients()) {
            Loads.Load commands = commands(clients);
            Loads.Load raw = rawInserts(clients);
            String at = " at " + clients + " client" + (clients == 1 ? "" : "s");
            Double rate = clients == 8 ? 1_000.0 : null;
            figures.add(new Figure("commands/s" + at, commands.perSecond(), "/s", raw.perSecond(),
                    "raw JDBC insert/s", rate, true));
            figures.add(new Figure("command p50" + at, commands.latencies().percentileMillis(50), "ms",
                    raw.latencies().percentileMillis(50), "raw insert p50", null, false));
            figures.add(new Figure("command p99" + at, commands.latencies().percentileMillis(99), "ms",
                    raw.latencies().percentileMillis(99), "raw insert p99", clients == 8 ? 50.0 : null, false));
            figures.add(new Figure("command errors" + at, commands.errors(), "", null, null, 0.0, false));
        }
        Latencies lag = new Latencies();
        Latencies consistent = new Latencies();
        readAfterWrite(lag, consistent);
        figures.add(new Figure("read after write, lag p50", lag.percentileMillis(50), "ms",
                consistent.percentileMillis(50), "consistentWith read p50", null, false));
        figures.add(new Figure("read after write, lag p99", lag.percentileMillis(99), "ms",
                consistent.percentileMillis(99), "consistentWith read p99", null, false));
        Latencies toPage = acknowledgementToPage();
        figures.add(new Figure("acknowledgement to county page, p50", toPage.percentileMillis(50), "ms",
                lag.percentileMillis(50), "read model lag p50", null, false));
        figures.add(new Figure("acknowledgement to county page, p99", toPage.percentileMillis(99), "ms",
                lag.percentileMillis(99), "read model lag p99", 500.0, false));
        double[] site = siteRender();
        figures.add(new Figure("render every stored public page", site[0], "pages/s", site[1],
                "read every stored page, pages/s", 1_000.0, true));
        figures.addAll(pageAnswers());
        RegisterFile register = new RegisterFile(gazetteer.county().code(), run);
        if (settings.importRows() > 0) {
            double[] imported = registerImport(register, settings.importRows());
            figures.add(new Figure("register import of " + settings.importRows() + " rows", imported[0], "s",
                    imported[1], "raw batch insert of as many rows, s", settings.importRows() == 30_000 ? 15.0 : null,
                    false));
        }
        if (settings.grantBatchSize() > 0) {
            figures.addAll(grantBatch(register, result));
        }
    }

    private Loads.Load commands(int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Loads.Load load = Loads.run(clients, settings.warmUp(), settings.duration(), (client, n) -> {
            int year = 2060 + client % 40;
            String body = "{\"fiscalYear\":" + year + ",\"source\":\"" + SOURCES[(int) (n % SOURCES.length)]
                    + "\",\"amountFen\":100,\"documentNo\":\"BENCH-" + run + "-" + clients + "-" + client + "-" + n
                    + "\",\"note\":\"benchmark\"}";
            HttpResponse<String> answer = http.send(clerk().post("/api/funds/appropriations", body),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 201;
        });
        log.info("commands at {} clients: {} in {} ({} errors)", clients, load.completed(), load.measured(),
                load.errors());
        return load;
    }

    private Loads.Load rawInserts(int clients) throws Exception {
        RawDatabase raw = raw();
        raw.createTable();
        try {
            List<Connection> connections = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Connection connection = raw.connect();
                connection.setAutoCommit(true);
                connections.add(connection);
            }
            try {
                return Loads.run(clients, settings.warmUp(), settings.duration(),
                        (client, n) -> RawDatabase.insertRow(connections.get(client), "FUND-BENCH-" + client, n));
            } finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        } finally {
            raw.dropTable();
        }
    }

    private RawDatabase raw() {
        return new RawDatabase(environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""));
    }

    /** Samples of: a command's answer until the funds read model shows it; a read with consistentWith after it. */
    private void readAfterWrite(Latencies lag, Latencies consistent) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < settings.readAfterWriteSamples(); i++) {
            int year = 2099 - i % 2;
            String body = "{\"fiscalYear\":" + year + ",\"source\":\"DONATION\",\"amountFen\":1,\"documentNo\":\"BENCH-"
                    + run + "-raw-" + i + "\",\"note\":\"benchmark\"}";
            long before = appropriatedFen(http, year, null);
            HttpResponse<String> answer = http.send(clerk().post("/api/funds/appropriations", body),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("an appropriation was refused: " + answer.statusCode());
            }
            long acknowledged = System.nanoTime();
            if (i % 2 == 0) {
                long deadline = acknowledged + TimeUnit.SECONDS.toNanos(30);
                while (appropriatedFen(http, year, null) < before + 1) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IllegalStateException("the funds read model did not show a write within 30 s");
                    }
                }
                lag.add(System.nanoTime() - acknowledged);
            } else {
                String position = answer.headers().firstValue(ReadYourWrites.HEADER).orElseThrow();
                if (appropriatedFen(http, year, position) < before + 1) {
                    throw new IllegalStateException("a read consistent with a write did not show it");
                }
                consistent.add(System.nanoTime() - acknowledged);
            }
        }
    }

    private long appropriatedFen(HttpClient http, int year, String consistentWith) throws Exception {
        HttpResponse<String> answer = http.send(clerk().get("/api/funds?fiscalYear=" + year
                + (consistentWith == null ? "" : "&consistentWith=" + consistentWith)), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /api/funds answered " + answer.statusCode());
        }
        for (JsonNode fund : mapper.readTree(answer.body())) {
            if (fund.path("source").asText().equals("DONATION")) {
                return fund.path("appropriatedFen").asLong();
            }
        }
        return 0;
    }

    /**
     * Samples of: an appropriation's answer until the county page (which shows the year's money by source) is stored
     * rendered from a state that includes it ({@code public_page.event_index} at or past the answer's position).
     */
    private Latencies acknowledgementToPage() throws Exception {
        // first the pages of everything the loads before wrote (each appropriation re-renders the county page and
        // publishes a notice): the samples measure one write's way to its page, not a queue's
        awaitAllCaughtUp(Duration.ofMinutes(30));
        HttpClient http = HttpClient.newHttpClient();
        Latencies latencies = new Latencies();
        for (int i = 0; i < settings.readAfterWriteSamples(); i++) {
            String body = "{\"fiscalYear\":2098,\"source\":\"DONATION\",\"amountFen\":1,\"documentNo\":\"BENCH-"
                    + run + "-page-" + i + "\",\"note\":\"benchmark\"}";
            HttpResponse<String> answer = http.send(clerk().post("/api/funds/appropriations", body),
                    HttpResponse.BodyHandlers.ofString());
            long acknowledged = System.nanoTime();
            long position = Long.parseLong(answer.headers().firstValue(ReadYourWrites.HEADER).orElseThrow());
            long deadline = acknowledged + TimeUnit.MINUTES.toNanos(5);
            while (true) {
                Long rendered = jdbc.query("SELECT event_index FROM public_page WHERE path = ?",
                        rs -> rs.next() ? rs.getLong(1) : null, Site.COUNTY);
                if (rendered != null && rendered >= position) {
                    break;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the county page did not show a write within 5 min");
                }
                Thread.sleep(2);
            }
            latencies.add(System.nanoTime() - acknowledged);
        }
        return latencies;
    }

    /** The public pages and the lists as clients wait for them (p99), beside the stylesheet's answer. */
    private List<Figure> pageAnswers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Place township = gazetteer.townships().get(0);
        Place village = gazetteer.villagesOf(township.code()).get(0);
        PageAnswers.Measured measured = PageAnswers.measure(http, clerk(),
                PageAnswers.pages(http, clerk(), township.code(), village.code()), PageAnswers.lists());
        double stylesheet = measured.stylesheet().percentileMillis(99);
        return List.of(
                new Figure("public page answered, p99", measured.pages().percentileMillis(99), "ms", stylesheet,
                        "stylesheet answered p99", 200.0, false),
                new Figure("list page of 100 answered, p99", measured.lists().percentileMillis(99), "ms", stylesheet,
                        "stylesheet answered p99", 200.0, false));
    }

    /** Pages per second: {rendering every stored page's path now, reading every stored page's bytes}. */
    private double[] siteRender() {
        List<String> paths = jdbc.queryForList("SELECT path FROM public_page ORDER BY path", String.class);
        long started = System.nanoTime();
        int rendered = 0;
        for (String path : paths) {
            if (renderer.render(path).isPresent()) {
                rendered++;
            }
        }
        double renderRate = rendered / ((System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        long bytes = 0;
        for (String path : paths) {
            bytes += jdbc.queryForObject("SELECT content FROM public_page WHERE path = ?", byte[].class, path).length;
        }
        double readRate = paths.size() / ((System.nanoTime() - started) / 1e9);
        log.info("rendered {} of {} stored pages; read {} bytes of stored pages", rendered, paths.size(), bytes);
        return new double[] {renderRate, readRate};
    }

    /**
     * Seconds: {a register file of {@code rows} new households imported over HTTP, a raw JDBC batch insert of as many
     * event-sized rows in one transaction}. The households are synthetic and of this run alone ({@link RegisterFile}),
     * spread over every village of the county.
     */
    private double[] registerImport(RegisterFile register, int rows) throws Exception {
        List<String> villages = new ArrayList<>();
        for (Place township : gazetteer.townships()) {
            gazetteer.villagesOf(township.code()).forEach(village -> villages.add(village.code()));
        }
        HttpRequest request = clerk().postCsv("/api/households/imports", register.rows(0, rows, villages).csv(),
                Duration.ofMinutes(10));
        long started = System.nanoTime();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        double importSeconds = (System.nanoTime() - started) / 1e9;
        if (answer.statusCode() != 200 || mapper.readTree(answer.body()).path("imported").asInt() != rows) {
            throw new IllegalStateException("the register import answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(300, answer.body().length())));
        }
        return new double[] {importSeconds, raw().batchInsertSeconds(rows, "HOUSEHOLD-BENCH-")};
    }

    /**
     * The figures of a start-up grant batch ({@link GrantBatchLoad}) of new households (the run's next after the
     * import's) in the villages of the county's first township, beside a raw batch insert of as many rows; the
     * batch's and project's ids go into the result as {@code grantBatch}.
     */
    private List<Figure> grantBatch(RegisterFile register, Map<String, Object> result) throws Exception {
        Place township = gazetteer.townships().get(0);
        List<String> villages = gazetteer.villagesOf(township.code()).stream().map(Place::code).toList();
        int port = context.getWebServer().getPort();
        GrantBatchLoad load = new GrantBatchLoad(mapper, clerk(), new StaffRequests(port, settings.approver(),
                settings.approverPassword()), run, () -> awaitAllCaughtUp(Duration.ofMinutes(30)));
        GrantBatchLoad.Timings timings = load.run(register.rows(settings.importRows(), settings.grantBatchSize(),
                villages));
        log.info("grant batch {} of {} households in {} villages of {}: {}", timings.batchId(), timings.households(),
                timings.grantLists(), township.code(), timings);
        result.put("grantBatch", Map.of("batchId", timings.batchId(), "projectId", timings.projectId(),
                "township", township.code(), "households", timings.households(), "grantLists", timings.grantLists()));
        return timings.figures(raw().batchInsertSeconds(settings.grantBatchSize(), "GRANT-BENCH-"));
    }

    /** Events per second: {rebuilding every API read model from zero, a raw scan with deserialization}. */
    private double[] replay() throws Exception {
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        long scanStarted = System.nanoTime();
        long scanned = rawScan();
        double scanRate = scanned / ((System.nanoTime() - scanStarted) / 1e9);

        List<StreamingEventProcessor> processors = apiReadModels();
        for (StreamingEventProcessor processor : processors) {
            processor.shutdownAsync().get(2, TimeUnit.MINUTES);
        }
        long started = System.nanoTime();
        for (StreamingEventProcessor processor : processors) {
            processor.resetTokens();
            processor.start();
        }
        if (settings.rebuildWindow() != null) {
            // County scale: the rate the slowest read model keeps over the window (the rest of the rebuild goes on
            // after the run, in the next start of the ledger on this database).
            Thread.sleep(settings.rebuildWindow().toMillis());
            Map<String, Long> positions = new TreeMap<>();
            for (StreamingEventProcessor processor : processors) {
                positions.put(processor.getName(), slowestPosition(processor));
            }
            double elapsedSeconds = (System.nanoTime() - started) / 1e9;
            log.info("rebuilding {} read models over {} events: after {} s each stood at the global index {}; raw scan"
                    + " of {} events", processors.size(), events, Math.round(elapsedSeconds), positions, scanned);
            return new double[] {windowRate(positions.values(), elapsedSeconds), scanRate};
        }
        // Each read model's own time too: the slowest is what the rebuild waits for.
        Map<String, Long> rebuiltMillis = awaitAtHead(processors, Duration.ofHours(2));
        double rebuildRate = events / ((System.nanoTime() - started) / 1e9);
        log.info("rebuilt {} read models over {} events; raw scan of {} events; each read model's rebuild, ms: {}",
                processors.size(), events, scanned, rebuiltMillis);
        return new double[] {rebuildRate, scanRate};
    }

    /** How far the processor's slowest segment has come: the global index its token stands at (-1 at none). */
    private static long slowestPosition(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    /**
     * Events per second of a rebuild measured over a window: the slowest read model's position (the global index it
     * reached from the first event, numbered from 1) over the seconds it had. Global indexes leave no holes but those
     * of transactions rolled back, so the index is the count of events within a fraction of a percent.
     */
    static double windowRate(Collection<Long> positions, double elapsedSeconds) {
        if (positions.isEmpty() || elapsedSeconds <= 0) {
            throw new IllegalArgumentException("a rate needs positions and time");
        }
        long slowest = positions.stream().mapToLong(Long::longValue).min().orElseThrow();
        return Math.max(0, slowest) / elapsedSeconds;
    }

    /** Reads every stored event in pages of 1,000 by global index and deserializes its payload; answers the count. */
    private long rawScan() {
        long after = -1;
        long count = 0;
        while (true) {
            List<Map<String, Object>> page = jdbc.queryForList("SELECT global_index, payload, payload_type,"
                    + " payload_revision FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1000",
                    after);
            if (page.isEmpty()) {
                return count;
            }
            for (Map<String, Object> row : page) {
                byte[] payload = (byte[]) row.get("payload");
                try {
                    serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                            (String) row.get("payload_type"), (String) row.get("payload_revision")));
                } catch (RuntimeException oldRevision) {
                    // an old revision that only the upcasters read: parse it as JSON, the same work as far as bytes go
                    try {
                        mapper.readTree(payload);
                    } catch (IOException e) {
                        throw new IllegalStateException("an unreadable payload at " + row.get("global_index"));
                    }
                }
                count++;
                after = ((Number) row.get("global_index")).longValue();
            }
        }
    }

    /** Waits until every read model of the API has caught up with the store's head (replays done). */
    private void awaitCaughtUp(Duration bound) throws InterruptedException, TimeoutException {
        awaitAtHead(apiReadModels(), bound);
    }

    /** The processors of the API's read models. */
    private List<StreamingEventProcessor> apiReadModels() {
        List<StreamingEventProcessor> readModels = new ArrayList<>();
        for (String group : ReadModelGroups.API) {
            readModels.add(processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow());
        }
        return readModels;
    }

    /** Waits until every streaming processor (the publisher, the pages and the sagas too) is at the store's head. */
    private void awaitAllCaughtUp(Duration bound) throws InterruptedException, TimeoutException {
        List<StreamingEventProcessor> all = new ArrayList<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                all.add(streaming);
            }
        }
        awaitAtHead(all, bound);
    }

    /**
     * Waits until every one of the processors is at the store's head at once; answers, by name, how many milliseconds
     * after the call each first got there.
     */
    private Map<String, Long> awaitAtHead(List<StreamingEventProcessor> processors, Duration bound)
            throws InterruptedException, TimeoutException {
        long started = System.nanoTime();
        Map<String, Long> reachedMillis = new TreeMap<>();
        while (true) {
            Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
            boolean allAtHead = true;
            for (StreamingEventProcessor processor : processors) {
                if (atHead(processor, head)) {
                    reachedMillis.putIfAbsent(processor.getName(), (System.nanoTime() - started) / 1_000_000);
                } else {
                    allAtHead = false;
                }
            }
            if (allAtHead) {
                return reachedMillis;
            }
            if (System.nanoTime() - started - bound.toNanos() > 0) {
                throw new TimeoutException("the processors did not catch up within " + bound + "; at the head: "
                        + reachedMillis.keySet());
            }
            Thread.sleep(50);
        }
    }

    /** Whether the processor runs, caught up and done replaying, at or past {@code head} in every segment. */
    private static boolean atHead(StreamingEventProcessor processor, Long head) {
        if (!processor.isRunning() || processor.isError() || processor.processingStatus().isEmpty()) {
            return false;
        }
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            // (Axon ends a replay with the first event after its reset position: until one comes, a segment
            // that has replayed everything still says "replaying", at the reset position.)
            boolean replayDone = !status.isReplaying()
                    || status.getCurrentPosition().equals(status.getResetPosition());
            if (!status.isCaughtUp() || !replayDone
                    || (head != null && status.getCurrentPosition().orElse(-1) < head)) {
                return false;
            }
        }
        return true;
    }

    private StaffRequests clerk() {
        return new StaffRequests(context.getWebServer().getPort(), settings.user(), settings.password());
    }

    private Map<String, Object> machine() throws SQLException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("java", System.getProperty("java.version"));
        try (Connection connection = dataSource.getConnection()) {
            machine.put("database", connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion());
        }
        return machine;
    }

    private Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("events", jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class));
        data.put("households", jdbc.queryForObject("SELECT COUNT(*) FROM household_view", Long.class));
        data.put("projects", jdbc.queryForObject("SELECT COUNT(*) FROM project_view", Long.class));
        data.put("clients", settings.clients());
        data.put("secondsPerLoad", settings.duration().toMillis() / 1000.0);
        return data;
    }
}
