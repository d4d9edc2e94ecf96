package cn.fupin.ledger.shared.stored;

import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.nio.charset.StandardCharsets;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fund ids stored before they carried the county are read with the county of the ledger reading them, wherever a
 * {@code fundId} stands in the payload, and only there (issue 11, item 8).
 */
class FundIdUpcasterTest {

    static final Serializer SERIALIZER = StoredForm.serializer();

    static Object readIn(String countyCode, String type, String revision, String payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Fund", "FUND-2016-COUNTY", 0, "event-1",
                "2016-04-12T02:30:00Z", type, revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        SerializedObject<?> data = Upcasters.chain(SERIALIZER, countyCode)
                .upcast(java.util.stream.Stream.of(new InitialEventRepresentation(entry, SERIALIZER)))
                .toList().get(0).getData();
        return SERIALIZER.deserialize(data);
    }

    @Test
    void aFundIdOfRevisionOneGetsTheCountyOfTheLedgerReadingIt() {
        String stored = "{\"amountFen\":100,\"availableFen\":0,\"fundId\":\"FUND-2016-COUNTY\",\"projectId\":\"PRJ-1\","
                + "\"reservedTotalFen\":100}";

        assertThat(readIn("510824", "cn.fupin.ledger.shared.fund.FundsReservedEvent", "1", stored))
                .isEqualTo(new FundsReservedEvent("FUND-510824-2016-COUNTY", "PRJ-1", 100, 100, 0));
        assertThat(readIn("510802", "cn.fupin.ledger.shared.fund.FundsReservedEvent", "1", stored))
                .isEqualTo(new FundsReservedEvent("FUND-510802-2016-COUNTY", "PRJ-1", 100, 100, 0));
    }

    @Test
    void fundIdsInsideListsAreReadWithTheCountyAndOtherTextIsLeftAsStored() {
        String stored = "{\"amountFen\":300,\"cardNo\":null,\"disbursementId\":\"DSB-1\",\"fromFunds\":["
                + "{\"amountFen\":200,\"fundId\":\"FUND-2016-CENTRAL\"},{\"amountFen\":100,\"fundId\":\"FUND-2016-COUNTY\"}],"
                + "\"payeeKind\":\"VILLAGE\",\"projectId\":\"PRJ-1\",\"reason\":\"退回FUND-2016-COUNTY\","
                + "\"reversedBy\":\"approver\",\"villageCode\":\"510824100205\"}";

        DisbursementReversedEvent read = (DisbursementReversedEvent) readIn("510824",
                "cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent", "1", stored);

        assertThat(read.fromFunds()).containsExactly(new BudgetLine("FUND-510824-2016-CENTRAL", 200),
                new BudgetLine("FUND-510824-2016-COUNTY", 100));
        assertThat(read.reason()).isEqualTo("退回FUND-2016-COUNTY");
    }

    @Test
    void anIdOfTodaysShapeStoredInTheOldRevisionIsLeftAsItIs() {
        String stored = "{\"amountFen\":5,\"availableFen\":5,\"fundId\":\"FUND-510802-2016-COUNTY\",\"projectId\":\"PRJ-1\","
                + "\"reason\":\"ACCEPTED\",\"reservedTotalFen\":0}";

        assertThat(readIn("510824", "cn.fupin.ledger.shared.fund.FundReservationReleasedEvent", "1", stored))
                .isEqualTo(new FundReservationReleasedEvent("FUND-510802-2016-COUNTY", "PRJ-1", 5, "ACCEPTED", 0, 5));
    }

    @Test
    void aChainIsMadeOnlyForACountyCode() {
        assertThatThrownBy(() -> Upcasters.chain(SERIALIZER, "5108")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FundIdUpcaster.REVISION_BEFORE).hasSize(15);
    }
}
