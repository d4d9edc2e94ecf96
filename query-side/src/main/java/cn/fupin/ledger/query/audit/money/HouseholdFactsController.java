package cn.fupin.ledger.query.audit.money;

import cn.fupin.ledger.query.audit.AuditCsv;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A household's page of facts for auditors: {@code GET /api/audit/households/{cardNo}}, JSON or CSV, from one walk
 * over the events ({@link MoneyTraces}, not the household read model), personal data masked. Viewing it records nothing: it shows no
 * unmasked personal data.
 */
@RestController
class HouseholdFactsController {

    private final MoneyTraces traces;

    HouseholdFactsController(MoneyTraces traces) {
        this.traces = traces;
    }

    /** The page: the card and its facts in the events' order. */
    record HouseholdFactsView(String cardNo, List<HouseholdFact> facts) {
    }

    @GetMapping("/api/audit/households/{cardNo}")
    ResponseEntity<?> facts(@PathVariable String cardNo,
                            @RequestHeader(value = "Accept", required = false) String accept) {
        List<HouseholdFact> facts = traces.householdFacts(cardNo);
        if (AuditCsv.wanted(accept)) {
            return ResponseEntity.ok().contentType(AuditCsv.TEXT_CSV).body(AuditCsv.of(HouseholdFact.CSV_HEADER,
                    facts.stream().map(HouseholdFact::cells).toList()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new HouseholdFactsView(cardNo.strip(), facts));
    }
}
