package cn.fupin.ledger.shared.disclosure;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a notice shows, as data: the pure renderers turn it into HTML, JSON and CSV, and the SHA-256 of its JSON
 * rendering is recorded when it is published, so the notice can be proven unchanged. Amounts are already text (元 or
 * 万元) because a notice is what people read; household heads appear only masked (张*明). No ID number, bank card,
 * household phone, health status or cause of poverty ever enters a notice.
 *
 * @param fields     label / value pairs of a detail notice (a project plan: location, what is built, subsidy
 *                   standard, fund sources and amounts, period, implementer and person in charge, performance
 *                   target, how it helps people out of poverty), in display order
 * @param columns    the column headings of the notice's table, empty when it has none
 * @param rows       the table's rows; each names the item it lists (a project, a disbursement) so that an objection
 *                   can point at it and the item can be held
 * @param supersedes the notice this one corrects, or {@code null}
 */
public record NoticeContent(
        String noticeId,
        NoticeKind kind,
        NoticeLevel level,
        String placeCode,
        String placeName,
        String title,
        String body,
        List<Field> fields,
        List<String> columns,
        List<Row> rows,
        LocalDate periodStart,
        LocalDate periodEnd,
        String supersedes,
        String correctionReason,
        String supervisionPhone,
        String hotline) {

    /** The national poverty-alleviation supervision hotline, on every notice. */
    public static final String HOTLINE = "12317";

    /**
     * The heading of a column whose cells name another notice where the row is published in full (a list's line
     * pointing to the project's plan): pages link such a cell to that notice.
     */
    public static final String DETAIL_COLUMN = "详细公示";

    public NoticeContent {
        fields = fields == null ? List.of() : List.copyOf(fields);
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** One label and its value. */
    public record Field(String label, String value) {
    }

    /** One row of the table: the item it lists (its id) and its cells, one per column. */
    public record Row(String item, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }
    }
}
