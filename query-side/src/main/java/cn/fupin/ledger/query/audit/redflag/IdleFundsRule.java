package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IDLE_FUNDS (资金闲置): money appropriated to a fund and neither reserved nor paid after {@code idleDaysMedium}
 * (MEDIUM) or {@code idleDaysHigh} (HIGH) days of ledger time; and money reserved for a project and not paid after the
 * end of the project's planned end date (MEDIUM). A fund's reservations draw on its oldest appropriations first, and a
 * released reservation is idle again; so the idle money is the newest part of what was appropriated, and its age is
 * that of the oldest appropriation not wholly drawn on.
 */
final class IdleFundsRule implements RedFlagRule {

    static final String RULE = "IDLE_FUNDS";

    private record Appropriation(String eventId, Instant at, long amountFen) {
    }

    /** A fund's appropriations in order, and what of it is reserved or paid (reservations less releases), in fen. */
    private static final class Fund {
        final List<Appropriation> appropriations = new ArrayList<>();
        long drawnFen;
    }

    /** A project's planned end, and what it holds reserved and not paid, in fen. */
    private static final class Project {
        LocalDate endDate;
        String proposedEventId;
        long unpaidFen;
        final List<String> reservations = new ArrayList<>();
    }

    private final RedFlagSettings settings;
    private final Map<String, Fund> funds = new LinkedHashMap<>();
    private final Map<String, Project> projects = new LinkedHashMap<>();

    IdleFundsRule(RedFlagSettings settings) {
        this.settings = settings;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof FundsAppropriatedEvent e) {
            fund(e.fundId()).appropriations.add(new Appropriation(event.eventId(), event.timestamp(), e.amountFen()));
        } else if (payload instanceof FundsReservedEvent e) {
            fund(e.fundId()).drawnFen += e.amountFen();
            Project project = project(e.projectId());
            project.unpaidFen += e.amountFen();
            project.reservations.add(event.eventId());
        } else if (payload instanceof FundReservationReleasedEvent e) {
            fund(e.fundId()).drawnFen -= e.amountFen();
            project(e.projectId()).unpaidFen -= e.amountFen();
        } else if (payload instanceof FundsDisbursedEvent e) {
            project(e.projectId()).unpaidFen -= e.amountFen();
        } else if (payload instanceof FundDisbursementReversedEvent e) {
            project(e.projectId()).unpaidFen += e.amountFen();
        } else if (payload instanceof ProjectProposedEvent e) {
            Project project = project(e.projectId());
            project.endDate = e.endDate();
            project.proposedEventId = event.eventId();
        }
    }

    private Fund fund(String fundId) {
        return funds.computeIfAbsent(fundId, id -> new Fund());
    }

    private Project project(String projectId) {
        return projects.computeIfAbsent(projectId, id -> new Project());
    }

    @Override
    public List<Finding> findings(Instant now) {
        List<Finding> findings = new ArrayList<>();
        funds.forEach((fundId, fund) -> idle(fundId, fund, now, findings));
        projects.forEach((projectId, project) -> {
            if (project.endDate == null || project.unpaidFen <= 0) {
                return;
            }
            Instant ended = project.endDate.plusDays(1).atStartOfDay(RedFlagSettings.CHINA).toInstant();
            if (now.isAfter(ended)) {
                List<String> evidence = new ArrayList<>();
                evidence.add(project.proposedEventId);
                evidence.addAll(project.reservations);
                findings.add(new Finding(RULE, Severity.MEDIUM, projectId, "past-end", Money.yuan(project.unpaidFen)
                        + " reserved for the project is unpaid after its planned end date " + project.endDate, ended,
                        evidence));
            }
        });
        return findings;
    }

    /** The fund's idle money by age: the appropriations not wholly drawn on, the oldest drawn first. */
    private void idle(String fundId, Fund fund, Instant now, List<Finding> findings) {
        long drawn = fund.drawnFen;
        long overMediumFen = 0;
        long overHighFen = 0;
        Instant oldest = null;
        List<String> evidence = new ArrayList<>();
        for (Appropriation appropriation : fund.appropriations) {
            long idleFen = Math.max(0, appropriation.amountFen() - Math.max(0, drawn));
            drawn -= appropriation.amountFen();
            if (idleFen == 0) {
                continue;
            }
            long days = Duration.between(appropriation.at(), now).toDays();
            if (days >= settings.idleDaysMedium()) {
                overMediumFen += idleFen;
                evidence.add(appropriation.eventId());
                oldest = oldest == null ? appropriation.at() : oldest;
            }
            if (days >= settings.idleDaysHigh()) {
                overHighFen += idleFen;
            }
        }
        if (overMediumFen == 0) {
            return;
        }
        boolean high = overHighFen > 0;
        int threshold = high ? settings.idleDaysHigh() : settings.idleDaysMedium();
        String summary = Money.yuan(overMediumFen) + " appropriated is neither reserved nor paid after "
                + settings.idleDaysMedium() + " days" + (high ? ", of which " + Money.yuan(overHighFen) + " after "
                + settings.idleDaysHigh() + " days" : "");
        findings.add(new Finding(RULE, high ? Severity.HIGH : Severity.MEDIUM, fundId, Integer.toString(threshold),
                summary, oldest.plus(Duration.ofDays(threshold)), evidence));
    }
}
