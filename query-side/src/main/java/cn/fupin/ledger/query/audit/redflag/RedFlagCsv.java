package cn.fupin.ledger.query.audit.redflag;

import java.util.List;
import org.springframework.http.MediaType;

/**
 * The findings as CSV (RFC 4180, UTF-8), one row per finding with the JSON's fields in its order; the evidence is its
 * event ids separated by spaces, the review three columns, empty when there is none. A cell that a spreadsheet would
 * read as a formula gets a leading apostrophe. Other audit answers write their CSV cells with {@link #cell}.
 */
public final class RedFlagCsv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    static final String HEADER = "id,rule,severity,subject,summary,since,evidence,reviewedBy,reviewedAt,reviewReason";

    private RedFlagCsv() {
    }

    static String of(List<FindingView> findings) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (FindingView f : findings) {
            FindingView.Review review = f.reviewed();
            List<String> cells = List.of(f.id(), f.rule(), f.severity().name(), f.subject(), f.summary(),
                    f.since() == null ? "" : f.since().toString(), String.join(" ", f.evidence()),
                    review == null ? "" : review.by(), review == null ? "" : review.at().toString(),
                    review == null ? "" : review.reason());
            for (int i = 0; i < cells.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /** One cell of RFC 4180 CSV: quoted when it must be, with a leading apostrophe where it would be a formula. */
    public static String cell(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
