package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OVER_STANDARD (超标准): a start-up grant above its project's subsidy standard per household
 * ({@code subsidyStandardFen}, when the project states one), one finding per grant about the project (HIGH); and a
 * household paid more than the plan allows, which is one start-up grant per household (每户一次): more than one grant
 * paid and not reversed, one finding about the household (HIGH). The command side refuses both
 * (DUPLICATE_STARTUP_GRANT, the standard at request), so the rule proves them over the whole history.
 */
final class OverStandardRule implements RedFlagRule {

    static final String RULE = "OVER_STANDARD";

    private record Grant(String disbursementId, long amountFen, Instant at, String eventId) {
    }

    private final Map<String, Long> standards = new HashMap<>();
    private final Map<String, String> proposals = new HashMap<>();
    private final List<Finding> aboveStandard = new ArrayList<>();
    /** Each household's grants paid and not reversed, in order. */
    private final Map<String, List<Grant>> paid = new LinkedHashMap<>();

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof ProjectProposedEvent e) {
            proposals.put(e.projectId(), event.eventId());
            if (e.subsidyStandardFen() != null) {
                standards.put(e.projectId(), e.subsidyStandardFen());
            }
        } else if (payload instanceof DisbursementApprovedEvent e && e.payeeKind() == PayeeKind.HOUSEHOLD) {
            Long standard = standards.get(e.projectId());
            if (standard != null && e.amountFen() > standard) {
                aboveStandard.add(new Finding(RULE, Severity.HIGH, e.projectId(), e.disbursementId(), "grant of "
                        + Money.yuan(e.amountFen()) + " to household " + e.cardNo() + " is above the project's "
                        + "standard of " + Money.yuan(standard), event.timestamp(),
                        List.of(proposals.get(e.projectId()), event.eventId())));
            }
            paid.computeIfAbsent(e.cardNo(), card -> new ArrayList<>())
                    .add(new Grant(e.disbursementId(), e.amountFen(), event.timestamp(), event.eventId()));
        } else if (payload instanceof DisbursementReversedEvent e && e.payeeKind() == PayeeKind.HOUSEHOLD
                && paid.containsKey(e.cardNo())) {
            paid.get(e.cardNo()).removeIf(grant -> grant.disbursementId().equals(e.disbursementId()));
        }
    }

    @Override
    public List<Finding> findings(Instant now) {
        List<Finding> findings = new ArrayList<>(aboveStandard);
        paid.forEach((cardNo, grants) -> {
            if (grants.size() > 1) {
                long totalFen = grants.stream().mapToLong(Grant::amountFen).reduce(0, Math::addExact);
                findings.add(new Finding(RULE, Severity.HIGH, cardNo, "grants", grants.size() + " start-up grants "
                        + "paid to one household, together " + Money.yuan(totalFen) + "; the plan allows one",
                        grants.get(1).at(), grants.stream().map(Grant::eventId).toList()));
            }
        });
        return findings;
    }
}
