package cn.fupin.ledger.query.disclosure;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads a notice's published bytes (its canonical JSON, {@code NoticeJson} format 1) back as its content. The read
 * model keeps a notice as these bytes and nothing else, so every page of it — the JSON served as it is, the HTML and
 * the CSV rendered from what is read here — shows what was published and hashed, never a copy that a round trip or a
 * renamed label could have changed. Its own mapper (unknown keys refused, dates as ISO-8601 text), so that nothing
 * configured elsewhere changes how the bytes read.
 */
final class PublishedNotices {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PublishedNotices() {
    }

    /** A published notice as its canonical JSON holds it: the content, and the name of its kind it was published with. */
    record Document(int format, String noticeId, NoticeKind kind, String kindName, NoticeLevel level, String placeCode,
                    String placeName, String title, String body, List<NoticeContent.Field> fields,
                    List<String> columns, List<NoticeContent.Row> rows, LocalDate periodStart, LocalDate periodEnd,
                    String supersedes, String correctionReason, String supervisionPhone, String hotline) {

        NoticeContent content() {
            return new NoticeContent(noticeId, kind, level, placeCode, placeName, title, body, fields, columns, rows,
                    periodStart, periodEnd, supersedes, correctionReason, supervisionPhone, hotline);
        }
    }

    static Document read(byte[] published) {
        Document document;
        try {
            document = JSON.readValue(published, Document.class);
        } catch (IOException e) {
            throw new IllegalStateException("a published notice's bytes do not read as a notice", e);
        }
        if (document.format() != 1) {
            throw new IllegalStateException("notice " + document.noticeId() + " is published in format "
                    + document.format() + ", which this ledger does not read");
        }
        return document;
    }
}
