package cn.fupin.ledger.ops.disclosure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The store of rendered public pages (table {@code public_page}, Flyway V9), shared by every node on the database.
 * Each write is one short statement of its own (no transaction spans a rendering), and every write is safe when
 * several nodes render the same page at once:
 * <ul>
 * <li>the re-renderer's write ({@link #keep}) replaces a page only when the stored one reflects no later point of the
 * event stream ({@code event_index <= new}), or came from another renderer; so the last writer with the higher event
 * index wins and a page never goes back to an older state, whichever node writes last;</li>
 * <li>the first rendering of a page a request found missing ({@link #keepFirstRendering}) is stored only where there is
 * nothing stored yet, or only a page of another renderer: it never replaces what the re-renderer wrote.</li>
 * </ul>
 * Writing the same page twice stores the same row (idempotent). A page is served only when it was rendered by the code
 * and settings running now ({@link RendererFingerprint}); an older one is rendered again first.
 */
@Component
public class PageStore {

    private static final String COLUMNS = "content, content_sha256, content_type, linked_notices, event_index,"
            + " rendered_at, renderer";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RendererFingerprint renderer;
    private final ReadModelProgress progress;

    public PageStore(JdbcTemplate jdbc, Clock clock, RendererFingerprint renderer, ReadModelProgress progress) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.renderer = renderer;
        this.progress = progress;
    }

    /** A stored page as it is in the table. */
    public record StoredPage(String path, byte[] content, String sha256, String contentType, List<String> linkedNotices,
                             long eventIndex, Instant renderedAt, String renderer) {

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredPage page && path.equals(page.path) && Arrays.equals(content, page.content)
                    && sha256.equals(page.sha256) && contentType.equals(page.contentType)
                    && linkedNotices.equals(page.linkedNotices) && eventIndex == page.eventIndex
                    && renderedAt.equals(page.renderedAt) && renderer.equals(page.renderer);
        }

        @Override
        public int hashCode() {
            return path.hashCode() * 31 + sha256.hashCode();
        }

        @Override
        public String toString() {
            return "StoredPage[" + path + ", sha256=" + sha256 + ", eventIndex=" + eventIndex + ", renderedAt="
                    + renderedAt + "]";
        }
    }

    /** The page as the renderer running now made it, or empty when it is not stored (or was made by another one). */
    public Optional<PublicPages.Rendered> find(String path) {
        return row(path).filter(page -> page.renderer().equals(renderer.value()))
                .map(page -> new PublicPages.Rendered(page.content(), page.linkedNotices()));
    }

    /** The stored row, whichever renderer made it. */
    public Optional<StoredPage> row(String path) {
        return jdbc.query("SELECT path, " + COLUMNS + " FROM public_page WHERE path = ?", (rs, n) -> new StoredPage(
                        rs.getString("path"), rs.getBytes("content"), rs.getString("content_sha256"),
                        rs.getString("content_type"), lines(rs.getString("linked_notices")),
                        rs.getLong("event_index"), rs.getTimestamp("rendered_at").toInstant(),
                        rs.getString("renderer")),
                path).stream().findFirst();
    }

    /** Every stored path with its row, for checks and measurements. */
    public List<StoredPage> rows() {
        return jdbc.queryForList("SELECT path FROM public_page ORDER BY path", String.class).stream()
                .map(this::row).flatMap(Optional::stream).toList();
    }

    /**
     * Stores what the re-renderer rendered after every read model the page depends on had processed the events up to
     * {@code eventIndex}. Replaces the stored page unless that one reflects a later point of the stream; the stored
     * index never goes down. Returns whether this rendering is now the stored one.
     */
    public boolean keep(String path, PublicPages.Rendered page, long eventIndex) {
        Row row = new Row(path, page, eventIndex);
        if (replaceUnlessNewer(row)) {
            return true;
        }
        if (insert(row)) {
            return true;
        }
        // Another node inserted the page between the two statements: replace it unless it is newer.
        return replaceUnlessNewer(row);
    }

    /** How far the re-renderer has got: every event up to this global index is reflected in the pages it stored. */
    public long handledUpTo() {
        return progress.position(PageRefresher.GROUP);
    }

    /**
     * Stores the first rendering of a page a request did not find: where nothing is stored yet, or only a page of
     * another renderer. {@code handledUpTo} is {@link #handledUpTo()} read before the page was rendered, which the page
     * therefore shows at least; it never replaces a page the re-renderer wrote.
     */
    public void keepFirstRendering(String path, PublicPages.Rendered page, long handledUpTo) {
        Row row = new Row(path, page, handledUpTo);
        if (jdbc.update("UPDATE public_page SET content = ?, content_sha256 = ?, content_type = ?,"
                        + " linked_notices = ?, event_index = GREATEST(event_index, ?), rendered_at = ?, renderer = ?"
                        + " WHERE path = ? AND renderer <> ?",
                row.content(), row.sha256(), row.contentType(), row.linkedNotices(), row.eventIndex(), row.renderedAt(),
                row.renderer(), path, row.renderer()) == 0) {
            insert(row);
        }
    }

    /** Empties the store (a reset of the re-renderer, which then renders every page its replay touches again). */
    public int deleteAll() {
        return jdbc.update("DELETE FROM public_page");
    }

    private boolean replaceUnlessNewer(Row row) {
        return jdbc.update("UPDATE public_page SET content = ?, content_sha256 = ?, content_type = ?,"
                        + " linked_notices = ?, event_index = GREATEST(event_index, ?), rendered_at = ?, renderer = ?"
                        + " WHERE path = ? AND (event_index <= ? OR renderer <> ?)",
                row.content(), row.sha256(), row.contentType(), row.linkedNotices(), row.eventIndex(), row.renderedAt(),
                row.renderer(), row.path(), row.eventIndex(), row.renderer()) == 1;
    }

    private boolean insert(Row row) {
        try {
            return jdbc.update("INSERT INTO public_page (path, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    row.path(), row.content(), row.sha256(), row.contentType(), row.linkedNotices(), row.eventIndex(),
                    row.renderedAt(), row.renderer()) == 1;
        } catch (DuplicateKeyException stored) {
            return false;
        }
    }

    /** A page as one row of the table. */
    private final class Row {

        private final String path;
        private final PublicPages.Rendered page;
        private final long eventIndex;
        private final Timestamp renderedAt;

        Row(String path, PublicPages.Rendered page, long eventIndex) {
            this.path = path;
            this.page = page;
            this.eventIndex = eventIndex;
            this.renderedAt = Timestamp.from(clock.instant());
        }

        String path() {
            return path;
        }

        byte[] content() {
            return page.bytes();
        }

        String sha256() {
            return PageStore.sha256(page.bytes());
        }

        String contentType() {
            return contentTypeOf(path);
        }

        String linkedNotices() {
            return String.join("\n", page.noticeIds());
        }

        long eventIndex() {
            return eventIndex;
        }

        Timestamp renderedAt() {
            return renderedAt;
        }

        String renderer() {
            return renderer.value();
        }
    }

    /** The content type a page is served with, by its file name in the site. */
    static String contentTypeOf(String path) {
        if (path.endsWith(".json")) {
            return "application/json;charset=UTF-8";
        }
        if (path.endsWith(".csv")) {
            return "text/csv;charset=UTF-8";
        }
        return "text/html;charset=UTF-8";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
