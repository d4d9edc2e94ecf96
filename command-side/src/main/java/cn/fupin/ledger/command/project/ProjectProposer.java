package cn.fupin.ledger.command.project;

import cn.fupin.ledger.command.place.Village;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProposeProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import cn.fupin.ledger.shared.workarea.WorkArea;
import cn.fupin.ledger.shared.workarea.WorkAreas;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Records a project proposal (申报). The proposal names other records the ledger holds, so it is decided here rather
 * than in the project: the work area and the village of the reference data, the funds of its budget lines, and the
 * village's poor-village designations (a public-service or infrastructure project goes to a poor village only;
 * DOMAIN.md, "Targeting" / 特惠). Every invalid field is named in one answer, not just the first.
 */
@Component
class ProjectProposer {

    static final int NAME_LENGTH_MAX = 200;
    static final int TEXT_LENGTH_MAX = 2000;
    static final int BUDGET_LINES_MAX = 7;
    private static final Pattern SUPERVISION_PHONE = Pattern.compile("[0-9+\\-() ]{3,20}");

    private final Configuration axon;
    private final EventStore eventStore;
    private final Gazetteer gazetteer;
    private final WorkAreas workAreas;

    ProjectProposer(Configuration axon, EventStore eventStore, Gazetteer gazetteer, WorkAreas workAreas) {
        this.axon = axon;
        this.eventStore = eventStore;
        this.gazetteer = gazetteer;
        this.workAreas = workAreas;
    }

    @CommandHandler
    void handle(ProposeProjectCommand command) {
        Objects.requireNonNull(command.projectId(), "a proposal carries the id it will be recorded under");
        Objects.requireNonNull(command.actor(), "a proposal carries who proposes it");
        List<FieldProblem> problems = new ArrayList<>();

        String name = requiredLine(command.name(), "name", "NAME", problems);
        Optional<WorkArea> workArea = workArea(command.workArea(), problems);
        village(command, problems);
        beneficiary(command.beneficiary(), workArea, problems);
        long budgetTotalFen = budget(command.budget(), problems);
        String implementer = requiredLine(command.implementer(), "implementer", "IMPLEMENTER", problems);
        String supervisor = requiredLine(command.supervisor(), "supervisor", "SUPERVISOR", problems);
        schedule(command.startDate(), command.endDate(), problems);
        if (command.expectedHouseholds() < 0) {
            problems.add(FieldProblem.of("expectedHouseholds", "EXPECTED_HOUSEHOLDS_NEGATIVE",
                    "the expected households are 0 or more"));
        }
        if (command.expectedPeople() != null && command.expectedPeople() < 0) {
            problems.add(FieldProblem.of("expectedPeople", "EXPECTED_PEOPLE_NEGATIVE", "the expected people are 0 or more"));
        }
        String description = optionalText(command.description(), "description", "DESCRIPTION", problems);
        String benefitMechanism = optionalText(command.benefitMechanism(), "benefitMechanism", "BENEFIT_MECHANISM", problems);
        String subsidyStandard = subsidyStandard(command, problems);
        String personInCharge = optionalText(command.personInCharge(), "personInCharge", "PERSON_IN_CHARGE", problems);
        String supervisionPhone = supervisionPhone(command.supervisionPhone(), problems);
        String villagersMeeting = optionalText(command.villagersMeeting(), "villagersMeeting", "VILLAGERS_MEETING", problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("PROJECT_INVALID",
                    "the project was not proposed: " + problems.size() + " field(s) are invalid", problems);
        }

        String villageCode = command.villageCode().value();
        String townshipCode = command.villageCode().township().value();
        if ("TOWNSHIP".equals(command.actor().role()) && !townshipCode.equals(command.actor().townshipCode())) {
            throw Refusal.forbidden("OTHER_TOWNSHIP", "a township proposes projects in its own township only");
        }
        String projectId = command.projectId().value();
        if (eventStore.lastSequenceNumberFor(projectId).isPresent()) {
            throw Refusal.conflict("PROJECT_EXISTS", "a project with this id is recorded already");
        }
        int year = command.startDate().getYear();
        if (workArea.orElseThrow().targets() == Beneficiary.VILLAGE && !isPoorVillage(villageCode, year)) {
            throw Refusal.conflict("VILLAGE_NOT_POOR", "the work area's funds go to poor villages, and the village is "
                    + "not designated a poor village for " + year);
        }

        ProjectProposedEvent proposal = new ProjectProposedEvent(projectId, name, workArea.get().code(), villageCode,
                townshipCode, command.beneficiary(), List.copyOf(command.budget()), budgetTotalFen, implementer, supervisor,
                command.startDate(), command.endDate(), command.expectedHouseholds(), command.expectedPeople(),
                description, benefitMechanism, subsidyStandard, command.subsidyStandardFen(), personInCharge,
                supervisionPhone, villagersMeeting, command.actor().username());
        try {
            axon.repository(Project.class).newInstance(() -> new Project(proposal));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not record the proposal of " + projectId, e);
        }
    }

