package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.ops.disclosure.DisclosureSiteWriter;
import cn.fupin.ledger.ops.disclosure.ReadModelProgress;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every notice of the demo county, as the public reads it, is what its publication recorded: for each notice in the
 * event store, the SHA-256 of {@code /disclosure/notices/<id>.json} as served live, and of the same file in the
 * static site written from the ledger, is the SHA-256 its {@code NoticePublishedEvent} recorded, and the notice's page
 * shows that recorded hash. {@link DemoCountyTest} asks it of the demo it loads as a newcomer starts it (demo profile,
 * its own database), once every processor has handled every event: one load of the demo (about 90 seconds) serves
 * both.
 */
final class DemoNoticeBytes {

    private DemoNoticeBytes() {
    }

    /** Waits until the event store stops growing and every processor has handled everything in it. */
    static void awaitSettled(ConfigurableApplicationContext ledger) {
        EventStore eventStore = ledger.getBean(EventStore.class);
        ReadModelProgress progress = ledger.getBean(ReadModelProgress.class);
        EventProcessingConfiguration processing = ledger.getBean(EventProcessingConfiguration.class);
        AtomicLong lastHead = new AtomicLong(-1);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            TrackingToken headToken = eventStore.createHeadToken();
            long head = headToken == null ? 0 : headToken.position().orElse(0);
            boolean handled = processing.eventProcessors().keySet().stream()
                    .allMatch(group -> progress.position(group) >= head);
            return lastHead.getAndSet(head) == head && handled;
        });
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] get(HttpClient http, int port, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    static void everyNoticeOfTheDemoIsServedLiveAndInTheStaticSiteAsTheBytesWhoseHashItsPublicationRecorded(
            ConfigurableApplicationContext ledger, Path folder) throws Exception {
        awaitSettled(ledger);
        int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
        EventStore eventStore = ledger.getBean(EventStore.class);
        Map<String, String> recorded = new TreeMap<>();
        for (String noticeId : ledger.getBean(JdbcTemplate.class).queryForList("SELECT aggregate_identifier "
                + "FROM domain_event_entry WHERE payload_type = ?", String.class, NoticePublishedEvent.class
                .getName())) {
            NoticePublishedEvent published = (NoticePublishedEvent) eventStore.readEvents(noticeId).next()
                    .getPayload();
            recorded.put(noticeId, published.contentSha256());
        }
        assertThat(recorded).as("the demo's notices").hasSizeGreaterThan(100);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> notice : recorded.entrySet()) {
            String path = "/disclosure/notices/" + notice.getKey();
            if (!sha256(get(http, port, path + ".json")).equals(notice.getValue())) {
                wrong.add(path + ".json does not hash to " + notice.getValue());
            }
            String page = new String(get(http, port, path + ".html"), StandardCharsets.UTF_8);
            if (!page.contains("<code class=\"hash\">" + notice.getValue() + "</code>")) {
                wrong.add(path + ".html does not show " + notice.getValue());
            }
        }

        ledger.getBean(DisclosureSiteWriter.class).write(folder);
        Map<String, String> written = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder.resolve("notices"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString();
                written.put(name.substring(0, name.length() - ".json".length()), sha256(Files.readAllBytes(file)));
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(written).as("the static site's notices, by their SHA-256").isEqualTo(recorded);
        System.out.printf("demo notices: %d, each served live and written with its recorded SHA-256%n",
                recorded.size());
    }
}
