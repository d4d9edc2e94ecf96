package cn.fupin.ledger.shared.stored;

import cn.fupin.ledger.shared.fund.FundId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Fund ids carry the county's code from step 5 on ({@code FUND-2015-COUNTY} became {@code FUND-510824-2015-COUNTY}).
 * Every event type that names a fund moved up one revision with it; this upcaster reads the revision before: each
 * {@code fundId} in the payload, at any depth (budget lines, the funds a payment came from), of the old shape gets the
 * code of the county this ledger serves ({@link FundId#withCounty}); nothing else changes. The stored bytes stay as
 * they were written. The stored type names are written out, not taken from the classes: they name what was stored.
 */
final class FundIdUpcaster extends SingleEventUpcaster {

    /** Each type that names a fund, with the revision it had before fund ids carried the county. */
    static final Map<String, String> REVISION_BEFORE = Map.ofEntries(
            Map.entry("cn.fupin.ledger.shared.competition.CompetitionOpenedEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.fund.FundsAppropriatedEvent", "2"),
            Map.entry("cn.fupin.ledger.shared.fund.FundsReservedEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.fund.FundReservationReleasedEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.fund.FundsDisbursedEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.project.ProjectProposedEvent", "2"),
            Map.entry("cn.fupin.ledger.shared.project.ProjectApprovedEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.project.ProjectCancelledEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.project.ProjectAcceptedEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.project.ProjectPaymentRequestedEvent", "1"),
            Map.entry("cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent", "1"));

    private final String countyCode;

    FundIdUpcaster(String countyCode) {
        if (countyCode == null || !countyCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("the fund ids of stored events are read for a county's 6-digit code");
        }
        this.countyCode = countyCode;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String before = REVISION_BEFORE.get(event.getType().getName());
        return before != null && before.equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String type = event.getType().getName();
        String next = String.valueOf(Integer.parseInt(event.getType().getRevision()) + 1);
        return event.upcastPayload(new SimpleSerializedType(type, next), JsonNode.class, payload -> {
            JsonNode upcast = payload.deepCopy();
            withCounty(upcast);
            return upcast;
        });
    }

    private void withCounty(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode fundId = object.get("fundId");
            if (fundId != null && fundId.isTextual()) {
                object.put("fundId", FundId.withCounty(fundId.asText(), countyCode));
            }
            object.forEach(this::withCounty);
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::withCounty);
        }
    }
}
