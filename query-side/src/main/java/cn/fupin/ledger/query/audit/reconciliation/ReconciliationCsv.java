package cn.fupin.ledger.query.audit.reconciliation;

import cn.fupin.ledger.query.audit.redflag.RedFlagCsv;
import cn.fupin.ledger.shared.audit.ReconciliationDifference;
import java.util.List;

/**
 * The differences as CSV (RFC 4180, UTF-8, CRLF), one row per difference with the JSON's fields in its order; an amount
 * a record does not have is an empty cell. An agreeing ledger is the header alone.
 */
final class ReconciliationCsv {

    static final String HEADER = "subject,measure,journal,aggregate,readModel,difference";

    private ReconciliationCsv() {
    }

    static String of(List<ReconciliationDifference> differences) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ReconciliationDifference d : differences) {
            List<String> cells = List.of(d.subject(), d.measure(), text(d.journal()), text(d.aggregate()),
                    text(d.readModel()), Long.toString(d.difference()));
            for (int i = 0; i < cells.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(RedFlagCsv.cell(cells.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String text(Long fen) {
        return fen == null ? "" : fen.toString();
    }
}
