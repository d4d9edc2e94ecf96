package cn.fupin.ledger.query.audit.reconciliation;

import cn.fupin.ledger.shared.journal.Accounts;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the journal's postings say each fund and project holds, summed by the database per account and event type,
 * over the postings of the events up to a global index:
 * <ul>
 *   <li>a fund: appropriated is its {@code APPROPRIATION} account's credit, available its {@code FUND} account,
 *       reserved the sum of the {@code RESERVED:<project>:<fund>} accounts, paid what payments (less reversals) took
 *       out of those;</li>
 *   <li>a project: reserved the sum of its {@code RESERVED:<project>:*} accounts, paid what payments (less reversals)
 *       took out of them.</li>
 * </ul>
 */
final class JournalBalances {

    private static final Set<String> PAYMENTS = Set.of("DisbursementApprovedEvent", "DisbursementReversedEvent");

    private JournalBalances() {
    }

    /** Fills {@code funds} and {@code projects} from the postings of the events up to {@code upToGlobalIndex}. */
    static void read(JdbcTemplate jdbc, long upToGlobalIndex, Measures funds, Measures projects) {
        jdbc.query("SELECT account, event_type, SUM(amount_fen) FROM journal_posting"
                + " WHERE global_index IS NULL OR global_index <= ? GROUP BY account, event_type", row -> {
            String account = row.getString(1);
            String eventType = row.getString(2);
            long fen = row.getLong(3);
            if (account.startsWith(Accounts.APPROPRIATION)) {
                funds.add(account.substring(Accounts.APPROPRIATION.length()), Measures.APPROPRIATED, -fen);
            } else if (account.startsWith(Accounts.FUND)) {
                funds.add(account.substring(Accounts.FUND.length()), Measures.AVAILABLE, fen);
            } else if (account.startsWith(Accounts.RESERVED)) {
                String[] parts = account.substring(Accounts.RESERVED.length()).split(":");
                if (parts.length != 2) {
                    throw new IllegalStateException("a reservation account names a project and a fund: " + account);
                }
                long paidFen = PAYMENTS.contains(eventType) ? -fen : 0;
                projects.add(parts[0], Measures.RESERVED, fen);
                projects.add(parts[0], Measures.PAID, paidFen);
                funds.add(parts[1], Measures.RESERVED, fen);
                funds.add(parts[1], Measures.PAID, paidFen);
            }
        }, upToGlobalIndex);
    }
}
