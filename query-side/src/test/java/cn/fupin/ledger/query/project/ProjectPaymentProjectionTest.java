package cn.fupin.ledger.query.project;

import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.FindProjectSummariesQuery;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentRequestedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import cn.fupin.ledger.shared.project.ProjectStartedEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import cn.fupin.ledger.shared.project.ProjectView;
import cn.fupin.ledger.shared.workarea.WorkAreas;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Payments on the project read model: what is asked for (pending), what was paid, what the funds still hold reserved,
 * and a step for each payment naming its disbursement.
 */
@DataJpaTest(showSql = false)
class ProjectPaymentProjectionTest {

    static final Instant T0 = Instant.parse("2074-03-01T08:00:00Z");
    static final List<BudgetLine> BUDGET = List.of(new BudgetLine("FUND-510824-2074-CENTRAL", 600L),
            new BudgetLine("FUND-510824-2074-COUNTY", 400L));

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

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    ProjectView project() {
        return queries.handle(new FindProjectQuery("PRJ-PAY-1")).orElseThrow();
    }

    static List<BudgetLine> split(long central, long county) {
        return List.of(new BudgetLine("FUND-510824-2074-CENTRAL", central), new BudgetLine("FUND-510824-2074-COUNTY", county));
    }

    /** Approved and started; three payments asked for: one paid then reversed, one rejected, one paid. */
    void replay() {
        projection.on(ProjectProjectionTest.proposed("PRJ-PAY-1", ProjectProjectionTest.JINSUI, BUDGET), 0, at(0));
        projection.on(new ProjectApprovedEvent("PRJ-PAY-1", "苍扶发〔2074〕1号", BUDGET, "approver"), 1, at(1));
        projection.on(new ProjectStartedEvent("PRJ-PAY-1", "clerk"), 2, at(2));
        projection.on(new ProjectPaymentRequestedEvent("PRJ-PAY-1", "DSB-PAY-1", 300L, split(180L, 120L)), 3, at(3),
                "clerk");
        projection.on(new ProjectPaymentRequestedEvent("PRJ-PAY-1", "DSB-PAY-2", 200L, split(120L, 80L)), 4, at(4),
                "clerk");
        projection.on(new ProjectPaymentSettledEvent("PRJ-PAY-1", "DSB-PAY-1", "APPROVED", 300L, split(180L, 120L)),
                5, at(5), "approver");
        projection.on(new ProjectPaymentSettledEvent("PRJ-PAY-1", "DSB-PAY-2", "REJECTED", 200L, split(120L, 80L)),
                6, at(6), "approver");
        projection.on(new ProjectPaymentRequestedEvent("PRJ-PAY-1", "DSB-PAY-3", 100L, split(60L, 40L)), 7, at(7),
                "clerk");
        projection.on(new ProjectPaymentSettledEvent("PRJ-PAY-1", "DSB-PAY-3", "APPROVED", 100L, split(60L, 40L)),
                8, at(8), "approver");
        projection.on(new ProjectPaymentSettledEvent("PRJ-PAY-1", "DSB-PAY-1", "REVERSED", 300L, split(180L, 120L)),
                9, at(9), "auditor");
    }

    @Test
    void aRequestedPaymentIsPendingAndStillReserved() {
        projection.on(ProjectProjectionTest.proposed("PRJ-PAY-1", ProjectProjectionTest.JINSUI, BUDGET), 0, at(0));
        projection.on(new ProjectApprovedEvent("PRJ-PAY-1", "苍扶发〔2074〕1号", BUDGET, "approver"), 1, at(1));
        projection.on(new ProjectPaymentRequestedEvent("PRJ-PAY-1", "DSB-PAY-1", 300L, split(180L, 120L)), 2, at(2),
                "clerk");

        ProjectView view = project();
        assertThat(view.pendingFen()).isEqualTo(300L);
        assertThat(view.paidFen()).isZero();
        assertThat(view.reservedFen()).isEqualTo(1_000L);
        assertThat(view.history()).last().isEqualTo(new ProjectView.Step("PAYMENT_REQUESTED", ProjectStatus.APPROVED,
                "clerk", at(2), "DSB-PAY-1"));
    }

