package cn.fupin.ledger.query.journal;

import cn.fupin.ledger.query.common.KeysetPage;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.journal.AccountPostingView;
import cn.fupin.ledger.shared.journal.CheckJournalQuery;
import cn.fupin.ledger.shared.journal.FindAccountPostingsQuery;
import cn.fupin.ledger.shared.journal.FindTrialBalanceQuery;
import cn.fupin.ledger.shared.journal.JournalCheckView;
import cn.fupin.ledger.shared.journal.Posting;
import cn.fupin.ledger.shared.journal.TrialBalanceView;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The journal for auditors: {@code GET /api/audit/trial-balance?asOf=},
 * {@code /api/audit/accounts/{account}/postings?asOf=} and {@code /api/audit/journal-check?asOf=}. {@code asOf} is an
 * ISO-8601 instant with its offset ({@code 2074-06-30T16:00:00Z}, {@code 2074-07-01T00:00:00+08:00}); left out, it
 * is now by the ledger's clock. An account name holds colons ({@code RESERVED:PRJ-…:FUND-…}), which a path segment
 * may; an account without postings has an empty list, not a 404, since every name of the chart is a possible
 * account.
 */
@RestController
class JournalQueryController {

    private final QueryGateway queries;
    private final Clock clock;

    JournalQueryController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/audit/trial-balance")
    TrialBalanceView trialBalance(@RequestParam(required = false) String asOf) {
        return queries.query(new FindTrialBalanceQuery(instant(asOf)), TrialBalanceView.class).join();
    }

    /**
     * In the order recorded, paged by {@link KeysetPage} ({@code size}, {@code after}); the rows stay postings, the
     * cursor names the last one's time and journal number. {@code asOf} belongs to the query the next link repeats.
     */
    @GetMapping("/api/audit/accounts/{account}/postings")
    ResponseEntity<List<Posting>> postings(@PathVariable String account, @RequestParam(required = false) String asOf,
                                           @RequestParam(required = false) Integer size,
                                           @RequestParam(required = false) String after) {
        KeysetPage page = KeysetPage.of("postings", size, after);
        List<AccountPostingView> fetched = queries.query(new FindAccountPostingsQuery(account, instant(asOf),
                        page.afterInstant(), page.afterNumber(), page.fetch()),
                ResponseTypes.multipleInstancesOf(AccountPostingView.class)).join();
        return page.answer(fetched, line -> line.posting().at(), line -> Long.toString(line.postingNo()),
                AccountPostingView::posting);
    }

    @GetMapping("/api/audit/journal-check")
    JournalCheckView check(@RequestParam(required = false) String asOf) {
        return queries.query(new CheckJournalQuery(instant(asOf)), JournalCheckView.class).join();
    }

    private Instant instant(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalidField("INVALID_AS_OF", "asOf",
                    "asOf is an ISO-8601 instant, e.g. 2074-06-30T16:00:00Z");
        }
    }
}
