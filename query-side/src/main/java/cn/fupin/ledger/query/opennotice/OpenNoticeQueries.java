package cn.fupin.ledger.query.opennotice;

import cn.fupin.ledger.shared.disclosure.FindOpenNoticesQuery;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.OpenNoticeView;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@link FindOpenNoticesQuery} from the notices read model ({@code notice_view}, kept by the notice
 * projection): a notice is open while no {@code NoticePeriodEndedEvent} has closed it and no correction superseded it
 * (the correction is then the notice open for objection). Read with plain SQL, because the read model's entity belongs
 * to its own package; this one only reads a few of its columns, never its published bytes. Times are stored as UTC
 * (Hibernate's {@code jdbc.time_zone}), so they are read back as such.
 */
@Component
class OpenNoticeQueries {

    private static final String OPEN = "SELECT notice_id, title, kind_name, notice_level, place_code, published_at,"
            + " period_end FROM notice_view WHERE period_ended = FALSE AND superseded_by IS NULL"
            + " ORDER BY published_at DESC, notice_id DESC LIMIT ?";

    private final JdbcTemplate jdbc;

    OpenNoticeQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<OpenNoticeView> handle(FindOpenNoticesQuery query) {
        return jdbc.query(OPEN, (rs, row) -> new OpenNoticeView(rs.getString("notice_id"), rs.getString("title"),
                rs.getString("kind_name"), NoticeLevel.valueOf(rs.getString("notice_level")),
                rs.getString("place_code"), rs.getObject("published_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getObject("period_end", LocalDate.class)), query.limit());
    }
}
