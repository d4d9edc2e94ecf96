package cn.fupin.ledger.query.audit.asof;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
import cn.fupin.ledger.shared.journal.Posting;
import cn.fupin.ledger.shared.journal.Postings;
import cn.fupin.ledger.shared.journal.TrialBalanceView;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectCompletedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentRequestedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProjectRejectedEvent;
import cn.fupin.ledger.shared.project.ProjectSelectedEvent;
import cn.fupin.ledger.shared.project.ProjectStartedEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger's state as of an instant, folded from the events recorded (ledger time) at or before it: the trial
 * balance (by the journal's own posting rules, {@link Postings#of}), each fund's balances, each project's state and
 * amounts, and grant coverage per village and township. The funds, projects and coverage follow the rules of their
 * read models (fund, project and coverage projections), so that as of now they say what those say.
 */
final class LedgerAsOf {

    private final Instant asOf;
    private final Map<String, Long> accounts = new TreeMap<>();
    private final Map<String, Fund> funds = new TreeMap<>();
    private final Map<String, Project> projects = new TreeMap<>();
    private final Map<String, Household> households = new HashMap<>();
    /** Unreversed grants: disbursement id → card and amount. */
    private final Map<String, Grant> grants = new HashMap<>();

    private static final class Fund {
        int fiscalYear;
        String source;
        long appropriatedFen;
        long reservedFen;
        long disbursedFen;
    }

    private static final class Project {
        String name;
        String villageCode;
        String townshipCode;
        long budgetTotalFen;
        ProjectStatus status = ProjectStatus.PROPOSED;
        long reservedFen;
        long pendingFen;
        long paidFen;
    }

    private static final class Household {
        String villageCode;
        String townshipCode;
        boolean registered = true;
    }

    private record Grant(String cardNo, long amountFen) {
    }

    LedgerAsOf(Instant asOf) {
        this.asOf = asOf;
    }

    /** Folds the event in when it was recorded at or before the instant; ignores it otherwise. */
    void accept(LedgerEvent event) {
        if (event.timestamp().isAfter(asOf)) {
            return;
        }
        Object payload = event.payload();
        for (Posting posting : Postings.of(payload, event.timestamp())) {
            accounts.merge(posting.account(), posting.amountFen(), Math::addExact);
        }
        fund(payload);
        project(payload);
        coverage(payload);
    }

    private void fund(Object payload) {
        if (payload instanceof FundsAppropriatedEvent e) {
            Fund fund = funds.computeIfAbsent(e.fundId(), id -> new Fund());
            fund.fiscalYear = e.fiscalYear();
            fund.source = e.source().name();
            fund.appropriatedFen += e.amountFen();
        } else if (payload instanceof FundsReservedEvent e) {
            fundOf(e.fundId()).reservedFen += e.amountFen();
        } else if (payload instanceof FundReservationReleasedEvent e) {
            fundOf(e.fundId()).reservedFen -= e.amountFen();
        } else if (payload instanceof FundsDisbursedEvent e) {
            paid(fundOf(e.fundId()), e.amountFen());
        } else if (payload instanceof FundDisbursementReversedEvent e) {
            paid(fundOf(e.fundId()), -e.amountFen());
        }
    }

    private Fund fundOf(String fundId) {
        return funds.computeIfAbsent(fundId, id -> new Fund());
    }

    private static void paid(Fund fund, long fen) {
        fund.reservedFen -= fen;
        fund.disbursedFen += fen;
    }

    private void project(Object payload) {
        if (payload instanceof ProjectProposedEvent e) {
            Project project = projects.computeIfAbsent(e.projectId(), id -> new Project());
            project.name = e.name();
            project.villageCode = e.villageCode();
            project.townshipCode = e.townshipCode();
            project.budgetTotalFen = e.budgetTotalFen();
        } else if (payload instanceof ProjectSelectedEvent e) {
            status(e.projectId(), ProjectStatus.SELECTED);
        } else if (payload instanceof ProjectRejectedEvent e) {
            status(e.projectId(), ProjectStatus.REJECTED);
        } else if (payload instanceof ProjectApprovedEvent e) {
            Project project = status(e.projectId(), ProjectStatus.APPROVED);
            project.reservedFen = e.reserved().stream().mapToLong(BudgetLine::amountFen).sum();
        } else if (payload instanceof ProjectStartedEvent e) {
            status(e.projectId(), ProjectStatus.IMPLEMENTING);
        } else if (payload instanceof ProjectCompletedEvent e) {
            status(e.projectId(), ProjectStatus.COMPLETED);
        } else if (payload instanceof ProjectAcceptedEvent e) {
            status(e.projectId(), ProjectStatus.ACCEPTED).reservedFen = 0;
        } else if (payload instanceof ProjectCancelledEvent e) {
            status(e.projectId(), ProjectStatus.CANCELLED).reservedFen = 0;
        } else if (payload instanceof ProjectPaymentRequestedEvent e) {
            projectOf(e.projectId()).pendingFen += e.amountFen();
        } else if (payload instanceof ProjectPaymentSettledEvent e) {
            Project project = projectOf(e.projectId());
            switch (e.outcome()) {
                case "APPROVED" -> {
                    project.pendingFen -= e.amountFen();
                    project.paidFen += e.amountFen();
                    project.reservedFen -= e.amountFen();
                }
                case "REJECTED" -> project.pendingFen -= e.amountFen();
                case "REVERSED" -> {
                    project.paidFen -= e.amountFen();
                    project.reservedFen += e.amountFen();
                }
                default -> throw new IllegalStateException("unknown payment outcome " + e.outcome());
            }
        }
    }

    private Project projectOf(String projectId) {
        return projects.computeIfAbsent(projectId, id -> new Project());
    }

    private Project status(String projectId, ProjectStatus status) {
        Project project = projectOf(projectId);
        project.status = status;
        return project;
    }

    private void coverage(Object payload) {
        if (payload instanceof HouseholdRegisteredEvent e) {
            households.computeIfAbsent(e.cardNo(), card -> {
                Household household = new Household();
                household.villageCode = e.villageCode();
                household.townshipCode = e.townshipCode();
                return household;
            });
        } else if (payload instanceof HouseholdVillageCorrectedEvent e && households.containsKey(e.cardNo())) {
            // From its correction on, the household counts in its new village (and township), as coverage does now.
            households.get(e.cardNo()).villageCode = e.villageCode();
            households.get(e.cardNo()).townshipCode = e.townshipCode();
        } else if (payload instanceof HouseholdExitedEvent e && households.containsKey(e.cardNo())) {
            households.get(e.cardNo()).registered = false;
        } else if (payload instanceof HouseholdReturnedEvent e && households.containsKey(e.cardNo())) {
            households.get(e.cardNo()).registered = true;
        } else if (payload instanceof DisbursementApprovedEvent e && e.payeeKind() == PayeeKind.HOUSEHOLD) {
            grants.putIfAbsent(e.disbursementId(), new Grant(e.cardNo(), e.amountFen()));
        } else if (payload instanceof DisbursementReversedEvent e && e.payeeKind() == PayeeKind.HOUSEHOLD) {
            grants.remove(e.disbursementId());
        }
    }

    Instant asOf() {
        return asOf;
    }

    TrialBalanceView trialBalance() {
        List<TrialBalanceView.AccountBalance> balances = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> account : accounts.entrySet()) {
            balances.add(new TrialBalanceView.AccountBalance(account.getKey(), account.getValue()));
            total = Math.addExact(total, account.getValue());
        }
        return new TrialBalanceView(asOf, List.copyOf(balances), total);
    }

    List<FundView> funds() {
        List<FundView> views = new ArrayList<>();
        funds.forEach((fundId, f) -> views.add(new FundView(fundId, f.fiscalYear,
                f.source == null ? null : cn.fupin.ledger.shared.fund.FundSource.valueOf(f.source), f.appropriatedFen,
                f.reservedFen, f.disbursedFen, f.appropriatedFen - f.reservedFen - f.disbursedFen)));
        return views;
    }

    List<ProjectAsOf> projects() {
        List<ProjectAsOf> views = new ArrayList<>();
        projects.forEach((projectId, p) -> views.add(new ProjectAsOf(projectId, p.name, p.villageCode,
                p.townshipCode, p.status, p.budgetTotalFen, p.reservedFen, p.pendingFen, p.paidFen)));
        return views;
    }

    /** Coverage of the townships and villages with registered households: each level's rows, townships first. */
    List<CoverageAsOf> coverage() {
        Map<String, long[]> townships = new TreeMap<>();
        Map<String, long[]> villages = new TreeMap<>();
        Map<String, long[]> byCard = new HashMap<>();
        grants.values().forEach(grant -> {
            long[] paid = byCard.computeIfAbsent(grant.cardNo(), card -> new long[2]);
            paid[0]++;
            paid[1] += grant.amountFen();
        });
        households.forEach((cardNo, household) -> {
            if (!household.registered) {
                return;
            }
            long[] paid = byCard.getOrDefault(cardNo, new long[2]);
            for (long[] counts : List.of(townships.computeIfAbsent(household.townshipCode, c -> new long[3]),
                    villages.computeIfAbsent(household.villageCode, c -> new long[3]))) {
                counts[0]++;
                counts[1] += paid[0] > 0 ? 1 : 0;
                counts[2] += paid[1];
            }
        });
        List<CoverageAsOf> rows = new ArrayList<>();
        townships.forEach((code, c) -> rows.add(new CoverageAsOf("TOWNSHIP", code, c[0], c[1], c[2])));
        villages.forEach((code, c) -> rows.add(new CoverageAsOf("VILLAGE", code, c[0], c[1], c[2])));
        return rows;
    }

    /** A project as of the instant; amounts in fen, as the project read model counts them. */
    record ProjectAsOf(String projectId, String name, String villageCode, String townshipCode, ProjectStatus status,
                       long budgetTotalFen, long reservedFen, long pendingFen, long paidFen) {
    }

    /** Grant coverage of one place as of the instant: registered households, those granted, and the sum in fen. */
    record CoverageAsOf(String level, String code, long registered, long granted, long grantedFen) {
    }
}
