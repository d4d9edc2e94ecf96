package cn.fupin.ledger.shared.stored;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * The last link of the upcaster chain: a stored event must come out of the upcasters as a class this code has, in the
 * revision that class declares ({@code @Revision}). Otherwise reading its payload fails, naming the event, its type and
 * revision: Jackson would read a revision it does not know into today's class (a missing field silently null), and Axon
 * would hand an event of an unknown type to every handler of {@code Object} as {@link UnknownSerializedType}, which a
 * projection could pass over. The failure comes when the payload is read, so every handler, projection and aggregate
 * that would use the event stops there (processors retry; nothing advances past it), while handlers that take no
 * interest in its type are not touched.
 */
final class RevisionCheck implements EventUpcaster {

    private final Serializer serializer;
    private final RevisionResolver revisions = new AnnotationRevisionResolver();
    /** The revision each stored type name is read in, or empty when this code has no class of that name. */
    private final Map<String, Optional<Readable>> readable = new ConcurrentHashMap<>();

    /** A class of this code and the revision it declares ({@code null} when it declares none). */
    private record Readable(Class<?> type, String revision) {
    }

    RevisionCheck(Serializer serializer) {
        this.serializer = Objects.requireNonNull(serializer);
    }

    @Override
    public Stream<IntermediateEventRepresentation> upcast(Stream<IntermediateEventRepresentation> representations) {
        return representations.map(this::check);
    }

    private IntermediateEventRepresentation check(IntermediateEventRepresentation event) {
        SerializedType type = event.getType();
        if (SerializedType.emptyType().equals(type)) {
            return event;
        }
        Optional<Readable> known = readable.computeIfAbsent(type.getName(), this::resolve);
        if (known.isPresent() && Objects.equals(known.get().revision(), type.getRevision())) {
            return event;
        }
        String problem = known.map(k -> "this ledger reads revision " + k.revision()
                        + " of it and has no upcaster from revision " + type.getRevision())
                .orElse("this ledger has no event class of that name (renamed, moved or removed without an upcaster)");
        String description = "stored event " + event.getMessageIdentifier()
                + event.getAggregateIdentifier().map(id -> " of " + id).orElse("")
                + event.getSequenceNumber().map(sequence -> " at sequence " + sequence).orElse("")
                + " is of type " + type.getName() + " revision " + type.getRevision() + ", and " + problem;
        return event.upcastPayload(type, byte[].class, data -> {
            throw new UnreadableEventException(description);
        });
    }

    private Optional<Readable> resolve(String typeName) {
        Class<?> type = serializer.classForType(new SimpleSerializedType(typeName, null));
        if (UnknownSerializedType.class.equals(type)) {
            return Optional.empty();
        }
        return Optional.of(new Readable(type, revisions.revisionOf(type)));
    }
}
