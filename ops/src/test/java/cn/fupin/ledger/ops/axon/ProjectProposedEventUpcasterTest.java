package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proposal stored at revision 1 (before the subsidy standard in fen) is read as revision 2 with no standard, through
 * the upcaster, with the serializer the ledger stores events with; the stored bytes stay as they are.
 */
class ProjectProposedEventUpcasterTest {

    static final Serializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(AxonConfiguration.canonicalMapper()).build();

    /** A proposal exactly as revision 1 stored it: every property but subsidyStandardFen, in alphabetical order. */
    static final String REVISION_1 = """
            {"benefitMechanism":null,"beneficiary":"HOUSEHOLDS","budget":[{"amountFen":600000,"fundId":"FUND-2016-CENTRAL"}],\
            "budgetTotalFen":600000,"description":null,"endDate":"2016-10-31","expectedHouseholds":2,"expectedPeople":6,\
            "implementer":"金穗社区居委会","name":"金穗社区到户养殖","personInCharge":null,"projectId":"PRJ-2016-0009",\
            "proposedBy":"clerk","startDate":"2016-03-01","subsidyStandard":"每户3000元","supervisionPhone":null,\
            "supervisor":"陵江镇人民政府","townshipCode":"510824100","villageCode":"510824100001","villagersMeeting":null,\
            "workArea":"INDUSTRY"}""";

    static List<DomainEventMessage<?>> read(String payload, String revision) {
        DomainEventData<byte[]> stored = new GenericDomainEventEntry<>("Project", "PRJ-2016-0009", 0, "event-1",
                Instant.parse("2016-03-01T02:00:00Z"), ProjectProposedEvent.class.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), SERIALIZER,
                new EventUpcasterChain(new ProjectProposedEventUpcaster())).asStream()
                .<DomainEventMessage<?>>map(message -> message).toList();
    }

    @Test
    void aRevisionOneProposalIsReadWithNoStandardInFen() {
        ProjectProposedEvent event = (ProjectProposedEvent) read(REVISION_1, "1").get(0).getPayload();

        assertThat(event.subsidyStandardFen()).isNull();
        assertThat(event.subsidyStandard()).isEqualTo("每户3000元");
        assertThat(event.projectId()).isEqualTo("PRJ-2016-0009");
    }

    /** The stored revision 1 as the upcaster chain hands it on: the type and the payload a reader then sees. */
    static IntermediateEventRepresentation upcast(EventUpcaster upcaster) {
        DomainEventData<byte[]> stored = new GenericDomainEventEntry<>("Project", "PRJ-2016-0009", 0, "event-1",
                Instant.parse("2016-03-01T02:00:00Z"), ProjectProposedEvent.class.getName(), "1",
                REVISION_1.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return upcaster.upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER))).findFirst()
                .orElseThrow();
    }

    @Test
    void theUpcasterMakesRevisionOneARevisionTwoWithAnExplicitNull() {
        IntermediateEventRepresentation upcast = upcast(new EventUpcasterChain(new ProjectProposedEventUpcaster()));

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        JsonNode payload = upcast.getData(JsonNode.class).getData();
        assertThat(payload.has("subsidyStandardFen")).isTrue();
        assertThat(payload.get("subsidyStandardFen").isNull()).isTrue();
    }

    @Test
    void aRevisionTwoProposalIsReadAsStored() {
        String revision2 = REVISION_1.replace("\"subsidyStandard\":\"每户3000元\",",
                "\"subsidyStandard\":\"每户不超过3,500.00元\",\"subsidyStandardFen\":350000,");

        ProjectProposedEvent event = (ProjectProposedEvent) read(revision2, "2").get(0).getPayload();

        assertThat(event.subsidyStandardFen()).isEqualTo(350_000L);
    }

    @Test
    void theEventIsWrittenAtRevisionTwoWithItsStandardInAlphabeticalPlace() {
        String written = new String(SERIALIZER.serialize(read(REVISION_1, "1").get(0).getPayload(), byte[].class)
                .getData(), StandardCharsets.UTF_8);

        assertThat(SERIALIZER.typeForClass(ProjectProposedEvent.class).getRevision()).isEqualTo("2");
        assertThat(written).contains("\"subsidyStandard\":\"每户3000元\",\"subsidyStandardFen\":null,");
    }
}
