package cn.fupin.ledger.command.project;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CancelProjectCommand;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.project.Proposal.APPROVER;
import static cn.fupin.ledger.command.project.Proposal.CENTRAL;
import static cn.fupin.ledger.command.project.Proposal.CLERK;
import static cn.fupin.ledger.command.project.Proposal.COUNTY;
import static cn.fupin.ledger.command.project.Proposal.JINSUI;
import static cn.fupin.ledger.command.project.Proposal.PROJECT;
import static cn.fupin.ledger.command.project.Proposal.PROVINCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ApproveProjectTest {

    static final ProjectId PROJECT_ID = new ProjectId(PROJECT);
    static final String SECOND = "PRJ-2016-0002";
    static final String DOCUMENT = "苍发改〔2016〕21号";
    static final String ROUND = "CMP-2016-01";

    InMemoryLedger ledger;

    @BeforeEach
    void ledger() {
        ledger = new InMemoryLedger();
        ledger.appropriate(new FundId(CENTRAL), 50_000_000L);
        ledger.appropriate(new FundId(COUNTY), 20_000_000L);
        ledger.appropriate(new FundId(PROVINCIAL), 5_000_000L);
        ledger.designatePoor(JINSUI, 2016);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    /** A project bundling three funds, its lines given out of fund id order; it takes all of the provincial fund. */
    void proposeBundled(long provincialFen) {
        ledger.send(Proposal.of(p -> p.budget = List.of(new BudgetLine(CENTRAL, 30_000_000L),
                new BudgetLine(PROVINCIAL, provincialFen), new BudgetLine(COUNTY, 10_000_000L))));
    }

    @Test
    void approvalReservesEveryLineOfABundledProjectFromItsFundInFundIdOrder() {
        proposeBundled(5_000_000L);
        int before = ledger.allEvents().size();

        ledger.send(new ApproveProjectCommand(PROJECT_ID, " " + DOCUMENT + " ", APPROVER));

        List<BudgetLine> lines = List.of(new BudgetLine(CENTRAL, 30_000_000L), new BudgetLine(COUNTY, 10_000_000L),
                new BudgetLine(PROVINCIAL, 5_000_000L));
        assertThat(ledger.allEvents().subList(before, ledger.allEvents().size())).containsExactly(
                new FundsReservedEvent(CENTRAL, PROJECT, 30_000_000L, 30_000_000L, 20_000_000L),
                new FundsReservedEvent(COUNTY, PROJECT, 10_000_000L, 10_000_000L, 10_000_000L),
                new FundsReservedEvent(PROVINCIAL, PROJECT, 5_000_000L, 5_000_000L, 0L),
                new ProjectApprovedEvent(PROJECT, DOCUMENT, lines, "approver"));
        assertThat(ledger.availableFen(CENTRAL)).isEqualTo(20_000_000L);
        assertThat(ledger.availableFen(COUNTY)).isEqualTo(10_000_000L);
        assertThat(ledger.availableFen(PROVINCIAL)).isZero();
    }

    @Test
    void aProjectSelectedByARoundIsApproved() {
        ledger.send(Proposal.valid());
        ledger.onProject(PROJECT, p -> p.enterCompetition(ROUND, CENTRAL, CLERK));
        ledger.onProject(PROJECT, p -> p.select(ROUND, 1, 30_000_000L));

        ledger.send(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, APPROVER));

        assertThat(ledger.events(PROJECT)).last().isEqualTo(new ProjectApprovedEvent(PROJECT, DOCUMENT,
                List.of(new BudgetLine(CENTRAL, 30_000_000L), new BudgetLine(COUNTY, 10_000_000L)), "approver"));
        assertThat(ledger.availableFen(CENTRAL)).isEqualTo(20_000_000L);
    }

    @Test
    void aFundsMoneyReleasedByACancelledProjectCanBeApprovedForAnother() {
        ledger.send(Proposal.valid());
        ledger.send(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, APPROVER));
        ledger.send(new CancelProjectCommand(PROJECT_ID, "村民会议否决", CLERK));
        ledger.send(Proposal.of(p -> {
            p.projectId = new ProjectId(SECOND);
            p.budget = List.of(new BudgetLine(CENTRAL, 50_000_000L));
        }));

        ledger.send(new ApproveProjectCommand(new ProjectId(SECOND), DOCUMENT, APPROVER));

        assertThat(ledger.availableFen(CENTRAL)).isZero();
    }

    @Nested
    class Refuses {

        @Test
        void aBundledProjectWhoseLastFundIsShortByOneFenAndReservesNothing() {
            proposeBundled(5_000_001L);
            List<Object> before = ledger.allEvents();

            Refusal refusal = ledger.refusal(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, APPROVER));

            assertThat(refusal.kind()).isEqualTo(RefusalKind.CONFLICT);
            assertThat(refusal.code()).isEqualTo("FUND_OVERDRAWN");
            assertThat(ledger.allEvents()).isEqualTo(before);
            assertThat(ledger.availableFen(CENTRAL)).isEqualTo(50_000_000L);
            assertThat(ledger.availableFen(COUNTY)).isEqualTo(20_000_000L);
            assertThat(ledger.availableFen(PROVINCIAL)).isEqualTo(5_000_000L);
        }

        @Test
        void aProjectWhoseFundWasPromisedToAnotherProjectFirst() {
            ledger.send(Proposal.valid());
            ledger.send(Proposal.of(p -> p.projectId = new ProjectId(SECOND)));
            ledger.send(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, APPROVER));
            List<Object> before = ledger.allEvents();

            assertRefused(new ApproveProjectCommand(new ProjectId(SECOND), DOCUMENT, APPROVER), RefusalKind.CONFLICT,
                    "FUND_OVERDRAWN");
            assertThat(ledger.allEvents()).isEqualTo(before);
            assertThat(ledger.availableFen(CENTRAL)).isEqualTo(20_000_000L);
        }

        @Test
        void anApprovalByThePersonWhoProposed() {
            ledger.send(Proposal.valid());

            assertRefused(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, new Actor("clerk", "APPROVER", null)),
                    RefusalKind.CONFLICT, "SAME_REQUESTER_AND_APPROVER");
            assertThat(ledger.events(PROJECT)).hasSize(1);
            assertThat(ledger.events(CENTRAL)).hasSize(1);
        }

        @Test
        void aSecondApproval() {
            ledger.send(Proposal.valid());
            ledger.send(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, APPROVER));

            assertRefused(new ApproveProjectCommand(PROJECT_ID, "苍发改〔2016〕22号", Actor.of("approver2", "APPROVER")),
                    RefusalKind.CONFLICT, "PROJECT_NOT_APPROVABLE");
            assertThat(ledger.events(PROJECT)).hasSize(2);
            assertThat(ledger.availableFen(CENTRAL)).isEqualTo(20_000_000L);
        }

        @Test
        void aProjectRejectedByARound() {
            ledger.send(Proposal.valid());
            ledger.onProject(PROJECT, p -> p.enterCompetition(ROUND, CENTRAL, CLERK));
            ledger.onProject(PROJECT, p -> p.reject(ROUND, 3, "预算余额不足"));

            assertRefused(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, APPROVER), RefusalKind.CONFLICT,
                    "PROJECT_NOT_APPROVABLE");
            assertThat(ledger.events(CENTRAL)).hasSize(1);
        }

        @Test
        void aProposedProjectWaitingForItsRound() {
            ledger.send(Proposal.valid());
            ledger.onProject(PROJECT, p -> p.enterCompetition(ROUND, CENTRAL, CLERK));

            assertRefused(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, APPROVER), RefusalKind.CONFLICT,
                    "PROJECT_IN_COMPETITION");
            assertThat(ledger.events(CENTRAL)).hasSize(1);
        }

        @Test
        void aCancelledProject() {
            ledger.send(Proposal.valid());
            ledger.send(new CancelProjectCommand(PROJECT_ID, "重复申报", CLERK));

            assertRefused(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, APPROVER), RefusalKind.CONFLICT,
                    "PROJECT_NOT_APPROVABLE");
        }

        @Test
        void aProjectNobodyProposed() {
            assertRefused(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, APPROVER), RefusalKind.NOT_FOUND,
                    "PROJECT_NOT_FOUND");
            assertThat(ledger.events(PROJECT)).isEmpty();
        }

        @Test
        void aMissingApprovalDocumentNumber() {
            ledger.send(Proposal.valid());

            assertInvalid(new ApproveProjectCommand(PROJECT_ID, null, APPROVER), "APPROVAL_DOC_NO_REQUIRED");
        }

        @Test
        void aBlankApprovalDocumentNumber() {
            ledger.send(Proposal.valid());

            assertInvalid(new ApproveProjectCommand(PROJECT_ID, "  ", APPROVER), "APPROVAL_DOC_NO_REQUIRED");
        }

        @Test
        void anApprovalDocumentNumberLongerThanSixtyFourCharacters() {
            ledger.send(Proposal.valid());

            assertInvalid(new ApproveProjectCommand(PROJECT_ID, "苍".repeat(65), APPROVER), "APPROVAL_DOC_NO_INVALID");
        }

        @Test
        void anApprovalDocumentNumberBrokenOverTwoLines() {
            ledger.send(Proposal.valid());

            assertInvalid(new ApproveProjectCommand(PROJECT_ID, "苍发改\n〔2016〕21号", APPROVER), "APPROVAL_DOC_NO_INVALID");
        }

        private void assertInvalid(ApproveProjectCommand command, String code) {
            Refusal refusal = assertRefused(command, RefusalKind.INVALID, code);
            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("approvalDocNo", code));
            assertThat(ledger.events(PROJECT)).hasSize(1);
            assertThat(ledger.events(CENTRAL)).hasSize(1);
        }

        private Refusal assertRefused(ApproveProjectCommand command, RefusalKind kind, String code) {
            Refusal refusal = ledger.refusal(command);
            assertThat(refusal.kind()).isEqualTo(kind);
            assertThat(refusal.code()).isEqualTo(code);
            return refusal;
        }
    }
}
