package cn.fupin.ledger.query.audit.skippedwork;

import cn.fupin.ledger.query.audit.redflag.RedFlagCsv;
import java.util.List;

/**
 * The skipped notices as CSV (RFC 4180, UTF-8, CRLF), one row per notice with the JSON's fields in its order; the
 * cause is four columns, the problems one, separated by {@code "; "}; an absent value is an empty cell.
 */
final class SkippedWorkCsv {

    static final String HEADER = "noticeId,kind,causeEventId,causeType,causeAggregateId,causeSequence,code,detail,"
            + "problems,skippedAt,status,retries,lastRetryAt,lastRetryBy";

    private SkippedWorkCsv() {
    }

    static String of(List<SkippedWorkView> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (SkippedWorkView row : rows) {
            List<String> cells = List.of(row.noticeId(), row.kind(), text(row.cause().eventId()),
                    text(row.cause().type()), text(row.cause().aggregateId()), Long.toString(row.cause().sequence()),
                    row.code(), text(row.detail()), String.join("; ", row.problems()), text(row.skippedAt()),
                    row.status(), Integer.toString(row.retries()), text(row.lastRetryAt()), text(row.lastRetryBy()));
            for (int i = 0; i < cells.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(RedFlagCsv.cell(cells.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
