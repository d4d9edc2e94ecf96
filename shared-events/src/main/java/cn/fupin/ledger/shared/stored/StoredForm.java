package cn.fupin.ledger.shared.stored;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The stored form of every message: the one Jackson configuration with which the ledger writes events (and tokens,
 * sagas, deadlines) into the database and reads them back. Properties are written in alphabetical order and map
 * entries by key, dates as ISO-8601 text, so that the same event always becomes the same bytes (a Merkle log will hash
 * them). Unknown properties fail: a change of shape goes through {@code @Revision} and an upcaster ({@link Upcasters}).
 *
 * <p>It lives here, beside the events and pure (no Spring), so that the stored-event fixtures of this module are
 * written and read with exactly the configuration production uses; {@code ops} builds Axon's serializers from it.
 */
public final class StoredForm {

    private StoredForm() {
    }

    /** A new mapper of the stored form. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new JavaTimeModule())
                .build();
    }

    /** Axon's Jackson serializer on a mapper of the stored form; revisions from {@code @Revision}. */
    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }
}
