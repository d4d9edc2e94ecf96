package cn.fupin.ledger.command.project;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.project.AcceptProjectCommand;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectCompletedEvent;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProjectStartedEvent;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
import static cn.fupin.ledger.command.project.Proposal.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class AcceptProjectTest {

    static final ProjectId PROJECT_ID = new ProjectId(PROJECT);
    static final String DOCUMENT = "苍发改〔2016〕21号";
    static final String RESULT = "工程质量合格，同意验收";
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
        ledger.send(new ApproveProjectCommand(PROJECT_ID, DOCUMENT, APPROVER));
        ledger.send(new StartProjectCommand(PROJECT_ID, CLERK));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aProjectGoesFromProposalToAcceptanceAndItsUnpaidReservationGoesBackToTheFunds() {
        ledger.send(new CompleteProjectCommand(PROJECT_ID, "路面硬化完成", CLERK));
        int before = ledger.allEvents().size();

        ledger.send(new AcceptProjectCommand(PROJECT_ID, " " + RESULT + " ", CLERK2));

        assertThat(ledger.allEvents().subList(before, ledger.allEvents().size())).containsExactly(
                new FundReservationReleasedEvent(CENTRAL, PROJECT, 30_000_000L, "ACCEPTED", 0L, 50_000_000L),
                new FundReservationReleasedEvent(COUNTY, PROJECT, 10_000_000L, "ACCEPTED", 0L, 20_000_000L),
                new ProjectAcceptedEvent(PROJECT, RESULT, BUDGET, "clerk2"));
        assertThat(ledger.events(PROJECT)).extracting(Object::getClass).containsExactly(ProjectProposedEvent.class,
                ProjectApprovedEvent.class, ProjectStartedEvent.class, ProjectCompletedEvent.class,
                ProjectAcceptedEvent.class);
        assertThat(ledger.availableFen(CENTRAL)).isEqualTo(50_000_000L);
        assertThat(ledger.availableFen(COUNTY)).isEqualTo(20_000_000L);
    }

    @Test
    void aStepOfAProjectNobodyProposedFindsNoProject() {
        // The controller answers this one with PROJECT_NOT_FOUND, as the handlers do for their steps.
        assertThatThrownBy(() -> ledger.send(new StartProjectCommand(new ProjectId("PRJ-2016-0404"), CLERK)))
                .isInstanceOf(AggregateNotFoundException.class);
    }

    @Nested
    class Refuses {

        @Test
        void aProjectStillBeingImplemented() {
            assertRefused(new AcceptProjectCommand(PROJECT_ID, RESULT, CLERK2), RefusalKind.CONFLICT,
                    "PROJECT_NOT_COMPLETED");
            assertThat(ledger.availableFen(CENTRAL)).isEqualTo(20_000_000L);
        }

        @Test
        void aProjectAcceptedAlready() {
            ledger.send(new CompleteProjectCommand(PROJECT_ID, null, CLERK));
            ledger.send(new AcceptProjectCommand(PROJECT_ID, RESULT, CLERK2));
            List<Object> before = ledger.allEvents();

            assertRefused(new AcceptProjectCommand(PROJECT_ID, RESULT, CLERK2), RefusalKind.CONFLICT,
                    "PROJECT_NOT_COMPLETED");
            assertThat(ledger.allEvents()).isEqualTo(before);
        }

        @Test
        void aProjectNobodyProposed() {
            assertRefused(new AcceptProjectCommand(new ProjectId("PRJ-2016-0404"), RESULT, CLERK2),
                    RefusalKind.NOT_FOUND, "PROJECT_NOT_FOUND");
        }

        @Test
        void aMissingResult() {
            ledger.send(new CompleteProjectCommand(PROJECT_ID, null, CLERK));

            assertInvalid(new AcceptProjectCommand(PROJECT_ID, "   ", CLERK2), "RESULT_REQUIRED");
        }

        @Test
        void aResultLongerThanTwoThousandCharacters() {
            ledger.send(new CompleteProjectCommand(PROJECT_ID, null, CLERK));

            assertInvalid(new AcceptProjectCommand(PROJECT_ID, "验".repeat(2001), CLERK2), "RESULT_INVALID");
        }

        private void assertInvalid(AcceptProjectCommand command, String code) {
            Refusal refusal = assertRefused(command, RefusalKind.INVALID, code);
            assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("result", code));
            assertThat(ledger.events(PROJECT)).last().isInstanceOf(ProjectCompletedEvent.class);
        }

        private Refusal assertRefused(AcceptProjectCommand command, RefusalKind kind, String code) {
            Refusal refusal = ledger.refusal(command);
            assertThat(refusal.kind()).isEqualTo(kind);
            assertThat(refusal.code()).isEqualTo(code);
            return refusal;
        }
    }
}
