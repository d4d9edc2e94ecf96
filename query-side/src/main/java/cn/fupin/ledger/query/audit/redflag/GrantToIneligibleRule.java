package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GRANT_TO_INELIGIBLE (虚报冒领, 非贫困户): a start-up grant paid to a household that, when the payment was approved,
 * was not on the register (no registration recorded), had exited it (脱贫退出, not returned since), or lived outside
 * the area of the project that paid it. A household project's area is its township, not only the village it is
 * recorded at: the county runs start-up grants as one project per township (乡镇建档; the demo does too), whose
 * location is one of its villages, so a village-by-village comparison would flag every grant of such a project. One
 * finding per grant and reason, about the household; severity HIGH for a household not on the register, MEDIUM
 * otherwise.
 */
final class GrantToIneligibleRule implements RedFlagRule {

    static final String RULE = "GRANT_TO_INELIGIBLE";

    private record Household(String townshipCode, boolean exited, String lastStatusEventId) {
    }

    private final Map<String, Household> households = new HashMap<>();
    private final Map<String, String> projectTownships = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof HouseholdRegisteredEvent e) {
            households.put(e.cardNo(), new Household(e.townshipCode(), false, event.eventId()));
        } else if (payload instanceof HouseholdExitedEvent e && households.containsKey(e.cardNo())) {
            households.put(e.cardNo(), new Household(households.get(e.cardNo()).townshipCode(), true, event.eventId()));
        } else if (payload instanceof HouseholdReturnedEvent e && households.containsKey(e.cardNo())) {
            households.put(e.cardNo(), new Household(households.get(e.cardNo()).townshipCode(), false, event.eventId()));
        } else if (payload instanceof ProjectProposedEvent e) {
            projectTownships.put(e.projectId(), e.townshipCode());
        } else if (payload instanceof DisbursementApprovedEvent e && e.payeeKind() == PayeeKind.HOUSEHOLD) {
            granted(event, e);
        }
    }

    private void granted(LedgerEvent event, DisbursementApprovedEvent grant) {
        Household household = households.get(grant.cardNo());
        String amount = Money.yuan(grant.amountFen());
        if (household == null) {
            add(event, grant, "NOT_REGISTERED", Severity.HIGH, "grant of " + amount + " paid to a household not on the register",
                    List.of(event.eventId()));
            return;
        }
        List<String> evidence = List.of(household.lastStatusEventId(), event.eventId());
        if (household.exited()) {
            add(event, grant, "EXITED", Severity.MEDIUM, "grant of " + amount + " paid to a household that had exited the "
                    + "register", evidence);
        }
        String projectTownship = projectTownships.get(grant.projectId());
        if (projectTownship != null && !projectTownship.equals(household.townshipCode())) {
            add(event, grant, "OUTSIDE_PROJECT", Severity.MEDIUM, "grant of " + amount + " from project "
                    + grant.projectId() + " of township " + projectTownship + " paid to a household of township "
                    + household.townshipCode(), evidence);
        }
    }

    /** A finding about the household, keyed by the grant and why ({@code DSB-…/EXITED}). */
    private void add(LedgerEvent event, DisbursementApprovedEvent grant, String why, Severity severity, String summary,
                     List<String> evidence) {
        findings.add(new Finding(RULE, severity, grant.cardNo(), grant.disbursementId() + "/" + why, summary,
                event.timestamp(), evidence));
    }

    @Override
    public List<Finding> findings(Instant now) {
        return List.copyOf(findings);
    }
}
