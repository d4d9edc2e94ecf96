package cn.fupin.ledger.query.audit.money;

import cn.fupin.ledger.query.audit.AuditCsv;
import cn.fupin.ledger.query.audit.LedgerEvents;
import cn.fupin.ledger.shared.common.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Follow the money (auditors): {@code GET /api/audit/trace?from=<appropriation document number, appropriation id or
 * fund id>} or {@code ?to=<household card or village code>}, JSON or CSV of the steps. Built by one walk over the
 * events ({@link LedgerEvents}), not from the read models; exactly one of {@code from} and {@code to}.
 */
@RestController
class TraceController {

    static final String RULE = "OLDEST_MONEY_FIRST";

    private final LedgerEvents events;

    TraceController(LedgerEvents events) {
        this.events = events;
    }

    @GetMapping("/api/audit/trace")
    ResponseEntity<?> trace(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestHeader(value = "Accept", required = false) String accept) {
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (hasFrom == hasTo) {
            throw Refusal.invalidField("TRACE_FROM_OR_TO", hasFrom ? "to" : "from",
                    "give exactly one of from (appropriation document or fund) and to (household card or village)");
        }
        MoneyTrail trail = new MoneyTrail();
        events.walk(-1, event -> {
            trail.accept(event);
            return true;
        });
        TraceView view = hasFrom ? from(trail, from.strip()) : to(trail, to.strip());
        if (AuditCsv.wanted(accept)) {
            return ResponseEntity.ok().contentType(AuditCsv.TEXT_CSV).body(AuditCsv.of(TraceStep.CSV_HEADER,
                    view.steps().stream().map(TraceStep::cells).toList()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
    }

    private static TraceView from(MoneyTrail trail, String from) {
        if (trail.knowsFund(from)) {
            return view("from", "FUND", from, trail, step -> from.equals(step.fundId()));
        }
        String appropriationId = trail.appropriationId(from);
        if (appropriationId == null) {
            throw Refusal.notFound("TRACE_SOURCE_NOT_FOUND", "no fund or appropriation document with this name");
        }
        return view("from", "APPROPRIATION", from, trail, step -> appropriationId.equals(step.appropriationId()));
    }

    private static TraceView to(MoneyTrail trail, String to) {
        Predicate<TraceStep> payment = step -> MoneyTrail.PAID.equals(step.step())
                || MoneyTrail.REVERSED.equals(step.step());
        if (trail.knowsHousehold(to)) {
            return view("to", "HOUSEHOLD", to, trail, payment.and(step -> "HOUSEHOLD".equals(step.payeeKind())
                    && to.equals(step.payee())));
        }
        if (trail.knowsVillage(to)) {
            return view("to", "VILLAGE", to, trail, payment.and(step -> "HOUSEHOLD".equals(step.payeeKind())
                    ? to.equals(trail.villageOf(step.payee())) : to.equals(step.payee())));
        }
        throw Refusal.notFound("TRACE_TARGET_NOT_FOUND", "no household card or village with this code");
    }

    private static TraceView view(String direction, String kind, String subject, MoneyTrail trail,
                                  Predicate<TraceStep> filter) {
        List<TraceStep> steps = trail.steps().stream().filter(filter).toList();
        Map<String, TraceView.Source> sources = new LinkedHashMap<>();
        for (TraceStep step : steps) {
            long signed = MoneyTrail.PAID.equals(step.step()) ? step.amountFen()
                    : MoneyTrail.REVERSED.equals(step.step()) ? -step.amountFen() : 0;
            if (signed == 0) {
                continue;
            }
            sources.merge(step.fundId() + "\n" + step.appropriationId(),
                    new TraceView.Source(step.fundId(), step.appropriationId(), step.documentNo(), signed),
                    (a, b) -> new TraceView.Source(a.fundId(), a.appropriationId(),
                            Objects.requireNonNullElse(a.documentNo(), b.documentNo()), a.paidNetFen() + b.paidNetFen()));
        }
        TraceTotals totals = "to".equals(direction) ? TraceTotals.ofPayments(steps) : TraceTotals.of(steps);
        return new TraceView(direction, kind, subject, RULE, totals, new ArrayList<>(sources.values()),
                steps);
    }
}
