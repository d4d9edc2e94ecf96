package cn.fupin.ledger.query.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import cn.fupin.ledger.shared.common.Refusal;
import org.springframework.http.MediaType;

/**
 * What the auditors' views built from the events share: answering CSV (RFC 4180, UTF-8, CRLF; numbers as they are, a text cell a spreadsheet
 * would read as a formula gets a leading apostrophe) when {@code Accept: text/csv} asks for it, and reading
 * {@code asOf} (an ISO-8601 instant with its offset; now by the ledger's clock when left out).
 */
public final class AuditCsv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private AuditCsv() {
    }

    /** Whether the Accept header asks for CSV (explicitly, not by a wildcard). */
    public static boolean wanted(String accept) {
        return accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(TEXT_CSV) && !type.isWildcardType());
    }

    /** The header and the rows, each cell written as text ({@code null} as empty). */
    public static String of(String header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder(header).append("\r\n");
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                csv.append(i == 0 ? "" : ",").append(value instanceof Number number ? number.toString()
                        : cell(value == null ? "" : value.toString()));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** {@code asOf} as an instant, now by {@code clock} when blank; refused with INVALID_AS_OF otherwise. */
    public static Instant asOf(String asOf, Clock clock) {
        if (asOf == null || asOf.isBlank()) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(asOf.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalidField("INVALID_AS_OF", "asOf",
                    "asOf is an ISO-8601 instant, e.g. 2074-06-30T16:00:00Z");
        }
    }
}
