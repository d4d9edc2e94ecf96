package cn.fupin.ledger.command.project;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectCompletedEvent;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProjectRejectedEvent;
import cn.fupin.ledger.shared.project.ProjectSelectedEvent;
import cn.fupin.ledger.shared.project.ProjectStartedEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSubmittedToCompetitionEvent;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.Refusals.invalidField;
import static cn.fupin.ledger.command.Refusals.refusal;

/**
 * The project's own steps (start, complete) and the methods a competitive round calls on it (enter, select,
 * reject). The round's handlers are stood in for by the fixture's handler below, which loads the project from the
 * fixture's repository and calls the method, as they do in their unit of work.
 */
class ProjectTest {

    static final String PROJECT = "PRJ-2016-0001";
    static final ProjectId PROJECT_ID = new ProjectId(PROJECT);
    static final String ROUND = "CMP-2016-01";
    static final String OTHER_ROUND = "CMP-2016-02";
    static final String CENTRAL = "FUND-510824-2016-CENTRAL";
    static final String COUNTY = "FUND-510824-2016-COUNTY";
    /** 陵江镇 and its community 金穗社区 in the shipped gazetteer. */
    static final String LINGJIANG = "510824100";
    static final String JINSUI = "510824100001";
    static final Actor CLERK = Actor.of("clerk", "CLERK");
    static final Actor APPROVER = Actor.of("approver", "APPROVER");
    static final Actor LINGJIANG_TOWNSHIP = new Actor("township", "TOWNSHIP", LINGJIANG);
    static final Actor OTHER_TOWNSHIP = new Actor("township2", "TOWNSHIP", "510824402");

    record EnterCompetition(String competitionId, String fundId, Actor actor) {
    }

    record Select(String competitionId, int rank, long awardedFen) {
    }

    record Reject(String competitionId, int rank, String reason) {
    }

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            void handle(EnterCompetition command) {
                fixture.getRepository().load(PROJECT)
                        .execute(p -> p.enterCompetition(command.competitionId(), command.fundId(), command.actor()));
            }

            @CommandHandler
            void handle(Select command) {
                fixture.getRepository().load(PROJECT)
                        .execute(p -> p.select(command.competitionId(), command.rank(), command.awardedFen()));
            }

