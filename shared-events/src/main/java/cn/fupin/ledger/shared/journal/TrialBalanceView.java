package cn.fupin.ledger.shared.journal;

import java.time.Instant;
import java.util.List;

/** The trial balance as of {@code asOf}: each account's balance in fen and their sum, which is always 0. */
public record TrialBalanceView(Instant asOf, List<AccountBalance> accounts, long totalFen) {

    /** One account's balance in fen (debits positive). */
    public record AccountBalance(String account, long balanceFen) {
    }
}
