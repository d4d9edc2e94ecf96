package cn.fupin.ledger.query.audit.history;

import cn.fupin.ledger.query.audit.redflag.RedFlagCsv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * Event history rows as CSV (RFC 4180, UTF-8, CRLF), written row by row to a writer (never built whole): the JSON's
 * fields in its order, the metadata's five audit keys as columns of their own and the payload as JSON text. A cell
 * that a spreadsheet would read as a formula gets a leading apostrophe ({@link RedFlagCsv#cell}).
 */
final class EventHistoryCsv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    static final String HEADER = "globalIndex,eventId,type,revision,aggregateType,aggregateId,sequence,timestamp,"
            + "actor,role,requestId,remoteAddress,reason,payload";

    private final Writer out;
    private final ObjectMapper mapper;

    EventHistoryCsv(Writer out, ObjectMapper mapper) {
        this.out = out;
        this.mapper = mapper;
    }

    void header() {
        line(List.of(HEADER));
    }

    void row(EventHistoryRow row) {
        String payload;
        try {
            payload = mapper.writeValueAsString(row.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's payload could not be written as JSON", e);
        }
        List<String> cells = List.of(String.valueOf(row.globalIndex()), row.eventId(), row.type(),
                text(row.revision()), text(row.aggregateType()), text(row.aggregateId()), String.valueOf(row.sequence()),
                row.timestamp().toString(), meta(row, "actor"), meta(row, "role"), meta(row, "requestId"),
                meta(row, "remoteAddress"), meta(row, "reason"), payload);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == 0 ? "" : ",").append(RedFlagCsv.cell(cells.get(i)));
        }
        line(List.of(line.toString()));
    }

    private void line(List<String> text) {
        try {
            out.write(text.get(0));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String meta(EventHistoryRow row, String key) {
        Object value = row.metadata().get(key);
        return value == null ? "" : value.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
