package cn.fupin.ledger.query.audit.reconciliation;

import cn.fupin.ledger.query.audit.redflag.RedFlagCsv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/reconciliation}: runs the reconciliation now and answers it as JSON, or its differences as CSV
 * with {@code Accept: text/csv}. AUDITOR only (SecurityConfiguration, {@code /api/audit/**}).
 */
@RestController
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/api/audit/reconciliation")
    ResponseEntity<?> reconciliation(@RequestHeader(value = "Accept", required = false) String accept) {
        ReconciliationView view = reconciliation.run();
        if (accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(RedFlagCsv.TEXT_CSV) && !type.isWildcardType())) {
            return ResponseEntity.ok().contentType(RedFlagCsv.TEXT_CSV).body(ReconciliationCsv.of(view.differences()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
    }
}