    private boolean isPoorVillage(String villageCode, int year) {
        // A village that was never designated has no events, and is not a poor village in any year.
        String stream = VillageCode.streamIdOf(villageCode);
        return eventStore.lastSequenceNumberFor(stream).isPresent()
                && axon.repository(Village.class).load(stream).invoke(village -> village.isPoorIn(year));
    }

    private Optional<WorkArea> workArea(String code, List<FieldProblem> problems) {
        if (Text.isBlank(code)) {
            problems.add(FieldProblem.of("workArea", "WORK_AREA_REQUIRED", "a project belongs to a key work area"));
            return Optional.empty();
        }
        Optional<WorkArea> area = workAreas.find(code.strip());
        if (area.isEmpty()) {
            problems.add(FieldProblem.of("workArea", "WORK_AREA_UNKNOWN", "no key work area of the plan has this code"));
        }
        return area;
    }

    private void village(ProposeProjectCommand command, List<FieldProblem> problems) {
        if (command.villageCode() == null) {
            problems.add(FieldProblem.of("villageCode", "VILLAGE_CODE_REQUIRED", "a project is located in a village"));
        } else if (!gazetteer.hasVillage(command.villageCode().value())) {
            problems.add(FieldProblem.of("villageCode", "VILLAGE_NOT_FOUND", "no village of the county has this code"));
        }
    }

    private static void beneficiary(Beneficiary beneficiary, Optional<WorkArea> workArea, List<FieldProblem> problems) {
        if (beneficiary == null) {
            problems.add(FieldProblem.of("beneficiary", "BENEFICIARY_REQUIRED", "say whom the project's money reaches"));
        } else if (workArea.isPresent() && workArea.get().targets() != beneficiary) {
            problems.add(FieldProblem.of("beneficiary", "BENEFICIARY_MISMATCH",
                    "the funds of this work area go to " + workArea.get().targets()));
        }
    }

    /** Checks the budget lines and returns their total in fen (0 when the budget is invalid). */
    private long budget(List<BudgetLine> budget, List<FieldProblem> problems) {
        if (budget == null || budget.isEmpty()) {
            problems.add(FieldProblem.of("budget", "BUDGET_REQUIRED", "a project has at least one budget line"));
            return 0;
        }
        if (budget.size() > BUDGET_LINES_MAX) {
            // Each line is looked up in the event store: the bound keeps a proposal's work small.
            problems.add(FieldProblem.of("budget", "BUDGET_TOO_MANY_LINES",
                    "a project has at most " + BUDGET_LINES_MAX + " budget lines"));
            return 0;
        }
        Set<String> funds = new HashSet<>();
        long totalFen = 0;
        boolean overflow = false;
        for (int i = 0; i < budget.size(); i++) {
            BudgetLine line = budget.get(i);
            String field = "budget[" + i + "]";
            if (line == null) {
                problems.add(FieldProblem.of(field, "BUDGET_LINE_REQUIRED", "a budget line names a fund and an amount"));
                continue;
            }
            if (!isFund(line.fundId())) {
                problems.add(FieldProblem.of(field + ".fundId", "FUND_NOT_FOUND", "no fund has this id"));
            } else if (!funds.add(line.fundId())) {
                problems.add(FieldProblem.of(field + ".fundId", "DUPLICATE_BUDGET_LINE",
                        "the fund has a budget line of this project already"));
            }
            if (line.amountFen() <= 0) {
                problems.add(FieldProblem.of(field + ".amountFen", "AMOUNT_NOT_POSITIVE",
                        "a budget line is a positive number of fen"));
            } else if (!overflow) {
                try {
                    totalFen = Math.addExact(totalFen, line.amountFen());
                } catch (ArithmeticException e) {
                    overflow = true;
                    problems.add(FieldProblem.of("budget", "AMOUNT_OVERFLOW",
                            "the budget's total exceeds what the ledger can hold"));
                }
            }
        }
        return totalFen;
    }

