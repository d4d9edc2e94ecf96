package cn.fupin.ledger.query.project;

import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.FindProjectsQuery;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectCompletedEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProjectRejectedEvent;
import cn.fupin.ledger.shared.project.ProjectSelectedEvent;
import cn.fupin.ledger.shared.project.ProjectStartedEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSubmittedToCompetitionEvent;
import cn.fupin.ledger.shared.project.ProjectView;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import cn.fupin.ledger.shared.workarea.WorkAreas;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The project read model: each event of a project handed to the projection, read back through the query handlers.
 * Events arrive at least once, so the whole stream is also handed over twice.
 */
@DataJpaTest(showSql = false)
class ProjectProjectionTest {

    /** 金穗社区 of 陵江镇, and a village of 云峰镇. */
    static final String JINSUI = "510824100001";
    static final String YANFENGLOU = "510824102001";

    static final Instant T0 = Instant.parse("2071-03-01T08:00:00Z");

    @Autowired
    ProjectRepository projects;

    @Autowired
    ProjectBudgetLineRepository lines;

    @Autowired
    ProjectStepRepository steps;

    ProjectProjection projection;
    ProjectQueries queries;

    @BeforeEach
    void wire() {
        projection = new ProjectProjection(projects, lines, steps);
        queries = new ProjectQueries(projects, lines, steps, Gazetteer.forCounty("510824"), WorkAreas.standard());
    }

    static ProjectProposedEvent proposed(String projectId, String villageCode, List<BudgetLine> budget) {
        long total = budget.stream().mapToLong(BudgetLine::amountFen).sum();
        return new ProjectProposedEvent(projectId, "村道硬化 " + projectId, "ROADS", villageCode,
                villageCode.substring(0, 9), Beneficiary.VILLAGE, budget, total, "村民委员会", "镇人民政府",
                LocalDate.of(2071, 4, 1), LocalDate.of(2071, 10, 31), 42, 150, "硬化村道 3 公里", "方便出行",
                "每公里 50 万元", "王建国", "0839-5222222", "2071 年 2 月村民大会", "clerk");
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    ProjectView project(String projectId) {
        return queries.handle(new FindProjectQuery(projectId)).orElseThrow();
    }

    @Test
    void aProposedProjectShowsItsBudgetLinesPlacesAndWorkAreaByName() {
        projection.on(proposed("PRJ-T-1", JINSUI, List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 300L),
                new BudgetLine("FUND-510824-2071-COUNTY", 200L))), 0, at(0));

