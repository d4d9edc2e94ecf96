package cn.fupin.ledger.command.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Command-side index of which notices list which item (a project, a disbursement, a grant batch, an appropriation):
 * table {@code notice_item (item_id, notice_id)}, written in the same database transaction as the notice's
 * publication, so a refused or lost publication leaves no row. A payment's approval asks it which notices to load;
 * it holds no decision itself (the notices do) and can be rebuilt from the {@code NoticePublishedEvent}s.
 *
 * <p>Its rows are also the first lock of the hold: an approval reads the rows of the items it pays {@code FOR UPDATE}
 * and an objection locks the row of the item it names, each before it loads a notice. So an objection filed while a
 * payment of its item is being approved, on another node too, waits for that approval to commit (and the approval
 * then happened before the objection), or the approval waits for the objection and then finds it on the notice.
 */
@Component
public class NoticeItems {

    private static final int CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;

    public NoticeItems(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the notice lists the items. A row written meanwhile by a racing publication is a lost race. */
    void register(String noticeId, Collection<String> items) {
        for (String item : new TreeSet<>(items)) {
            try {
                jdbc.update("INSERT INTO notice_item (item_id, notice_id) VALUES (:item, :notice)",
                        new MapSqlParameterSource().addValue("item", item).addValue("notice", noticeId));
            } catch (DuplicateKeyException raced) {
                throw new ConcurrencyException("notice " + noticeId + " was published by another request meanwhile");
            }
        }
    }

    /**
     * The ids of every notice that lists any of the items, in id order, with their rows locked until the transaction
     * ends (items taken in order, so two approvals lock shared rows in the same order).
     */
    Set<String> lockNoticesListing(Collection<String> items) {
        Set<String> notices = new TreeSet<>();
        List<String> all = new ArrayList<>(new TreeSet<>(items));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            notices.addAll(jdbc.queryForList("SELECT notice_id FROM notice_item WHERE item_id IN (:items) "
                            + "ORDER BY item_id, notice_id FOR UPDATE", new MapSqlParameterSource("items", part),
                    String.class));
        }
        return notices;
    }

    /** Whether the notice lists the item, its row locked until the transaction ends. */
    boolean lockListing(String noticeId, String item) {
        return !jdbc.queryForList("SELECT notice_id FROM notice_item WHERE item_id = :item AND notice_id = :notice "
                        + "FOR UPDATE", new MapSqlParameterSource().addValue("item", item).addValue("notice", noticeId),
                String.class).isEmpty();
    }
}
