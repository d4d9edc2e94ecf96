package cn.fupin.ledger.ops.testing;

import cn.fupin.ledger.ops.disclosure.ReadModelProgress;
import java.time.Duration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * The public pages are stored as rendered and re-rendered after the read models they show: a test that has waited for
 * a read model waits for the pages too before it reads them. Waits until the re-renderer (processing group
 * {@code disclosure-pages}) has handled every event recorded so far, and no page it noted for rendering later (table
 * {@code public_page_pending}) still lacks one of them.
 */
public final class PublicPagesCaughtUp {

    public static final String GROUP = "disclosure-pages";

    private PublicPagesCaughtUp() {
    }

    public static void awaitPages(ReadModelProgress progress, EventStore eventStore, JdbcTemplate jdbc) {
        TrackingToken headToken = eventStore.createHeadToken();
        if (headToken == null) {
            return;
        }
        long head = headToken.position().orElse(0);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> progress.position(GROUP) >= head && jdbc.queryForObject(
                        "SELECT COUNT(*) FROM public_page_pending WHERE first_event <= ?", Long.class, head) == 0);
    }
}
