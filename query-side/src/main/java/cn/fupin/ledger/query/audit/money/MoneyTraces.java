package cn.fupin.ledger.query.audit.money;

import cn.fupin.ledger.query.audit.LedgerEvents;
import cn.fupin.ledger.shared.common.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Follow the money, and a household's page of facts, each by one walk over the events ({@link LedgerEvents}), not
 * from the read models: what {@code GET /api/audit/trace} and {@code GET /api/audit/households/{cardNo}} answer, and
 * what the auditor's screens show, from the same code so the two never differ.
 */
@Component
public class MoneyTraces {

    static final String RULE = "OLDEST_MONEY_FIRST";

    private final LedgerEvents events;

    MoneyTraces(LedgerEvents events) {
        this.events = events;
    }

    /**
     * The trace from {@code from} (an appropriation document number, appropriation id or fund id) or to {@code to} (a
     * household card or village code): exactly one of them, else a refusal {@code TRACE_FROM_OR_TO}; one nobody
     * recorded is refused {@code TRACE_SOURCE_NOT_FOUND} or {@code TRACE_TARGET_NOT_FOUND}.
     */
    public TraceView trace(String from, String to) {
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
        return hasFrom ? from(trail, from.strip()) : to(trail, to.strip());
    }

    /**
     * The facts of the household with card {@code cardNo}, in the events' order, personal data masked; refused
     * {@code HOUSEHOLD_NOT_FOUND} when no registration of the card exists.
     */
    public List<HouseholdFact> householdFacts(String cardNo) {
        HouseholdFacts household = new HouseholdFacts(cardNo.strip());
        events.walk(-1, event -> {
            household.accept(event);
            return true;
        });
        if (!household.registered()) {
            throw Refusal.notFound("HOUSEHOLD_NOT_FOUND", "no household has this card number");
        }
        return household.facts();
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
