package cn.fupin.ledger.query.audit.money;

import cn.fupin.ledger.query.audit.AuditCsv;
import cn.fupin.ledger.query.audit.LedgerEvents;
import cn.fupin.ledger.shared.common.Refusal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A household's page of facts for auditors: {@code GET /api/audit/households/{cardNo}}, JSON or CSV, from one walk
 * over the events (not the household read model), personal data masked. Viewing it records nothing: it shows no
 * unmasked personal data.
 */
@RestController
class HouseholdFactsController {

    private final LedgerEvents events;

    HouseholdFactsController(LedgerEvents events) {
        this.events = events;
    }

    /** The page: the card and its facts in the events' order. */
    record HouseholdFactsView(String cardNo, List<HouseholdFact> facts) {
    }

    @GetMapping("/api/audit/households/{cardNo}")
    ResponseEntity<?> facts(@PathVariable String cardNo,
                            @RequestHeader(value = "Accept", required = false) String accept) {
        HouseholdFacts household = new HouseholdFacts(cardNo.strip());
        events.walk(-1, event -> {
            household.accept(event);
            return true;
        });
        if (!household.registered()) {
            throw Refusal.notFound("HOUSEHOLD_NOT_FOUND", "no household has this card number");
        }
        if (AuditCsv.wanted(accept)) {
            return ResponseEntity.ok().contentType(AuditCsv.TEXT_CSV).body(AuditCsv.of(HouseholdFact.CSV_HEADER,
                    household.facts().stream().map(HouseholdFact::cells).toList()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new HouseholdFactsView(cardNo.strip(), household.facts()));
    }
}
