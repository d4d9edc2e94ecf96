package cn.fupin.ledger.ops.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The public pages noted for rendering (table {@code public_page_pending}, Flyway V24): pages whose stored bytes do not
 * yet show some events, because the re-renderer ({@link PageRefresher}) passed those events while far behind the event
 * store's head and noted their pages instead of rendering them; {@link PendingPageRenderer} renders each once, at the
 * head. A row names the first and the last event (global indexes) the stored page does not show yet.
 * <p>
 * Only the re-renderer notes pages (one segment: one writer at a time), and a row goes only when the page was stored
 * rendered at or after its last event ({@link #rendered}), so a page noted again by a later event while it was being
 * rendered stays noted.
 */
@Component
public class PendingPages {

    /** Pages noted by one pair of statements at most. */
    static final int AT_ONCE = 500;

    private final JdbcTemplate jdbc;

    public PendingPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes the pages as not yet showing the event at {@code eventIndex} (and, for a page noted before, the earlier). */
    public void note(Collection<String> paths, long eventIndex) {
        List<String> ordered = paths.stream().sorted().distinct().toList();
        for (int from = 0; from < ordered.size(); from += AT_ONCE) {
            noteAll(ordered.subList(from, Math.min(ordered.size(), from + AT_ONCE)), eventIndex);
        }
    }

    /**
     * Notes up to {@value #AT_ONCE} pages: those noted before are updated, the others inserted, each kind in one batch.
     * (Which rows exist is read first rather than taken from the batch's update counts, which a driver that rewrites
     * batches does not report row by row.)
     */
    private void noteAll(List<String> paths, long eventIndex) {
        Set<String> noted = new HashSet<>(jdbc.queryForList("SELECT path FROM public_page_pending WHERE path IN ("
                + String.join(", ", Collections.nCopies(paths.size(), "?")) + ")", String.class, paths.toArray()));
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (String path : paths) {
            if (noted.contains(path)) {
                updates.add(new Object[] {eventIndex, eventIndex, path});
            } else {
                inserts.add(new Object[] {path, eventIndex, eventIndex});
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE public_page_pending SET first_event = LEAST(first_event, ?),"
                    + " last_event = GREATEST(last_event, ?) WHERE path = ?", updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO public_page_pending (path, first_event, last_event) VALUES (?, ?, ?)",
                    inserts);
        }
    }

    /** Up to {@code limit} noted pages, by path. */
    public List<String> next(int limit) {
        return jdbc.queryForList("SELECT path FROM public_page_pending ORDER BY path LIMIT ?", String.class, limit);
    }

    /**
     * The page was stored rendered from read models that had seen every event up to {@code eventIndex}: it is no longer
     * pending unless an event after that noted it again. Answers whether its row went.
     */
    public boolean rendered(String path, long eventIndex) {
        return jdbc.update("DELETE FROM public_page_pending WHERE path = ? AND last_event <= ?", path, eventIndex) == 1;
    }

    /** How many pages are noted. */
    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM public_page_pending", Long.class);
    }

    /** Forgets every noted page (a reset of the re-renderer, whose replay notes or renders them again). */
    public int deleteAll() {
        return jdbc.update("DELETE FROM public_page_pending");
    }
}
