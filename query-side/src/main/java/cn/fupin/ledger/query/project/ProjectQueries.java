package cn.fupin.ledger.query.project;

import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.FindProjectStartYearsQuery;
import cn.fupin.ledger.shared.project.FindProjectsQuery;
import cn.fupin.ledger.shared.project.FindProjectsStartingInQuery;
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
    public List<ProjectView> handle(FindProjectsStartingInQuery query) {
        return views(projects.findStartingBetween(LocalDate.of(query.year(), 1, 1),
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
