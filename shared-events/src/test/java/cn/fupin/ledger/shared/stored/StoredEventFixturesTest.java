package cn.fupin.ledger.shared.stored;

import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events are the ledger's schema, and their stored bytes its evidence. For every event type and every revision the
 * ledger has ever stored, {@code events/<Type>-<revision>.json} holds one stored event: its type (the class name as
 * stored), its revision, and its payload exactly as the serializer stores it (key for key in stored order; the compact
 * form of the payload is the stored bytes). Each is read through the production serializer and upcasters
 * ({@link StoredForm}, {@link Upcasters}) and must equal its expected event ({@link StoredEventExamples}); each of the
 * current revision must also be what the serializer writes for that event today, byte for byte. So renaming or moving
 * an event class, changing a field, or changing how it is written breaks a test here, before any stored event goes
 * unread; and an event class without a fixture of its current revision fails too.
 */
class StoredEventFixturesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Serializer SERIALIZER = StoredForm.serializer();

    /** The folder of the fixtures among the test resources. */
    static Path folder() {
        try {
            return Path.of(StoredEventFixturesTest.class.getResource("/events").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every fixture by its name ({@code <Type>-<revision>}). */
    static Map<String, StoredEvents.Stored> fixtures() {
        Map<String, StoredEvents.Stored> fixtures = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString();
                fixtures.put(name.substring(0, name.length() - ".json".length()), StoredEvents.fixture(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixtures;
    }

    static Stream<String> fixtureNames() {
        return fixtures().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureNames")
    void everyStoredEventReadsThroughTheUpcastersAsItsExpectedEvent(String name) {
        StoredEvents.Stored stored = fixtures().get(name);
        Object expected = StoredEventExamples.byFixture().get(name);

        assertThat(expected).as("the expected event of fixture " + name + " (StoredEventExamples)").isNotNull();
        assertThat(name).as("a fixture is named after its stored type and revision")
                .isEqualTo(simpleName(stored.type()) + "-" + stored.revision());
        assertThat(StoredEvents.read(stored)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureNames")
    void anEventOfTheCurrentRevisionIsStoredTodayByteForByteAsItsFixture(String name) {
        StoredEvents.Stored stored = fixtures().get(name);
        Object expected = StoredEventExamples.byFixture().get(name);
        String current = new AnnotationRevisionResolver().revisionOf(expected.getClass());
        if (!current.equals(stored.revision()) || !expected.getClass().getName().equals(stored.type())) {
            // An older revision is never written again; it only has to be read (the test above).
            assertThat(Integer.parseInt(stored.revision())).as(name + " is older than the class's revision " + current)
                    .isLessThan(Integer.parseInt(current));
            return;
        }

        SerializedObject<byte[]> written = SERIALIZER.serialize(expected, byte[].class);

        assertThat(written.getType().getName()).isEqualTo(stored.type());
        assertThat(written.getType().getRevision()).isEqualTo(stored.revision());
        assertThat(new String(written.getData(), StandardCharsets.UTF_8))
                .isEqualTo(new String(stored.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void everyEventClassHasAFixtureOfItsCurrentRevisionAndAnExpectedEvent() {
        Map<String, StoredEvents.Stored> fixtures = fixtures();
        Map<String, Object> examples = StoredEventExamples.byFixture();
        List<String> missing = new ArrayList<>();
        for (Class<?> event : eventClasses()) {
            String name = event.getSimpleName() + "-" + new AnnotationRevisionResolver().revisionOf(event);
            StoredEvents.Stored stored = fixtures.get(name);
            if (stored == null || !stored.type().equals(event.getName())) {
                missing.add(name + ".json" + (examples.containsKey(name)
                        ? ", which would hold:\n" + StoredEvents.fixtureText(examples.get(name))
                        : " and its expected event in StoredEventExamples"));
            }
        }

        assertThat(missing).as("events without a fixture of their current revision").isEmpty();
        assertThat(examples.keySet()).as("every expected event has its fixture").isEqualTo(fixtures.keySet());
    }

    @Test
    void aFixtureIsTheStoredFormAndNothingElse() throws IOException {
        for (Map.Entry<String, StoredEvents.Stored> fixture : fixtures().entrySet()) {
            JsonNode file = JSON.readTree(folder().resolve(fixture.getKey() + ".json").toFile());
            List<String> keys = new ArrayList<>();
            file.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as(fixture.getKey()).containsExactly("type", "revision", "payload");
        }
    }

    /** Every event class of shared-events: the records named {@code …Event} of its packages. */
    static List<Class<?>> eventClasses() {
        try {
            Path classes = Path.of(FundsAppropriatedEvent.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            List<Class<?>> events = new ArrayList<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith("Event.class")).toList()) {
                    String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                    Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
                    if (type.isRecord()) {
                        events.add(type);
                    }
                }
            }
            assertThat(events).as("event classes found").hasSizeGreaterThan(40);
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Test
    void theSerializerWritesPropertiesInAlphabeticalOrderWithoutWhitespace() {
        byte[] written = SERIALIZER.serialize(StoredEventExamples.byFixture().get("SubmissionsClosedEvent-1"),
                byte[].class).getData();

        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo("{\"competitionId\":\"CMP-2016-01\",\"deadline\":\"2016-05-31T16:00:00Z\"}");
    }
}
