package cn.fupin.ledger.query.disclosure;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON text in which a notice's content is stored. Its own mapper, not the web's, so that a change to how answers
 * are written cannot change what is read back: dates as ISO-8601 text, unknown properties refused. Content written and
 * read back equals the content of the event, so its canonical JSON, and its SHA-256, are the published ones.
 */
final class NoticeContentJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private NoticeContentJson() {
    }

    static String write(NoticeContent content) {
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a notice's content as JSON", e);
        }
    }

    static NoticeContent read(String json) {
        try {
            return JSON.readValue(json, NoticeContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored notice's content does not read back", e);
        }
    }
}
