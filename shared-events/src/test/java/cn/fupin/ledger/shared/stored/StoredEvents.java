package cn.fupin.ledger.shared.stored;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * Stored events as the event table holds them (type, revision, payload bytes), read the way the event store reads
 * them: through the ledger's upcasters, then the serializer of the stored form.
 */
final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Serializer SERIALIZER = StoredForm.serializer();

    private StoredEvents() {
    }

    /** One stored event: the payload's type (a class name) and revision, and the payload's bytes. */
    record Stored(String type, String revision, byte[] payload) {
    }

    /** A fixture file: its payload's compact form is the stored bytes (Jackson keeps the keys in the file's order). */
    static Stored fixture(Path file) {
        try {
            JsonNode fixture = JSON.readTree(Files.readAllBytes(file));
            return new Stored(fixture.path("type").asText(), fixture.path("revision").asText(),
                    JSON.writeValueAsBytes(fixture.get("payload")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event a stored event reads as today, through every upcaster. */
    static Object read(Stored stored) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Aggregate", "aggregate-1", 0,
                "event-1", "2016-04-12T02:30:00Z", stored.type(), stored.revision(), stored.payload(),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = Upcasters.chain(SERIALIZER, StoredEventExamples.COUNTY)
                .upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
        if (upcast.size() != 1) {
            throw new IllegalStateException("one stored event became " + upcast.size());
        }
        SerializedObject<?> data = upcast.get(0).getData();
        return SERIALIZER.deserialize(data);
    }

    /** What the fixture of an event of today's revision holds, for a new fixture file. */
    static String fixtureText(Object event) {
        SerializedObject<byte[]> written = SERIALIZER.serialize(event, byte[].class);
        try {
            ObjectNode fixture = JSON.createObjectNode();
            fixture.put("type", written.getType().getName());
            fixture.put("revision", written.getType().getRevision());
            fixture.set("payload", JSON.readTree(written.getData()));
            return JSON.writer(new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))).writeValueAsString(fixture) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