    /** A well-formed fund id of a fund that has had an appropriation (a fund exists from its first one). */
    private boolean isFund(String fundId) {
        try {
            new FundId(fundId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return eventStore.lastSequenceNumberFor(fundId).isPresent();
    }

    private static void schedule(LocalDate startDate, LocalDate endDate, List<FieldProblem> problems) {
        boolean startValid = date(startDate, "startDate", "START_DATE", problems);
        boolean endValid = date(endDate, "endDate", "END_DATE", problems);
        if (startValid && endValid && endDate.isBefore(startDate)) {
            problems.add(FieldProblem.of("endDate", "SCHEDULE_INVALID", "a project ends on or after the day it starts"));
        }
    }

    private static boolean date(LocalDate date, String field, String code, List<FieldProblem> problems) {
        if (date == null) {
            problems.add(FieldProblem.of(field, code + "_REQUIRED", "a project has a schedule with both dates"));
            return false;
        }
        if (!FiscalYear.isValid(date.getYear())) {
            problems.add(FieldProblem.of(field, "SCHEDULE_INVALID", "the date is outside the years 2000-2100"));
            return false;
        }
        return true;
    }

    /** A required one-line text (a name printed on one line of a notice): its stripped form, or a problem. */
    private static String requiredLine(String text, String field, String code, List<FieldProblem> problems) {
        if (Text.isBlank(text)) {
            problems.add(FieldProblem.of(field, code + "_REQUIRED", "the " + field + " is required"));
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > NAME_LENGTH_MAX || Text.hasAnyControlCharacters(stripped)) {
            problems.add(FieldProblem.of(field, code + "_INVALID", "the " + field + " is longer than "
                    + NAME_LENGTH_MAX + " characters or holds control characters"));
            return null;
        }
        return stripped;
    }

    /** An optional text that may run over several lines: stripped, {@code null} when blank, or a problem. */
    private static String optionalText(String text, String field, String code, List<FieldProblem> problems) {
        if (Text.isBlank(text)) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > TEXT_LENGTH_MAX || Text.hasControlCharacters(stripped)) {
            problems.add(FieldProblem.of(field, code + "_INVALID", "the " + field + " is longer than "
                    + TEXT_LENGTH_MAX + " characters or holds control characters"));
            return null;
        }
        return stripped;
    }

    /**
     * The subsidy standard as the project's notice states it. A standard in fen ({@code subsidyStandardFen}) is a
     * household project's, per household, at least the minimum start-up grant (SUBSIDY_STANDARD_NOT_PER_HOUSEHOLD,
     * SUBSIDY_STANDARD_BELOW_MINIMUM); its words, "每户不超过3,000.00元", come first in the text, so that what the
     * public reads is the ceiling the ledger enforces on every grant of the project (ABOVE_SUBSIDY_STANDARD).
     */
    private static String subsidyStandard(ProposeProjectCommand command, List<FieldProblem> problems) {
        String text = optionalText(command.subsidyStandard(), "subsidyStandard", "SUBSIDY_STANDARD", problems);
        Long perHouseholdFen = command.subsidyStandardFen();
        if (perHouseholdFen == null) {
            return text;
        }
        if (command.beneficiary() != Beneficiary.HOUSEHOLDS) {
            problems.add(FieldProblem.of("subsidyStandardFen", "SUBSIDY_STANDARD_NOT_PER_HOUSEHOLD",
                    "a subsidy standard in fen is per household: only a household project has one"));
            return text;
        }
        if (perHouseholdFen < Money.STARTUP_GRANT_MIN_FEN) {
            problems.add(FieldProblem.of("subsidyStandardFen", "SUBSIDY_STANDARD_BELOW_MINIMUM",
                    "every household's start-up grant is at least " + Money.STARTUP_GRANT_MIN_FEN
                            + " fen (3,000 yuan), so the standard is too"));
            return text;
        }
        String stated = "每户不超过" + Money.yuan(perHouseholdFen) + (text == null ? "" : "；" + text);
        if (stated.length() > TEXT_LENGTH_MAX) {
            problems.add(FieldProblem.of("subsidyStandard", "SUBSIDY_STANDARD_INVALID", "the subsidyStandard with "
                    + "the standard in fen before it is longer than " + TEXT_LENGTH_MAX + " characters"));
            return null;
        }
        return stated;
    }

    /** The supervision phone printed on the project's notice: an office number of digits, +, -, () and spaces. */
    private static String supervisionPhone(String phone, List<FieldProblem> problems) {
        if (Text.isBlank(phone)) {
            return null;
        }
        String stripped = phone.strip();
        if (!SUPERVISION_PHONE.matcher(stripped).matches()) {
            problems.add(FieldProblem.of("supervisionPhone", "SUPERVISION_PHONE_INVALID",
                    "a phone number is 3 to 20 digits, spaces, +, - and brackets"));
            return null;
        }
        return stripped;
    }
}