    @Test
    void paidRejectedAndReversedPaymentsMoveTheAmountsAndAreEachAStep() {
        replay();

        ProjectView view = project();
        assertThat(view.pendingFen()).isZero();
        assertThat(view.paidFen()).isEqualTo(100L);
        assertThat(view.reservedFen()).isEqualTo(900L);
        assertThat(view.status()).isEqualTo(ProjectStatus.IMPLEMENTING);
        assertThat(view.history()).extracting(ProjectView.Step::step, ProjectView.Step::status,
                ProjectView.Step::actor, ProjectView.Step::detail).containsExactly(
                tuple("PROPOSED", ProjectStatus.PROPOSED, "clerk", null),
                tuple("APPROVED", ProjectStatus.APPROVED, "approver", "苍扶发〔2074〕1号"),
                tuple("STARTED", ProjectStatus.IMPLEMENTING, "clerk", null),
                tuple("PAYMENT_REQUESTED", ProjectStatus.IMPLEMENTING, "clerk", "DSB-PAY-1"),
                tuple("PAYMENT_REQUESTED", ProjectStatus.IMPLEMENTING, "clerk", "DSB-PAY-2"),
                tuple("PAID", ProjectStatus.IMPLEMENTING, "approver", "DSB-PAY-1"),
                tuple("PAYMENT_REJECTED", ProjectStatus.IMPLEMENTING, "approver", "DSB-PAY-2"),
                tuple("PAYMENT_REQUESTED", ProjectStatus.IMPLEMENTING, "clerk", "DSB-PAY-3"),
                tuple("PAID", ProjectStatus.IMPLEMENTING, "approver", "DSB-PAY-3"),
                tuple("PAYMENT_REVERSED", ProjectStatus.IMPLEMENTING, "auditor", "DSB-PAY-1"));
    }

    @Test
    void theWholeStreamDeliveredTwiceLeavesTheSameProject() {
        replay();
        ProjectView once = project();
        replay();

        assertThat(project()).isEqualTo(once);
        assertThat(once.history()).hasSize(10);
    }

    @Test
    void acceptanceAfterPaymentsHoldsNothingAndKeepsWhatWasPaid() {
        replay();
        projection.on(new ProjectAcceptedEvent("PRJ-PAY-1", "合格", split(540L, 360L), "auditor"), 10, at(10));

        ProjectView view = project();
        assertThat(view.reservedFen()).isZero();
        assertThat(view.paidFen()).isEqualTo(100L);
    }

    @Test
    void anUnknownOutcomeIsABugAndChangesNothing() {
        projection.on(ProjectProjectionTest.proposed("PRJ-PAY-1", ProjectProjectionTest.JINSUI, BUDGET), 0, at(0));

        assertThatThrownBy(() -> projection.on(new ProjectPaymentSettledEvent("PRJ-PAY-1", "DSB-PAY-1", "LOST", 1L,
                split(1L, 0L)), 1, at(1), "approver")).isInstanceOf(IllegalStateException.class);
        assertThat(project().history()).hasSize(1);
    }

    @Test
    void aResetForgetsPaymentSteps() {
        replay();
        projection.reset();

        assertThat(projects.count()).isZero();
        assertThat(steps.count()).isZero();
    }

    @Test
    void aSummaryCountsThePaymentsPaidAndLeavesTheStepsUnread() {
        replay();

        List<ProjectSummaryView> summaries = queries.handle(FindProjectSummariesQuery.ofVillage(
                ProjectProjectionTest.JINSUI));

        // Paid: DSB-PAY-1 (reversed after) and DSB-PAY-3; DSB-PAY-2 was rejected. One payment stands, of 100 fen.
        assertThat(summaries).singleElement().satisfies(summary -> {
            assertThat(summary.projectId()).isEqualTo("PRJ-PAY-1");
            assertThat(summary.paidFen()).isEqualTo(100L);
            assertThat(summary.paidPayments()).isEqualTo(1L);
            assertThat(summary.budget()).isEqualTo(BUDGET);
            assertThat(summary.budgetTotalFen()).isEqualTo(1_000L);
        });
    }

    @Test
    void aProjectWithHundredsOfPaymentsIsOneSummaryWithTheirCount() {
        projection.on(ProjectProjectionTest.proposed("PRJ-PAY-1", ProjectProjectionTest.JINSUI, BUDGET), 0, at(0));
        projection.on(new ProjectApprovedEvent("PRJ-PAY-1", "苍扶发〔2074〕1号", BUDGET, "approver"), 1, at(1));
        long sequence = 2;
        for (int n = 0; n < 300; n++) {
            String payment = "DSB-MANY-" + n;
            projection.on(new ProjectPaymentRequestedEvent("PRJ-PAY-1", payment, 0L, split(0L, 0L)), sequence++,
                    at(2), "clerk");
            projection.on(new ProjectPaymentSettledEvent("PRJ-PAY-1", payment, "APPROVED", 0L, split(0L, 0L)),
                    sequence++, at(2), "approver");
        }

        assertThat(queries.handle(FindProjectSummariesQuery.ofTownship(
                ProjectProjectionTest.JINSUI.substring(0, 9))))
                .singleElement().extracting(ProjectSummaryView::paidPayments).isEqualTo(300L);
        assertThat(queries.handle(FindProjectSummariesQuery.withIds(List.of("PRJ-PAY-1", "PRJ-NONE"))))
                .extracting(ProjectSummaryView::projectId).containsExactly("PRJ-PAY-1");
    }
}
