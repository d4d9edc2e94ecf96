package cn.fupin.ledger.command.project;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.project.AcceptProjectCommand;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CancelProjectCommand;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.project.Proposal.APPROVER;
import static cn.fupin.ledger.command.project.Proposal.CENTRAL;
import static cn.fupin.ledger.command.project.Proposal.CLERK;
import static cn.fupin.ledger.command.project.Proposal.CLERK2;
import static cn.fupin.ledger.command.project.Proposal.COUNTY;
import static cn.fupin.ledger.command.project.Proposal.JINSUI;
import static cn.fupin.ledger.command.project.Proposal.LINGJIANG;
import static cn.fupin.ledger.command.project.Proposal.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CancelProjectTest {

    static final ProjectId PROJECT_ID = new ProjectId(PROJECT);
    static final String SECOND = "PRJ-2016-0002";
    static final String DOCUMENT = "苍发改〔2016〕21号";
    static final String ROUND = "CMP-2016-01";
    static final String REASON = "村民代表大会否决选址";
    static final List<BudgetLine> BUDGET = List.of(new BudgetLine(CENTRAL, 30_000_000L),
            new BudgetLine(COUNTY, 10_000_000L));

    InMemoryLedger ledger;

    @BeforeEach
    void ledger() {
        ledger = new InMemoryLedger();
        ledger.appropriate(new FundId(CENTRAL), 50_000_000L);
        ledger.appropriate(new FundId(COUNTY), 20_000_000L);
        ledger.designatePoor(JINSUI, 2016);
        ledger.send(Proposal.valid());
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    void approve() {
        ledger.send(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, APPROVER));
    }

    @Test
    void cancellingAnApprovedProjectReleasesExactlyItsReservationAndRestoresWhatTheFundsHaveAvailable() {
        approve();
        int before = ledger.allEvents().size();

        ledger.send(new CancelProjectCommand(PROJECT_ID, " " + REASON + " ", CLERK2));

        assertThat(ledger.allEvents().subList(before, ledger.allEvents().size())).containsExactly(
                new FundReservationReleasedEvent(CENTRAL, PROJECT, 30_000_000L, "CANCELLED", 0L, 50_000_000L),
                new FundReservationReleasedEvent(COUNTY, PROJECT, 10_000_000L, "CANCELLED", 0L, 20_000_000L),
                new ProjectCancelledEvent(PROJECT, ProjectStatus.APPROVED, REASON, BUDGET, "clerk2"));
        assertThat(ledger.availableFen(CENTRAL)).isEqualTo(50_000_000L);
        assertThat(ledger.availableFen(COUNTY)).isEqualTo(20_000_000L);
    }

    @Test
    void cancellingReleasesOnlyThisProjectsReservationFromASharedFund() {
        ledger.send(Proposal.of(p -> {
            p.projectId = new ProjectId(SECOND);
            p.budget = List.of(new BudgetLine(CENTRAL, 15_000_000L));
        }));
        ledger.send(new ApproveProjectCommand(new ProjectId(SECOND), DOCUMENT, APPROVER));
        approve();

        ledger.send(new CancelProjectCommand(PROJECT_ID, REASON, CLERK));

        assertThat(ledger.events(CENTRAL)).last().isEqualTo(
                new FundReservationReleasedEvent(CENTRAL, PROJECT, 30_000_000L, "CANCELLED", 15_000_000L, 35_000_000L));
        assertThat(ledger.availableFen(CENTRAL)).isEqualTo(35_000_000L);
    }

    @Test
    void cancellingAProjectBeingImplementedReleasesItsReservation() {
        approve();
        ledger.send(new StartProjectCommand(PROJECT_ID, CLERK));

        ledger.send(new CancelProjectCommand(PROJECT_ID, REASON, CLERK));

        assertThat(ledger.events(PROJECT)).last()
                .isEqualTo(new ProjectCancelledEvent(PROJECT, ProjectStatus.IMPLEMENTING, REASON, BUDGET, "clerk"));
        assertThat(ledger.availableFen(CENTRAL)).isEqualTo(50_000_000L);
    }

    @Test
    void cancellingAProposalReleasesNothing() {
        int fundEvents = ledger.events(CENTRAL).size() + ledger.events(COUNTY).size();

        ledger.send(new CancelProjectCommand(PROJECT_ID, REASON, CLERK));

        assertThat(ledger.events(PROJECT)).last()
                .isEqualTo(new ProjectCancelledEvent(PROJECT, ProjectStatus.PROPOSED, REASON, List.of(), "clerk"));
        assertThat(ledger.events(CENTRAL).size() + ledger.events(COUNTY).size()).isEqualTo(fundEvents);
    }

    @Test
    void cancellingAProjectSelectedByARoundReleasesNothing() {
        ledger.onProject(PROJECT, p -> p.enterCompetition(ROUND, CENTRAL, CLERK));
        ledger.onProject(PROJECT, p -> p.select(ROUND, 1, 30_000_000L));

        ledger.send(new CancelProjectCommand(PROJECT_ID, REASON, CLERK));

        assertThat(ledger.events(PROJECT)).last()
                .isEqualTo(new ProjectCancelledEvent(PROJECT, ProjectStatus.SELECTED, REASON, List.of(), "clerk"));
    }

    @Test
    void cancellingAProposalWaitingInARoundWithdrawsItFromTheRoundInTheSameUnitOfWork() {
        ledger.submitToRound(ROUND, CENTRAL, PROJECT, CLERK);
        int before = ledger.allEvents().size();

        ledger.send(new CancelProjectCommand(PROJECT_ID, REASON, CLERK));

        assertThat(ledger.allEvents().subList(before, ledger.allEvents().size())).containsExactly(
                new ProposalWithdrawnEvent(ROUND, PROJECT, REASON),
                new ProjectCancelledEvent(PROJECT, ProjectStatus.PROPOSED, REASON, List.of(), "clerk"));
    }

    @Test
    void cancellingAProjectTheRoundSelectedLeavesTheRoundAlone() {
        ledger.submitToRound(ROUND, CENTRAL, PROJECT, CLERK);
        ledger.onProject(PROJECT, p -> p.select(ROUND, 1, 30_000_000L));
        int roundEvents = ledger.events(ROUND).size();

        ledger.send(new CancelProjectCommand(PROJECT_ID, REASON, CLERK));

        assertThat(ledger.events(ROUND)).hasSize(roundEvents);
        assertThat(ledger.events(PROJECT)).last().extracting("previousStatus").isEqualTo(ProjectStatus.SELECTED);
    }

    @Test
    void aTownshipCancelsItsOwnTownshipsProposal() {
        ledger.send(new CancelProjectCommand(PROJECT_ID, REASON, new Actor("township", "TOWNSHIP", LINGJIANG)));

        assertThat(ledger.events(PROJECT)).last().extracting("cancelledBy").isEqualTo("township");
    }

    @Nested
    class Refuses {

        @Test
        void aMissingReason() {
            assertInvalid(new CancelProjectCommand(PROJECT_ID, null, CLERK), "REASON_REQUIRED");
        }

        @Test
        void aBlankReason() {
            assertInvalid(new CancelProjectCommand(PROJECT_ID, " \n ", CLERK), "REASON_REQUIRED");
        }

        @Test
        void aReasonLongerThanFiveHundredCharacters() {
            assertInvalid(new CancelProjectCommand(PROJECT_ID, "因".repeat(501), CLERK), "REASON_INVALID");
        }

        @Test
        void aReasonWithAControlCharacter() {
            assertInvalid(new CancelProjectCommand(PROJECT_ID, "撤销\u0000", CLERK), "REASON_INVALID");
        }

        @Test
        void aProjectNobodyProposed() {
            assertRefused(new CancelProjectCommand(new ProjectId(SECOND), REASON, CLERK), RefusalKind.NOT_FOUND,
                    "PROJECT_NOT_FOUND");
        }

        @Test
        void aProjectCancelledAlready() {
            approve();
            ledger.send(new CancelProjectCommand(PROJECT_ID, REASON, CLERK));
            List<Object> before = ledger.allEvents();

            assertRefused(new CancelProjectCommand(PROJECT_ID, REASON, CLERK), RefusalKind.CONFLICT,
                    "PROJECT_NOT_CANCELLABLE");
            assertThat(ledger.allEvents()).isEqualTo(before);
        }

        @Test
        void aCompletedProject() {
            approve();
            ledger.send(new StartProjectCommand(PROJECT_ID, CLERK));
            ledger.send(new CompleteProjectCommand(PROJECT_ID, null, CLERK));

            assertRefused(new CancelProjectCommand(PROJECT_ID, REASON, CLERK), RefusalKind.CONFLICT,
                    "PROJECT_NOT_CANCELLABLE");
            assertThat(ledger.availableFen(CENTRAL)).isEqualTo(20_000_000L);
        }

        @Test
        void anAcceptedProject() {
            approve();
            ledger.send(new StartProjectCommand(PROJECT_ID, CLERK));
            ledger.send(new CompleteProjectCommand(PROJECT_ID, null, CLERK));
            ledger.send(new AcceptProjectCommand(PROJECT_ID, "验收合格", CLERK2));

            assertRefused(new CancelProjectCommand(PROJECT_ID, REASON, CLERK), RefusalKind.CONFLICT,
                    "PROJECT_NOT_CANCELLABLE");
        }

        @Test
        void aProjectRejectedByARound() {
            ledger.onProject(PROJECT, p -> p.enterCompetition(ROUND, CENTRAL, CLERK));
            ledger.onProject(PROJECT, p -> p.reject(ROUND, 2, "预算余额不足"));

            assertRefused(new CancelProjectCommand(PROJECT_ID, REASON, CLERK), RefusalKind.CONFLICT,
                    "PROJECT_NOT_CANCELLABLE");
        }

        @Test
        void aTownshipCancellingAnotherTownshipsProposalWaitingInARoundAndTheRoundKeepsIt() {
            ledger.submitToRound(ROUND, CENTRAL, PROJECT, CLERK);
            List<Object> before = ledger.allEvents();

            assertRefused(new CancelProjectCommand(PROJECT_ID, REASON, new Actor("township2", "TOWNSHIP", "510824402")),
                    RefusalKind.FORBIDDEN, "OTHER_TOWNSHIP");
            assertThat(ledger.allEvents()).isEqualTo(before);
        }

        @Test
        void aTownshipCancellingAnotherTownshipsProject() {
            approve();

            assertRefused(new CancelProjectCommand(PROJECT_ID, REASON, new Actor("township2", "TOWNSHIP", "510824402")),
                    RefusalKind.FORBIDDEN, "OTHER_TOWNSHIP");
            assertThat(ledger.availableFen(CENTRAL)).isEqualTo(20_000_000L);
        }

        private void assertInvalid(CancelProjectCommand command, String code) {
            Refusal refusal = assertRefused(command, RefusalKind.INVALID, code);
            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("reason", code));
            assertThat(ledger.events(PROJECT)).hasSize(1);
        }

        private Refusal assertRefused(CancelProjectCommand command, RefusalKind kind, String code) {
            Refusal refusal = ledger.refusal(command);
            assertThat(refusal.kind()).isEqualTo(kind);
            assertThat(refusal.code()).isEqualTo(code);
            return refusal;
        }
    }
}
