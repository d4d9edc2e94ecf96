package cn.fupin.ledger.query.competition;

import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.RankedProposal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * The JSON text in which a round's criteria and closing ranking are stored. Its own mapper, not the web's, so that
 * a change to how answers are written cannot change what is read back: instants as ISO-8601 text with all their
 * digits, unknown properties refused. A ranking written and read back equals the one recorded in the event.
 */
final class CompetitionJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {
    };
    private static final TypeReference<List<RankedProposal>> RANKING = new TypeReference<>() {
    };

    private CompetitionJson() {
    }

    static String criteria(List<Criterion> criteria) {
        return write(criteria);
    }

    static List<Criterion> criteria(String json) {
        return List.copyOf(read(json, CRITERIA));
    }

    static String ranking(List<RankedProposal> ranking) {
        return write(ranking);
    }

    static List<RankedProposal> ranking(String json) {
        return json == null ? List.of() : List.copyOf(read(json, RANKING));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read back", e);
        }
    }
}
