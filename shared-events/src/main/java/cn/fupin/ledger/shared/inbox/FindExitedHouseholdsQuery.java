package cn.fupin.ledger.shared.inbox;

import java.util.List;

/**
 * Which of the households {@code cardNos} have exited poverty (脱贫退出) now, as card numbers: a grant to one of them
 * is refused at approval (HOUSEHOLD_NOT_ELIGIBLE), so the approver's inbox says so before. At most
 * {@value FindNoticesListingQuery#ITEMS_MAX} card numbers per query.
 */
public record FindExitedHouseholdsQuery(List<String> cardNos) {

    public FindExitedHouseholdsQuery {
        cardNos = List.copyOf(cardNos);
        if (cardNos.size() > FindNoticesListingQuery.ITEMS_MAX) {
            throw new IllegalArgumentException("at most " + FindNoticesListingQuery.ITEMS_MAX + " households per query");
        }
    }
}