        ProjectView view = project("PRJ-T-1");
        assertThat(view.status()).isEqualTo(ProjectStatus.PROPOSED);
        assertThat(view.budget()).containsExactly(new BudgetLine("FUND-510824-2071-CENTRAL", 300L),
                new BudgetLine("FUND-510824-2071-COUNTY", 200L));
        assertThat(view.budgetTotalFen()).isEqualTo(500L);
        assertThat(view.reservedFen()).isZero();
        assertThat(view.workAreaName()).isEqualTo("村级道路畅通");
        assertThat(view.villageName()).isEqualTo("金穗社区居民委员会");
        assertThat(view.townshipCode()).isEqualTo("510824100");
        assertThat(view.townshipName()).isEqualTo("陵江镇");
        assertThat(view.startDate()).isEqualTo(LocalDate.of(2071, 4, 1));
        assertThat(view.supervisionPhone()).isEqualTo("0839-5222222");
        assertThat(view.history()).containsExactly(
                new ProjectView.Step("PROPOSED", ProjectStatus.PROPOSED, "clerk", at(0), null));
    }

    @Test
    void anUnknownProjectIsNotFound() {
        assertThat(queries.handle(new FindProjectQuery("PRJ-T-NONE"))).isEmpty();
    }

    @Nested
    class ALifeFromProposalToAcceptance {

        void replay() {
            projection.on(proposed("PRJ-T-2", JINSUI, List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 300L),
                    new BudgetLine("FUND-510824-2071-COUNTY", 200L))), 0, at(0));
            projection.on(new ProjectSubmittedToCompetitionEvent("PRJ-T-2", "CMP-T-1", "township"), 1, at(1));
            projection.on(new ProjectSelectedEvent("PRJ-T-2", "CMP-T-1", 1, 500L), 2, at(2), "approver");
            projection.on(new ProjectApprovedEvent("PRJ-T-2", "苍扶发〔2071〕3号",
                    List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 300L), new BudgetLine("FUND-510824-2071-COUNTY", 200L)),
                    "approver"), 3, at(3));
            projection.on(new ProjectStartedEvent("PRJ-T-2", "clerk"), 4, at(4));
            projection.on(new ProjectCompletedEvent("PRJ-T-2", "完工", "clerk"), 5, at(5));
        }

        @Test
        void approvalReservesTheSumOfTheLinesAndNamesItsDocument() {
            replay();

            ProjectView view = project("PRJ-T-2");
            assertThat(view.status()).isEqualTo(ProjectStatus.COMPLETED);
            assertThat(view.reservedFen()).isEqualTo(500L);
            assertThat(view.competitionId()).isEqualTo("CMP-T-1");
            assertThat(view.approvalDocNo()).isEqualTo("苍扶发〔2071〕3号");
            assertThat(view.approvedBy()).isEqualTo("approver");
        }

        @Test
        void acceptanceReleasesWhatWasReservedAndEveryStepIsInTheHistory() {
            replay();
            projection.on(new ProjectAcceptedEvent("PRJ-T-2", "合格", List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 300L),
                    new BudgetLine("FUND-510824-2071-COUNTY", 200L)), "auditor"), 6, at(6));

            ProjectView view = project("PRJ-T-2");
            assertThat(view.status()).isEqualTo(ProjectStatus.ACCEPTED);
            assertThat(view.reservedFen()).isZero();
            assertThat(view.history()).extracting(ProjectView.Step::step, ProjectView.Step::status,
                    ProjectView.Step::actor, ProjectView.Step::at, ProjectView.Step::detail).containsExactly(
                    tuple("PROPOSED", ProjectStatus.PROPOSED, "clerk", at(0), null),
                    tuple("SUBMITTED", ProjectStatus.PROPOSED, "township", at(1), "CMP-T-1"),
                    tuple("SELECTED", ProjectStatus.SELECTED, "approver", at(2), "CMP-T-1: rank 1, awarded 500 fen"),
                    tuple("APPROVED", ProjectStatus.APPROVED, "approver", at(3), "苍扶发〔2071〕3号"),
                    tuple("STARTED", ProjectStatus.IMPLEMENTING, "clerk", at(4), null),
                    tuple("COMPLETED", ProjectStatus.COMPLETED, "clerk", at(5), "完工"),
                    tuple("ACCEPTED", ProjectStatus.ACCEPTED, "auditor", at(6), "合格"));
        }

        @Test
        void theWholeStreamDeliveredTwiceLeavesTheSameProject() {
            replay();
            ProjectView once = project("PRJ-T-2");
            replay();

            assertThat(project("PRJ-T-2")).isEqualTo(once);
            assertThat(once.history()).hasSize(6);
            assertThat(once.budget()).hasSize(2);
        }

        @Test
        void anOlderEventArrivingLateDoesNotWindTheStatusBack() {
            replay();
            projection.on(new ProjectStartedEvent("PRJ-T-2", "clerk"), 4, at(4));

            assertThat(project("PRJ-T-2").status()).isEqualTo(ProjectStatus.COMPLETED);
        }
    }

    @Test
    void aCancelledProjectHoldsNothingAndSaysWhy() {
        projection.on(proposed("PRJ-T-3", JINSUI, List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 300L))), 0, at(0));
        projection.on(new ProjectApprovedEvent("PRJ-T-3", "苍扶发〔2071〕4号",
                List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 300L)), "approver"), 1, at(1));
        assertThat(project("PRJ-T-3").reservedFen()).isEqualTo(300L);

        projection.on(new ProjectCancelledEvent("PRJ-T-3", ProjectStatus.APPROVED, "村民大会否决",
                List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 300L)), "approver"), 2, at(2));

        ProjectView view = project("PRJ-T-3");
        assertThat(view.status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThat(view.reservedFen()).isZero();
        assertThat(view.history()).last().isEqualTo(
                new ProjectView.Step("CANCELLED", ProjectStatus.CANCELLED, "approver", at(2), "村民大会否决"));
    }

    @Test
    void aRejectedProjectNamesTheRoundAndTheReason() {
        projection.on(proposed("PRJ-T-4", JINSUI, List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 300L))), 0, at(0));
        projection.on(new ProjectSubmittedToCompetitionEvent("PRJ-T-4", "CMP-T-1", "township"), 1, at(1));
        projection.on(new ProjectRejectedEvent("PRJ-T-4", "CMP-T-1", 3, "预算不足"), 2, at(2), null);

        ProjectView view = project("PRJ-T-4");
        assertThat(view.status()).isEqualTo(ProjectStatus.REJECTED);
        assertThat(view.history()).last().isEqualTo(
                new ProjectView.Step("REJECTED", ProjectStatus.REJECTED, null, at(2), "CMP-T-1: rank 3, 预算不足"));
    }

    @Nested
    class Filters {

        @BeforeEach
        void threeProjects() {
            projection.on(proposed("PRJ-T-B", JINSUI, List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 1L))), 0, at(0));
            projection.on(proposed("PRJ-T-A", JINSUI, List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 1L))), 0, at(0));
            projection.on(new ProjectApprovedEvent("PRJ-T-A", "苍扶发〔2071〕5号",
                    List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 1L)), "approver"), 1, at(1));
            projection.on(proposed("PRJ-T-C", YANFENGLOU, List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 1L))), 0, at(0));
        }

        List<String> found(String township, String village, ProjectStatus status) {
            return queries.handle(new FindProjectsQuery(township, village, status)).stream()
                    .map(ProjectView::projectId).toList();
        }

        @Test
        void noFilterListsEveryProjectByItsId() {
            assertThat(found(null, null, null)).containsExactly("PRJ-T-A", "PRJ-T-B", "PRJ-T-C");
        }

        @Test
        void eachFilterNarrowsTheList() {
            assertThat(found("510824100", null, null)).containsExactly("PRJ-T-A", "PRJ-T-B");
            assertThat(found(null, YANFENGLOU, null)).containsExactly("PRJ-T-C");
            assertThat(found(null, null, ProjectStatus.APPROVED)).containsExactly("PRJ-T-A");
            assertThat(found("510824100", JINSUI, ProjectStatus.PROPOSED)).containsExactly("PRJ-T-B");
            assertThat(found("510824102", JINSUI, null)).isEmpty();
        }

        @Test
        void aListedProjectCarriesItsLinesAndHistory() {
            ProjectView listed = queries.handle(new FindProjectsQuery(null, null, ProjectStatus.APPROVED)).get(0);
            assertThat(listed.budget()).containsExactly(new BudgetLine("FUND-510824-2071-CENTRAL", 1L));
            assertThat(listed.history()).extracting(ProjectView.Step::step).containsExactly("PROPOSED", "APPROVED");
        }
    }

    @Test
    void aResetForgetsEveryProject() {
        projection.on(proposed("PRJ-T-5", JINSUI, List.of(new BudgetLine("FUND-510824-2071-CENTRAL", 1L))), 0, at(0));
        projection.reset();

        assertThat(projects.count()).isZero();
        assertThat(lines.count()).isZero();
        assertThat(steps.count()).isZero();
    }
}
