package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.PublicPagesCaughtUp;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notice keeps the bytes it was published with when the code changes. The test renames a kind of notice and a level
 * in the code itself (the names {@link NoticeKind} and {@link NoticeLevel} give, as a new release would), then rebuilds
 * the notices read model from the events and renders every public page again: a notice published before keeps its
 * JSON byte for byte (its SHA-256 is still the one its publication recorded), its CSV and its page, live and in the
 * static site, while a notice published after the renaming carries the new names. In a context and database of its
 * own (fiscal years 2078 and 2079), since it resets two processors; the names are put back afterwards.
 */
@LedgerTest
@TestPropertySource(properties = "ledger.test.context=renamed-labels")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RenamedLabelsTest extends LedgerApiTest {

    static final String RENAMED_KIND = "资金安排公告（改名后）";
    static final String RENAMED_LEVEL = "县本级";

    @Autowired
    EventStore eventStore;

    @Autowired
    ReadModelProgress progress;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DisclosureSiteWriter writer;

    @TempDir
    Path folder;

    /** A notice's three public files, as served. */
    record Served(byte[] json, byte[] csv, byte[] html) {

        String text(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    Served served(String noticeId) throws IOException, InterruptedException {
        return new Served(bytes("/disclosure/notices/" + noticeId + ".json"),
                bytes("/disclosure/notices/" + noticeId + ".csv"), bytes("/disclosure/notices/" + noticeId + ".html"));
    }

    /** The bytes served at the path, as they came over the wire. */
    byte[] bytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** Appropriates and returns the id of the allocation notice the ledger publishes for it. */
    String appropriatedAndAnnounced(int year, String documentNo) {
        Api.Response recorded = api.as("clerk").post("/api/funds/appropriations", """
                {"fiscalYear": %d, "source": "CENTRAL", "amountFen": 50000000, "documentNo": "%s"}
                """.formatted(year, documentNo));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String appropriationId = recorded.json().path("appropriationId").asText();
        return await().atMost(Duration.ofSeconds(30)).until(() -> allocationNotice(appropriationId),
                Optional::isPresent).orElseThrow();
    }

    Optional<String> allocationNotice(String appropriationId) {
        for (JsonNode notice : api.as("auditor").get("/api/notices?level=COUNTY").json()) {
            if (notice.path("content").path("rows").findValuesAsText("item").contains(appropriationId)) {
                return Optional.of(notice.path("content").path("noticeId").asText());
            }
        }
        return Optional.empty();
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    String recordedSha256(String noticeId) {
        return ((NoticePublishedEvent) eventStore.readEvents(noticeId).next().getPayload()).contentSha256();
    }

    /** Changes the Chinese name a kind or a level has in the code (a private final field of the enum constant). */
    static void rename(Enum<?> constant, String chineseName) throws ReflectiveOperationException {
        Field name = constant.getDeclaringClass().getDeclaredField("chineseName");
        name.setAccessible(true);
        name.set(constant, chineseName);
    }

    /** Replays the group from the first event, from an empty read model, and waits until it is done. */
    void rebuild(String group) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(processor.processingStatus().values()).isNotEmpty().allSatisfy(status -> {
                    assertThat(status.isCaughtUp()).isTrue();
                    // (Axon ends a replay with the first event after it; until then a segment says "replaying".)
                    if (status.isReplaying()) {
                        assertThat(status.getCurrentPosition()).isEqualTo(status.getResetPosition());
                    }
                }));
    }

    @Test
    void renamingAKindOrALevelInTheCodeChangesNoByteOfANoticePublishedBefore() throws Exception {
        String before = appropriatedAndAnnounced(2078, "改名测〔2078〕1号");
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
        Served published = served(before);
        assertThat(sha256(published.json())).isEqualTo(recordedSha256(before));
        assertThat(published.text(published.json())).contains("\"kindName\":\"资金分配公告\"");
        assertThat(published.text(published.html())).contains("资金分配公告 · 县级 · ");

        String kindName = NoticeKind.FUND_ALLOCATION.chineseName();
        String levelName = NoticeLevel.COUNTY.chineseName();
        rename(NoticeKind.FUND_ALLOCATION, RENAMED_KIND);
        rename(NoticeLevel.COUNTY, RENAMED_LEVEL);
        try {
            // Every notice of the read model read again from the events, every public page rendered again.
            rebuild("notices");
            rebuild(PublicPagesCaughtUp.GROUP);
            PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);

            Served again = served(before);
            assertThat(again.text(again.json())).isEqualTo(published.text(published.json()));
            assertThat(again.json()).isEqualTo(published.json());
            assertThat(sha256(again.json())).isEqualTo(recordedSha256(before));
            assertThat(again.csv()).isEqualTo(published.csv());
            assertThat(again.text(again.html())).isEqualTo(published.text(published.html()));
            writer.write(folder);
            assertThat(Files.readAllBytes(folder.resolve("notices/" + before + ".json"))).isEqualTo(published.json());
            assertThat(Files.readAllBytes(folder.resolve("notices/" + before + ".csv"))).isEqualTo(published.csv());

            // The renaming took effect: a notice published now carries the new names, in all three files.
            String after = appropriatedAndAnnounced(2079, "改名测〔2079〕1号");
            PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
            Served renamed = served(after);
            assertThat(renamed.text(renamed.json())).contains("\"kindName\":\"" + RENAMED_KIND + "\"");
            assertThat(sha256(renamed.json())).isEqualTo(recordedSha256(after));
            assertThat(renamed.text(renamed.csv())).contains("类别," + RENAMED_KIND, "公告级别," + RENAMED_LEVEL);
            assertThat(renamed.text(renamed.html())).contains(RENAMED_KIND + " · " + RENAMED_LEVEL + "级 · ");
        } finally {
            rename(NoticeKind.FUND_ALLOCATION, kindName);
            rename(NoticeLevel.COUNTY, levelName);
        }
    }
}
