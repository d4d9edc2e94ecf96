package cn.fupin.ledger.ops.axon;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import cn.fupin.ledger.ops.disclosure.ReadModelProgress;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stored event this code cannot read never lets a projection go past it: an event of a type the code does not know
 * (a class renamed, moved or removed without an upcaster) stops the handlers of every event ({@code on(Object)}: the
 * journal, the page re-renderer), and an event of a revision no upcaster reads stops every projection that handles its
 * type, and the aggregate it belongs to. Each stops at the event, logs the error naming it and retries the batch; the
 * facts behind it in its segment wait (with one segment per group, the default, every later fact of that read
 * model). The rows are written into the event table as a deployment of other code would have left them. In a context and database of its own, since the stopped processors stay stopped: the first test
 * blocks the journal and the pages, the second then looks at the funds read model, which the first left running.
 */
@LedgerTest
@TestPropertySource(properties = "ledger.test.context=unreadable-events")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnreadableStoredEventsTest extends LedgerApiTest {

    static final String FUTURE_FUND = FundId.of("510824", 2084, FundSource.COUNTY).value();
    static final String UNKNOWN_TYPE_EVENT = "unreadable-unknown-type-0001";
    static final String UNKNOWN_REVISION_EVENT = "unreadable-unknown-revision-0001";

    @Autowired
    ReadModelProgress progress;

    /** Writes one event row as another deployment would have; returns its global index. */
    long storeRow(String eventId, String aggregateId, long sequence, String aggregateType, String payloadType,
                  String revision, String payloadJson) {
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, "
                        + "payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", eventId, "{}".getBytes(StandardCharsets.UTF_8),
                payloadJson.getBytes(StandardCharsets.UTF_8), revision, payloadType, "2026-03-01T08:00:00Z",
                aggregateId, sequence, aggregateType);
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class,
                eventId);
    }

    long journalLinesOf(String fundId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_posting WHERE account = ?", Long.class,
                "FUND:" + fundId);
    }

    long appropriatedFen(String fundId) {
        List<Long> fen = jdbc.queryForList("SELECT appropriated_fen FROM fund_view WHERE fund_id = ?", Long.class,
                fundId);
        return fen.isEmpty() ? 0 : fen.get(0);
    }

    /** What the processors log when a batch fails (Axon's work packages log it, then retry the batch). */
    static final ListAppender<ILoggingEvent> FAILED_BATCHES = new ListAppender<>();
    static final String WORK_PACKAGE = "org.axonframework.eventhandling.pooled.WorkPackage";

    /** Listens once the ledger has started (Spring Boot sets logging up anew when it starts). */
    @BeforeEach
    void listenToFailedBatches() {
        Logger workPackages = (Logger) LoggerFactory.getLogger(WORK_PACKAGE);
        if (!workPackages.isAttached(FAILED_BATCHES)) {
            FAILED_BATCHES.start();
            workPackages.addAppender(FAILED_BATCHES);
        }
    }

    @AfterAll
    static void stopListening() {
        ((Logger) LoggerFactory.getLogger(WORK_PACKAGE)).detachAppender(FAILED_BATCHES);
    }

    /** The messages of the errors (with their causes) of every failed batch of the group logged so far. */
    List<String> errors(String group) {
        List<String> messages = new ArrayList<>();
        List<ILoggingEvent> logged;
        synchronized (FAILED_BATCHES) {
            logged = List.copyOf(FAILED_BATCHES.list);
        }
        for (ILoggingEvent failed : logged) {
            if (failed.getFormattedMessage().contains("-[" + group + "]")) {
                for (IThrowableProxy error = failed.getThrowableProxy(); error != null; error = error.getCause()) {
                    messages.add(error.getClassName() + ": " + error.getMessage());
                }
            }
        }
        return messages;
    }

    @Test
    @Order(1)
    void anEventOfAnUnknownTypeStopsTheJournalAndThePageReRendererAtIt() {
        Ledger ledger = new Ledger(api);
        String before = ledger.appropriate(2081, "COUNTY", 100_000, "未知类型测〔2081〕1号");
        await().atMost(Duration.ofSeconds(30)).until(() -> journalLinesOf(before) == 1);

        long unknown = storeRow(UNKNOWN_TYPE_EVENT, "MISPLACED-2081", 0, "Fund",
                "cn.fupin.ledger.shared.fund.FundsMisplacedEvent", "1",
                "{\"amountFen\":100,\"fundId\":\"MISPLACED-2081\"}");
        String after = ledger.appropriate(2082, "COUNTY", 200_000, "未知类型测〔2082〕1号");

        // Each stops at the event and says which one; the appropriation recorded after it is not posted.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(errors("journal")).anySatisfy(error -> assertThat(error).contains(UNKNOWN_TYPE_EVENT));
            assertThat(errors("disclosure-pages")).anySatisfy(error -> assertThat(error).contains(UNKNOWN_TYPE_EVENT));
        });
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(journalLinesOf(after)).isZero();
        assertThat(progress.position("journal")).isLessThan(unknown);
        assertThat(progress.position("disclosure-pages")).isLessThan(unknown);
        assertThat(errors("journal")).anySatisfy(error -> assertThat(error).contains(UNKNOWN_TYPE_EVENT));
        // A read model that handles no such type goes on: the funds read model has the later appropriation.
        await().atMost(Duration.ofSeconds(30)).until(() -> appropriatedFen(after) == 200_000_00L);
    }

    @Test
    @Order(2)
    void anEventOfARevisionNoUpcasterReadsStopsEveryProjectionOfItsTypeAtIt() {
        Ledger ledger = new Ledger(api);
        String before = ledger.appropriate(2083, "COUNTY", 100_000, "未知修订测〔2083〕1号");
        await().atMost(Duration.ofSeconds(30)).until(() -> appropriatedFen(before) == 100_000_00L);

        // Revision 9 of a known event, in a shape today's class would read without complaint, then a readable one.
        long unknown = storeRow(UNKNOWN_REVISION_EVENT, FUTURE_FUND, 0, "Fund",
                "cn.fupin.ledger.shared.fund.FundsAppropriatedEvent", "9", """
                        {"amountFen":5000000,"appropriationId":"APPR-2084-FUTURE","documentNo":"未知修订测〔2084〕1号",\
                        "fiscalYear":2084,"fundId":"%s","note":null,"source":"COUNTY"}""".formatted(FUTURE_FUND));
        storeRow("unreadable-after-unknown-revision-0002", FUTURE_FUND, 1, "Fund",
                "cn.fupin.ledger.shared.fund.FundsAppropriatedEvent", "1", """
                        {"amountFen":7000000,"appropriatedTotalFen":12000000,"appropriationId":"APPR-2084-SECOND",\
                        "documentNo":"未知修订测〔2084〕2号","fiscalYear":2084,"fundId":"%s","note":null,\
                        "source":"COUNTY"}""".formatted(FUTURE_FUND));
        String otherFund = ledger.appropriate(2085, "COUNTY", 300_000, "未知修订测〔2085〕1号");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(errors("funds"))
                .anySatisfy(error -> assertThat(error).contains(UNKNOWN_REVISION_EVENT).contains("revision 9")));
        // Everything after it waits: the fund's events, the first and the one after it, and, on the one segment the
        // read model runs on (ledger.processing.segments), another fund's appropriation recorded later.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> appropriatedFen(FUTURE_FUND) == 0 && appropriatedFen(otherFund) == 0);
        assertThat(appropriatedFen(FUTURE_FUND)).isZero();
        assertThat(appropriatedFen(otherFund)).isZero();
        assertThat(progress.position("funds")).isLessThan(unknown);
        assertThat(errors("funds")).anySatisfy(error -> assertThat(error).contains(UNKNOWN_REVISION_EVENT));
        // The command side reads no such revision either: the fund cannot be loaded, so nothing is decided on it.
        Api.Response refused = api.as("clerk").post("/api/funds/appropriations", """
                {"fiscalYear": 2084, "source": "COUNTY", "amountFen": 100, "documentNo": "未知修订测〔2084〕3号"}
                """);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(500);
        assertThat(refused.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, FUTURE_FUND)).isEqualTo(2L);
    }
}
