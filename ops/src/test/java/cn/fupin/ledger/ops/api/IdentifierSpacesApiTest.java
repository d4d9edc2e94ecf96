package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households.Row;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.fupin.ledger.ops.testing.Households.csv;
import static cn.fupin.ledger.ops.testing.Households.household;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of record has an identifier space of its own (issue 11, item 4): a household card number cannot be
 * another record's identifier, and no request reaches another kind's stream by naming its identifier. Before, a card
 * number equal to a village's code was registered into the village's stream, and a path naming a fund as a household
 * loaded the fund's events into a household (500). Households 9500-9599 belong to this class.
 */
@LedgerTest
class IdentifierSpacesApiTest extends LedgerApiTest {

    long rowsOfStream(String aggregateIdentifier) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateIdentifier);
    }

    @ParameterizedTest
    @ValueSource(strings = {"510824100001", "510824100", "510824", "FUND-2015-COUNTY", "PRJ-510824-1", "NTC-GL-1",
            "VIL-510824100001", "hh-9501"})
    void aRegisterRowWhoseCardNumberIsAnotherKindOfIdentifierIsRefusedAndNothingIsRecorded(String cardNo) {
        long before = rowsOfStream(cardNo);
        Row row = household(9501).withCardNo(cardNo);

        Api.Response response = api.as("clerk").postCsv("/api/households/imports", csv(household(9502), row));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("HOUSEHOLD_IMPORT_INVALID");
        JsonNode errors = response.json().path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).path("field").asText()).isEqualTo("cardNo");
        assertThat(rowsOfStream(cardNo)).isEqualTo(before);
        assertThat(rowsOfStream("HH-" + household(9502).cardNo())).isZero();
    }

    @Test
    void aHouseholdsEventsAreKeptInItsOwnSpaceAndAVillagesInItsOwn() {
        Row row = household(9510);
        assertThat(api.as("clerk").postCsv("/api/households/imports", csv(row)).status()).isEqualTo(200);
        Api.Response designated = api.as("clerk").post("/api/places/villages/510824100002/poor-designations",
                "{\"year\": 2031, \"documentNo\": \"苍扶贫〔2031〕1号\"}");
        assertThat(designated.status()).as(designated.toString()).isEqualTo(201);

        assertThat(rowsOfStream("HH-" + row.cardNo())).isEqualTo(1);
        assertThat(rowsOfStream(row.cardNo())).isZero();
        assertThat(rowsOfStream("VIL-510824100002")).isEqualTo(1);
        assertThat(rowsOfStream("510824100002")).isZero();
        List<String> unprefixed = jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                + "WHERE type IN ('Household', 'Village', 'Township')", String.class).stream()
                .filter(id -> !id.startsWith("HH-") && !id.startsWith("VIL-") && !id.startsWith("TWN-")).toList();
        assertThat(unprefixed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FUND-2015-COUNTY", "510824100002", "NTC-FA-1", "PRJ-510824-1"})
    void aPathNamingAnotherKindOfRecordAsAHouseholdFindsNoHouseholdAndRecordsNothing(String identifier) {
        api.as("clerk").post("/api/funds/appropriations", """
                {"fiscalYear": 2015, "source": "COUNTY", "amountFen": 100, "documentNo": "标识符〔2015〕1号"}
                """);
        api.as("clerk").post("/api/places/villages/510824100002/poor-designations",
                "{\"year\": 2032, \"documentNo\": \"苍扶贫〔2032〕1号\"}");
        long before = jdbc.queryForObject(StoredEvents.COUNT_EXCEPT_NOTICES, Long.class);

        Api.Response exit = api.as("clerk").post("/api/households/" + identifier + "/exit",
                "{\"year\": 2016, \"reason\": \"脱贫\"}");
        Api.Response read = api.as("auditor").get("/api/households/" + identifier);

        assertThat(exit.status()).as(exit.toString()).isIn(404, 422);
        assertThat(read.status()).as(read.toString()).isIn(404, 422);
        assertThat(jdbc.queryForObject(StoredEvents.COUNT_EXCEPT_NOTICES, Long.class)).isEqualTo(before);
    }
}
