package cn.fupin.ledger.shared.stored;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the chain does with a stored event this code cannot read as it was stored: reading its payload fails, naming
 * the event, its type and revision, instead of handing over an {@code UnknownSerializedType} or reading a revision it
 * does not know into today's class.
 */
class UpcastersTest {

    static StoredEvents.Stored stored(String type, String revision, String payload) {
        return new StoredEvents.Stored(type, revision, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEventOfATypeThisCodeDoesNotHaveCannotBeRead() {
        assertThatThrownBy(() -> StoredEvents.read(stored("cn.fupin.ledger.shared.fund.FundsMisplacedEvent", "1",
                "{\"amountFen\":100}")))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("stored event event-1 of aggregate-1 at sequence 0")
                .hasMessageContaining("cn.fupin.ledger.shared.fund.FundsMisplacedEvent revision 1")
                .hasMessageContaining("no event class of that name");
    }

    @Test
    void aRevisionNoUpcasterReadsCannotBeReadEvenWhenTodaysClassWouldTakeItsFields() {
        assertThatThrownBy(() -> StoredEvents.read(stored("cn.fupin.ledger.shared.place.PoorVillageDesignatedEvent",
                "3", "{\"documentNo\":\"苍委办〔2016〕40号\",\"townshipCode\":\"510824100\","
                        + "\"villageCode\":\"510824100205\",\"year\":2016}")))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("PoorVillageDesignatedEvent revision 3")
                .hasMessageContaining("reads revision 1 of it and has no upcaster from revision 3");
    }

    @Test
    void anEventStoredWithoutARevisionIsNotReadAsTheCurrentOne() {
        assertThatThrownBy(() -> StoredEvents.read(stored("cn.fupin.ledger.shared.place.PoorVillageDesignatedEvent",
                null, "{\"documentNo\":\"苍委办〔2016〕40号\",\"townshipCode\":\"510824100\","
                        + "\"villageCode\":\"510824100205\",\"year\":2016}")))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("revision null");
    }

    @Test
    void aRevisionOneNoticeWhoseContentNoLongerHashesToItsRecordedHashCannotBeRead() throws Exception {
        StoredEvents.Stored fixture = StoredEventFixturesTest.fixtures().get("NoticePublishedEvent-1");
        String tampered = new String(fixture.payload(), StandardCharsets.UTF_8)
                .replace("\"450,000.00\"", "\"540,000.00\"");

        assertThatThrownBy(() -> StoredEvents.read(stored(fixture.type(), "1", tampered)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("stored event event-1 of aggregate-1 at sequence 0")
                .hasMessageContaining("is not that of its content's canonical JSON");
    }

    @Test
    void aNoticeWhosePublishedBytesNoLongerHashToItsRecordedHashCannotBeRead() {
        StoredEvents.Stored fixture = StoredEventFixturesTest.fixtures().get("NoticePublishedEvent-2");
        String tampered = new String(fixture.payload(), StandardCharsets.UTF_8)
                .replace("\\\"450,000.00\\\"", "\\\"540,000.00\\\"");

        assertThat(tampered).isNotEqualTo(new String(fixture.payload(), StandardCharsets.UTF_8));
        assertThatThrownBy(() -> StoredEvents.read(stored(fixture.type(), "2", tampered)))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("the recorded SHA-256 is not that of the recorded bytes");
    }
}
