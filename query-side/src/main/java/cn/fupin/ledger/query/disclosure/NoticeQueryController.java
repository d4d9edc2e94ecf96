package cn.fupin.ledger.query.disclosure;

import cn.fupin.ledger.query.common.KeysetPage;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disclosure.FindNoticeObjectionsQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticeQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticesQuery;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.disclosure.ObjectionView;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff views of notices: {@code GET /api/notices?level=&placeCode=} and {@code GET /api/notices/{id}} (the public
 * view: content as published, SHA-256, period, correction, objections' handling), and
 * {@code GET /api/notices/{id}/objections} for the officers who resolve objections (with the objector's text, never
 * the contact). The public pages under {@code /disclosure/} are the publisher's.
 */
@RestController
class NoticeQueryController {

    private final QueryGateway queries;

    NoticeQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    /** Newest first, paged by {@link KeysetPage} ({@code size}, {@code after}). */
    @GetMapping("/api/notices")
    ResponseEntity<List<NoticeView>> notices(@RequestParam(required = false) NoticeLevel level,
                                             @RequestParam(required = false) String placeCode,
                                             @RequestParam(required = false) Integer size,
                                             @RequestParam(required = false) String after) {
        KeysetPage page = KeysetPage.of("notices", size, after);
        if (placeCode != null && !placeCode.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw Refusal.invalidField("PLACE_CODE_INVALID", "placeCode", "a place code has 6, 9 or 12 digits");
        }
        List<NoticeView> fetched = queries.query(new FindNoticesQuery(level, placeCode, page.afterInstant(),
                page.afterId(), page.fetch()), ResponseTypes.multipleInstancesOf(NoticeView.class)).join();
        return page.answer(fetched, NoticeView::publishedAt, notice -> notice.content().noticeId());
    }

    @GetMapping("/api/notices/{noticeId}")
    NoticeView notice(@PathVariable String noticeId) {
        requireShape(noticeId);
        Optional<NoticeView> found = queries.query(new FindNoticeQuery(noticeId),
                ResponseTypes.optionalInstanceOf(NoticeView.class)).join();
        return found.orElseThrow(NoticeQueryController::notFound);
    }

    @GetMapping("/api/notices/{noticeId}/objections")
    List<ObjectionView> objections(@PathVariable String noticeId) {
        notice(noticeId);
        return queries.query(new FindNoticeObjectionsQuery(noticeId),
                ResponseTypes.multipleInstancesOf(ObjectionView.class)).join();
    }

    private static void requireShape(String noticeId) {
        try {
            new NoticeId(noticeId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static Refusal notFound() {
        return Refusal.notFound("NOTICE_NOT_FOUND", "no notice has this id");
    }
}