            @CommandHandler
            void handle(Reject command) {
                fixture.getRepository().load(PROJECT)
                        .execute(p -> p.reject(command.competitionId(), command.rank(), command.reason()));
            }
        });
    }

    static ProjectProposedEvent proposed() {
        return new ProjectProposedEvent(PROJECT, "金穗社区村道硬化", "ROADS", JINSUI, LINGJIANG, Beneficiary.VILLAGE,
                List.of(new BudgetLine(CENTRAL, 30_000_000L), new BudgetLine(COUNTY, 10_000_000L)), 40_000_000L,
                "金穗社区居委会", "陵江镇人民政府", LocalDate.of(2016, 3, 1), LocalDate.of(2016, 10, 31), 110, 275,
                null, null, null, null, null, null, "clerk");
    }

    static ProjectSubmittedToCompetitionEvent submitted() {
        return new ProjectSubmittedToCompetitionEvent(PROJECT, ROUND, "township");
    }

    static ProjectApprovedEvent approved() {
        return new ProjectApprovedEvent(PROJECT, "苍发改〔2016〕21号",
                List.of(new BudgetLine(CENTRAL, 30_000_000L), new BudgetLine(COUNTY, 10_000_000L)), "approver");
    }

    @Nested
    class Start {

        @Test
        void anApprovedProjectStartsOnSite() {
            fixture.given(proposed(), approved())
                    .when(new StartProjectCommand(PROJECT_ID, CLERK))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ProjectStartedEvent(PROJECT, "clerk"));
        }

        @Test
        void refusesAProjectThatIsOnlyProposed() {
            fixture.given(proposed())
                    .when(new StartProjectCommand(PROJECT_ID, CLERK))
                    .expectException(conflict("PROJECT_NOT_APPROVED"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProjectStartedAlready() {
            fixture.given(proposed(), approved(), new ProjectStartedEvent(PROJECT, "clerk"))
                    .when(new StartProjectCommand(PROJECT_ID, CLERK))
                    .expectException(conflict("PROJECT_NOT_APPROVED"))
                    .expectNoEvents();
        }

        @Test
        void refusesACancelledProject() {
            fixture.given(proposed(), approved(), new ProjectCancelledEvent(PROJECT, ProjectStatus.APPROVED, "撤销",
                            approved().reserved(), "clerk"))
                    .when(new StartProjectCommand(PROJECT_ID, CLERK))
                    .expectException(conflict("PROJECT_NOT_APPROVED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Complete {

        @Test
        void aProjectBeingImplementedIsCompletedWithItsNote() {
            fixture.given(proposed(), approved(), new ProjectStartedEvent(PROJECT, "clerk"))
                    .when(new CompleteProjectCommand(PROJECT_ID, " 路面硬化4.2公里\n边沟完成 ", CLERK))
                    .expectEvents(new ProjectCompletedEvent(PROJECT, "路面硬化4.2公里\n边沟完成", "clerk"));
        }

        @Test
        void aBlankNoteIsRecordedAsNone() {
            fixture.given(proposed(), approved(), new ProjectStartedEvent(PROJECT, "clerk"))
                    .when(new CompleteProjectCommand(PROJECT_ID, "  ", CLERK))
                    .expectEvents(new ProjectCompletedEvent(PROJECT, null, "clerk"));
        }

        @Test
        void aNoteMayHoldTwoThousandCharacters() {
            String note = "完".repeat(2000);
            fixture.given(proposed(), approved(), new ProjectStartedEvent(PROJECT, "clerk"))
                    .when(new CompleteProjectCommand(PROJECT_ID, note, CLERK))
                    .expectEvents(new ProjectCompletedEvent(PROJECT, note, "clerk"));
        }

        @Test
        void refusesAnApprovedProjectNotStarted() {
            fixture.given(proposed(), approved())
                    .when(new CompleteProjectCommand(PROJECT_ID, null, CLERK))
                    .expectException(conflict("PROJECT_NOT_IMPLEMENTING"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProjectCompletedAlready() {
            fixture.given(proposed(), approved(), new ProjectStartedEvent(PROJECT, "clerk"),
                            new ProjectCompletedEvent(PROJECT, null, "clerk"))
                    .when(new CompleteProjectCommand(PROJECT_ID, null, CLERK))
                    .expectException(conflict("PROJECT_NOT_IMPLEMENTING"))
                    .expectNoEvents();
        }

        @Test
        void refusesANoteLongerThanTwoThousandCharacters() {
            fixture.given(proposed(), approved(), new ProjectStartedEvent(PROJECT, "clerk"))
                    .when(new CompleteProjectCommand(PROJECT_ID, "完".repeat(2001), CLERK))
                    .expectException(invalidField("NOTE_INVALID", "note"))
                    .expectNoEvents();
        }

        @Test
        void refusesANoteWithAControlCharacter() {
            fixture.given(proposed(), approved(), new ProjectStartedEvent(PROJECT, "clerk"))
                    .when(new CompleteProjectCommand(PROJECT_ID, "完工\u0000", CLERK))
                    .expectException(invalidField("NOTE_INVALID", "note"))
                    .expectNoEvents();
        }
    }

    @Nested
    class EnterCompetitionOf {

        @Test
        void aProposedProjectEntersARoundThatFundsOneOfItsLines() {
            fixture.given(proposed())
                    .when(new EnterCompetition(ROUND, COUNTY, CLERK))
                    .expectEvents(new ProjectSubmittedToCompetitionEvent(PROJECT, ROUND, "clerk"));
        }

        @Test
        void aTownshipEntersItsOwnTownshipsProject() {
            fixture.given(proposed())
                    .when(new EnterCompetition(ROUND, CENTRAL, LINGJIANG_TOWNSHIP))
                    .expectEvents(new ProjectSubmittedToCompetitionEvent(PROJECT, ROUND, "township"));
        }

        @Test
        void refusesAnotherTownshipsProject() {
            fixture.given(proposed())
                    .when(new EnterCompetition(ROUND, CENTRAL, OTHER_TOWNSHIP))
                    .expectException(refusal(RefusalKind.FORBIDDEN, "OTHER_TOWNSHIP"))
                    .expectNoEvents();
        }

        @Test
        void refusesATownshipUserBoundToNoTownship() {
            fixture.given(proposed())
                    .when(new EnterCompetition(ROUND, CENTRAL, Actor.of("township3", "TOWNSHIP")))
                    .expectException(refusal(RefusalKind.FORBIDDEN, "OTHER_TOWNSHIP"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProjectInARoundAlready() {
            fixture.given(proposed(), submitted())
                    .when(new EnterCompetition(OTHER_ROUND, CENTRAL, CLERK))
                    .expectException(conflict("PROJECT_IN_COMPETITION"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProjectWithoutALineFromTheRoundsFund() {
            fixture.given(proposed())
                    .when(new EnterCompetition(ROUND, "FUND-510824-2016-PROVINCIAL", CLERK))
                    .expectException(conflict("NOT_FUNDED_BY_ROUND"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnApprovedProject() {
            fixture.given(proposed(), approved())
                    .when(new EnterCompetition(ROUND, CENTRAL, CLERK))
                    .expectException(conflict("PROJECT_NOT_PROPOSED"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProjectRejectedByAnEarlierRound() {
            fixture.given(proposed(), submitted(), new ProjectRejectedEvent(PROJECT, ROUND, 7, "预算不足"))
                    .when(new EnterCompetition(OTHER_ROUND, CENTRAL, CLERK))
                    .expectException(conflict("PROJECT_NOT_PROPOSED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class SelectionAndRejection {

        @Test
        void theRoundSelectsAProjectItHolds() {
            fixture.given(proposed(), submitted())
                    .when(new Select(ROUND, 1, 30_000_000L))
                    .expectEvents(new ProjectSelectedEvent(PROJECT, ROUND, 1, 30_000_000L));
        }

        @Test
        void theRoundRejectsAProjectItHolds() {
            fixture.given(proposed(), submitted())
                    .when(new Reject(ROUND, 4, "预算余额不足"))
                    .expectEvents(new ProjectRejectedEvent(PROJECT, ROUND, 4, "预算余额不足"));
        }

        @Test
        void aSelectedProjectCannotEnterAnotherRound() {
            fixture.given(proposed(), submitted(), new ProjectSelectedEvent(PROJECT, ROUND, 1, 30_000_000L))
                    .when(new EnterCompetition(OTHER_ROUND, CENTRAL, CLERK))
                    .expectException(conflict("PROJECT_NOT_PROPOSED"))
                    .expectNoEvents();
        }

        @Test
        void selectingAProjectOfAnotherRoundIsAProgrammingError() {
            fixture.given(proposed(), submitted())
                    .when(new Select(OTHER_ROUND, 1, 30_000_000L))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void selectingAProjectInNoRoundIsAProgrammingError() {
            fixture.given(proposed())
                    .when(new Select(ROUND, 1, 30_000_000L))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectingAProjectTheRoundDecidedAlreadyIsAProgrammingError() {
            fixture.given(proposed(), submitted(), new ProjectSelectedEvent(PROJECT, ROUND, 1, 30_000_000L))
                    .when(new Reject(ROUND, 1, "预算余额不足"))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectingAProjectOfAnotherRoundIsAProgrammingError() {
            fixture.given(proposed(), submitted())
                    .when(new Reject(OTHER_ROUND, 2, "预算余额不足"))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }
    }
}
