package cn.fupin.ledger.query.audit.skippedwork;

import cn.fupin.ledger.shared.common.Refusal;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the skipped notices for officers, and how many are open for the ops health. */
@Component
@Transactional(readOnly = true)
public class SkippedWorkQueries {

    private final SkippedWorkRepository skipped;

    SkippedWorkQueries(SkippedWorkRepository skipped) {
        this.skipped = skipped;
    }

    /** Every skipped notice, or those of one status ({@code OPEN}, {@code PUBLISHED}), oldest skip first. */
    public List<SkippedWorkView> list(String status) {
        if (status == null || status.isBlank()) {
            return skipped.findAllByOrderBySkippedAtAscNoticeIdAsc().stream().map(SkippedWorkEntity::view).toList();
        }
        String wanted = status.strip().toUpperCase(Locale.ROOT);
        if (!wanted.equals(SkippedWorkEntity.OPEN) && !wanted.equals(SkippedWorkEntity.PUBLISHED)) {
            throw Refusal.invalidField("INVALID_STATUS", "status", "status is OPEN or PUBLISHED");
        }
        return skipped.findByStatusOrderBySkippedAtAscNoticeIdAsc(wanted).stream().map(SkippedWorkEntity::view)
                .toList();
    }

    /** How many skipped notices are not published yet. */
    public long openCount() {
        return skipped.countByStatus(SkippedWorkEntity.OPEN);
    }
}
