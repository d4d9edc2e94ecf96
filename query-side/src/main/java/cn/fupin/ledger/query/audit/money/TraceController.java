package cn.fupin.ledger.query.audit.money;

import cn.fupin.ledger.query.audit.AuditCsv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Follow the money (auditors): {@code GET /api/audit/trace?from=<appropriation document number, appropriation id or
 * fund id>} or {@code ?to=<household card or village code>}, JSON or CSV of the steps. Built by one walk over the
 * events ({@link MoneyTraces}, which the auditor's screen asks too), not from the read models; exactly one of
 * {@code from} and {@code to}.
 */
@RestController
class TraceController {

    private final MoneyTraces traces;

    TraceController(MoneyTraces traces) {
        this.traces = traces;
    }

    @GetMapping("/api/audit/trace")
    ResponseEntity<?> trace(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestHeader(value = "Accept", required = false) String accept) {
        TraceView view = traces.trace(from, to);
        if (AuditCsv.wanted(accept)) {
            return ResponseEntity.ok().contentType(AuditCsv.TEXT_CSV).body(AuditCsv.of(TraceStep.CSV_HEADER,
                    view.steps().stream().map(TraceStep::cells).toList()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
    }
}
