package cn.fupin.ledger.query.project;

import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.FindProjectStartYearsQuery;
import cn.fupin.ledger.shared.project.FindProjectsQuery;
import cn.fupin.ledger.shared.project.FindProjectSummariesQuery;
import cn.fupin.ledger.shared.project.FindProjectsStartingInQuery;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import cn.fupin.ledger.shared.project.ProjectView;
import cn.fupin.ledger.shared.workarea.WorkArea;
import cn.fupin.ledger.shared.workarea.WorkAreas;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers project queries from the project read model, naming work areas, villages and townships. */
@Component
class ProjectQueries {

    /** Ids per query when the rows of many projects are read at once: well below any database's limit. */
    private static final int IDS_PER_QUERY = 500;

    private final ProjectRepository projects;
    private final ProjectBudgetLineRepository lines;
    private final ProjectStepRepository steps;
    private final Gazetteer gazetteer;
    private final WorkAreas workAreas;

    ProjectQueries(ProjectRepository projects, ProjectBudgetLineRepository lines, ProjectStepRepository steps,
                   Gazetteer gazetteer, WorkAreas workAreas) {
        this.projects = projects;
        this.lines = lines;
        this.steps = steps;
        this.gazetteer = gazetteer;
        this.workAreas = workAreas;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<ProjectView> handle(FindProjectsQuery query) {
        return views(projects.find(query.townshipCode(), query.villageCode(), query.status(), query.afterId(),
                query.limit() == null ? Limit.unlimited() : Limit.of(query.limit())));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<ProjectSummaryView> handle(FindProjectsStartingInQuery query) {
        return summaries(projects.findStartingBetween(LocalDate.of(query.year(), 1, 1),
                LocalDate.of(query.year() + 1, 1, 1)));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<Integer> handle(FindProjectStartYearsQuery query) {
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        projects.startDates().forEach(date -> years.add(date.getYear()));
        return List.copyOf(years);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<ProjectView> handle(FindProjectQuery query) {
        return projects.findById(query.projectId()).map(project -> views(List.of(project)).get(0));
    }

    /**
     * The projects of a township, a village or some ids, without their steps: a grant project's thousands of payment
     * steps are counted by the database ({@link ProjectStepRepository#paidPayments}), never read.
     */
    @QueryHandler
    @Transactional(readOnly = true)
    public List<ProjectSummaryView> handle(FindProjectSummariesQuery query) {
        List<ProjectEntity> found;
        if (query.projectIds() != null) {
            found = new ArrayList<>();
            List<String> ids = query.projectIds().stream().distinct().toList();
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                found.addAll(projects.findByProjectIdInOrderByProjectId(
                        ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))));
            }
            found = found.stream()
                    .filter(p -> (query.townshipCode() == null || query.townshipCode().equals(p.townshipCode()))
                            && (query.villageCode() == null || query.villageCode().equals(p.villageCode())))
                    .sorted(Comparator.comparing(ProjectEntity::projectId))
                    .toList();
        } else {
            found = projects.findOfPlace(query.townshipCode(), query.villageCode());
        }
        return summaries(found);
    }

    /** The projects without their steps, in their order, each with its payments counted by the database. */
    private List<ProjectSummaryView> summaries(List<ProjectEntity> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> ids = found.stream().map(ProjectEntity::projectId).toList();
        Map<String, List<BudgetLine>> budgets = budgets(ids);
        Map<String, Long> paidPayments = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            for (Object[] row : steps.paidPayments(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))) {
                paidPayments.put((String) row[0], row[1] == null ? 0L : ((Number) row[1]).longValue());
            }
        }
        return found.stream()
                .map(p -> new ProjectSummaryView(p.projectId(), p.name(),
                        workAreas.find(p.workArea()).map(WorkArea::name).orElse(null),
                        p.villageCode(), gazetteer.village(p.villageCode()).map(Place::name).orElse(null),
                        p.townshipCode(), gazetteer.township(p.townshipCode()).map(Place::name).orElse(null),
                        p.beneficiary(), budgets.getOrDefault(p.projectId(), List.of()), p.budgetTotalFen(),
                        p.paidFen(), paidPayments.getOrDefault(p.projectId(), 0L), p.implementer(), p.supervisor(),
                        p.startDate(), p.endDate(), p.expectedHouseholds(), p.expectedPeople(), p.description(),
                        p.benefitMechanism(), p.subsidyStandard(), p.personInCharge(), p.supervisionPhone(),
                        p.villagersMeeting(), p.status(), p.approvalDocNo()))
                .toList();
    }

    private Map<String, List<BudgetLine>> budgets(List<String> ids) {
        Map<String, List<BudgetLine>> budgets = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            for (ProjectBudgetLineEntity line : lines.findByProjectIdInOrderByProjectIdAscLineNoAsc(
                    ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))) {
                budgets.computeIfAbsent(line.projectId(), id -> new ArrayList<>())
                        .add(new BudgetLine(line.fundId(), line.amountFen()));
            }
        }
        return budgets;
    }

    /** The views of the projects, in their order; budget lines and steps are read for all of them at once. */
    private List<ProjectView> views(List<ProjectEntity> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> ids = found.stream().map(ProjectEntity::projectId).toList();
        Map<String, List<BudgetLine>> budgets = new HashMap<>();
        for (ProjectBudgetLineEntity line : lines.findByProjectIdInOrderByProjectIdAscLineNoAsc(ids)) {
            budgets.computeIfAbsent(line.projectId(), id -> new ArrayList<>())
                    .add(new BudgetLine(line.fundId(), line.amountFen()));
        }
        Map<String, List<ProjectView.Step>> histories = new HashMap<>();
        for (ProjectStepEntity step : steps.findByProjectIdInOrderByProjectIdAscSequenceNumberAsc(ids)) {
            histories.computeIfAbsent(step.projectId(), id -> new ArrayList<>())
                    .add(new ProjectView.Step(step.step(), step.status(), step.actor(), step.recordedAt(), step.detail()));
        }
        return found.stream()
                .map(p -> new ProjectView(p.projectId(), p.name(), p.workArea(),
                        workAreas.find(p.workArea()).map(WorkArea::name).orElse(null),
                        p.villageCode(), gazetteer.village(p.villageCode()).map(Place::name).orElse(null),
                        p.townshipCode(), gazetteer.township(p.townshipCode()).map(Place::name).orElse(null),
                        p.beneficiary(), List.copyOf(budgets.getOrDefault(p.projectId(), List.of())),
                        p.budgetTotalFen(), p.reservedFen(), p.pendingFen(), p.paidFen(), p.implementer(),
                        p.supervisor(), p.startDate(), p.endDate(), p.expectedHouseholds(), p.expectedPeople(),
                        p.description(), p.benefitMechanism(), p.subsidyStandard(), p.personInCharge(),
                        p.supervisionPhone(), p.villagersMeeting(), p.status(), p.competitionId(),
                        p.approvalDocNo(), p.proposedBy(), p.approvedBy(), List.copyOf(histories.getOrDefault(p.projectId(), List.of()))))
                .toList();
    }
}
