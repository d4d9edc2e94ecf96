package cn.fupin.ledger.query.audit.reconciliation;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the read models the screens show hold for each fund ({@code fund_view}: appropriated, reserved, disbursed;
 * available is appropriated - reserved - disbursed, as the fund answers it) and each project ({@code project_view}:
 * reserved and not paid, paid). Read as they are now: a read model still catching up shows a difference that a later
 * run no longer finds.
 */
final class ReadModelBalances {

    private ReadModelBalances() {
    }

    static void read(JdbcTemplate jdbc, Measures funds, Measures projects) {
        jdbc.query("SELECT fund_id, appropriated_fen, reserved_fen, disbursed_fen FROM fund_view", row -> {
            String fundId = row.getString(1);
            long appropriatedFen = row.getLong(2);
            long reservedFen = row.getLong(3);
            long paidFen = row.getLong(4);
            funds.put(fundId, Measures.APPROPRIATED, appropriatedFen);
            funds.put(fundId, Measures.RESERVED, reservedFen);
            funds.put(fundId, Measures.PAID, paidFen);
            funds.put(fundId, Measures.AVAILABLE, appropriatedFen - reservedFen - paidFen);
        });
        jdbc.query("SELECT project_id, reserved_fen, paid_fen FROM project_view", row -> {
            projects.put(row.getString(1), Measures.RESERVED, row.getLong(2));
            projects.put(row.getString(1), Measures.PAID, row.getLong(3));
        });
    }
}
