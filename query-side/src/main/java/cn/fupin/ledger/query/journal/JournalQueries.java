package cn.fupin.ledger.query.journal;

import cn.fupin.ledger.shared.journal.AccountPostingView;
import cn.fupin.ledger.shared.journal.FindAccountPostingsQuery;
import cn.fupin.ledger.shared.journal.FindTrialBalanceQuery;
import cn.fupin.ledger.shared.journal.TrialBalanceView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the journal's queries. Balances are summed by the database (one GROUP BY over the postings up to the
 * instant asked), never by loading every posting. The self-check is {@link JournalChecks}.
 */
@Component
class JournalQueries {

    private final JournalPostingRepository postings;

    JournalQueries(JournalPostingRepository postings) {
        this.postings = postings;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public TrialBalanceView handle(FindTrialBalanceQuery query) {
        List<TrialBalanceView.AccountBalance> accounts = new ArrayList<>();
        long totalFen = 0;
        for (Object[] row : postings.balances(query.asOf())) {
            long balanceFen = ((Number) row[1]).longValue();
            accounts.add(new TrialBalanceView.AccountBalance((String) row[0], balanceFen));
            totalFen = Math.addExact(totalFen, balanceFen);
        }
        // Sorted here rather than by the database, so that the order does not depend on its collation.
        accounts.sort(Comparator.comparing(TrialBalanceView.AccountBalance::account));
        return new TrialBalanceView(query.asOf(), List.copyOf(accounts), totalFen);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<AccountPostingView> handle(FindAccountPostingsQuery query) {
        return postings.postings(query.account(), query.asOf(), query.afterPostedAt(), query.afterPostingNo(),
                        query.limit() == null ? Limit.unlimited() : Limit.of(query.limit()))
                .stream().map(posting -> new AccountPostingView(posting.id(), posting.posting())).toList();
    }
}
