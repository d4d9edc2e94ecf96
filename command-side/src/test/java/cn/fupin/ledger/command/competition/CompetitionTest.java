package cn.fupin.ledger.command.competition;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.competition.CloseSubmissionsCommand;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.CriterionPoints;
import cn.fupin.ledger.shared.competition.DeclareConflictOfInterestCommand;
import cn.fupin.ledger.shared.competition.OpenCompetitionCommand;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.competition.ScoreProposalCommand;
import cn.fupin.ledger.shared.competition.SubmissionsClosedEvent;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.TownshipCode;
import cn.fupin.ledger.shared.project.ProjectId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompetitionTest {

    static final String ROUND = "CMP-2016-01";
    static final String T1 = "510824100";
    static final String T2 = "510824102";
    static final Instant DEADLINE = Instant.parse("2016-03-31T16:00:00Z");
    static final List<Criterion> CRITERIA = List.of(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 60),
            new Criterion("BENEFIT", 30), new Criterion("FEASIBILITY", 10));
    static final Actor REVIEWER = Actor.of("reviewer", "REVIEWER");

    static Gazetteer cangxi;

    FixtureConfiguration<Competition> fixture;

    @BeforeAll
    static void gazetteer() {
        cangxi = Gazetteer.forCounty("510824");
    }

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Competition.class);
        fixture.registerInjectableResource(cangxi);
    }

    static CompetitionOpenedEvent opened() {
        return new CompetitionOpenedEvent(ROUND, null, 2016, "FUND-510824-2016-CENTRAL", 1_000_000, CRITERIA, DEADLINE, "clerk");
    }

    static ProposalSubmittedEvent submitted(String projectId, String township) {
        return new ProposalSubmittedEvent(ROUND, projectId, township, township + "201", 300_000,
                DEADLINE.minusSeconds(3600), "township");
    }

    static ScoreProposalCommand score(String projectId, Actor reviewer, Map<String, Integer> points) {
        return new ScoreProposalCommand(new CompetitionId(ROUND), new ProjectId(projectId), points, reviewer);
    }

    static Map<String, Integer> points(Object... nameAndPoints) {
        Map<String, Integer> points = new LinkedHashMap<>();
        for (int i = 0; i < nameAndPoints.length; i += 2) {
            points.put((String) nameAndPoints[i], (Integer) nameAndPoints[i + 1]);
        }
        return points;
    }

    @Nested
    class Scoring {

        @Test
        void aReviewerScoresEveryHandScoredCriterionAndThePointsAreRecordedInTheRoundsOrder() {
            fixture.given(opened(), submitted("PRJ-A", T1))
                    .when(score("PRJ-A", REVIEWER, points("FEASIBILITY", 70, "BENEFIT", 85)))
                    .expectEvents(new ProposalScoredEvent(ROUND, "PRJ-A", "reviewer",
                            List.of(new CriterionPoints("BENEFIT", 85), new CriterionPoints("FEASIBILITY", 70))));
        }

        @Test
        void scoringIsAllowedAfterTheDeadlineUntilTheRoundCloses() {
            fixture.given(opened(), submitted("PRJ-A", T1), new SubmissionsClosedEvent(ROUND, DEADLINE))
                    .when(score("PRJ-A", REVIEWER, points("BENEFIT", 0, "FEASIBILITY", 100)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aReviewerScoresAProposalOnlyOnce() {
            fixture.given(opened(), submitted("PRJ-A", T1), new ProposalScoredEvent(ROUND, "PRJ-A", "reviewer",
                            List.of(new CriterionPoints("BENEFIT", 85), new CriterionPoints("FEASIBILITY", 70))))
                    .when(score("PRJ-A", REVIEWER, points("BENEFIT", 90, "FEASIBILITY", 90)))
                    .expectException(conflict("ALREADY_SCORED"))
                    .expectNoEvents();
        }

        @Test
        void anotherReviewerScoresTheSameProposal() {
            fixture.given(opened(), submitted("PRJ-A", T1), new ProposalScoredEvent(ROUND, "PRJ-A", "reviewer",
                            List.of(new CriterionPoints("BENEFIT", 85), new CriterionPoints("FEASIBILITY", 70))))
                    .when(score("PRJ-A", Actor.of("reviewer2", "REVIEWER"), points("BENEFIT", 90, "FEASIBILITY", 90)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aReviewerWithADeclaredConflictMayNotScoreThatTownshipsProposals() {
            fixture.given(opened(), submitted("PRJ-A", T1), new ConflictOfInterestDeclaredEvent(ROUND, "reviewer", T1))
                    .when(score("PRJ-A", REVIEWER, points("BENEFIT", 90, "FEASIBILITY", 90)))
                    .expectException(refusal(RefusalKind.FORBIDDEN, "REVIEWER_CONFLICT"))
                    .expectNoEvents();
        }

        @Test
        void aReviewerBoundToATownshipMayNotScoreItsProposals() {
            fixture.given(opened(), submitted("PRJ-A", T1))
                    .when(score("PRJ-A", new Actor("local", "REVIEWER", T1), points("BENEFIT", 90, "FEASIBILITY", 90)))
                    .expectException(refusal(RefusalKind.FORBIDDEN, "REVIEWER_CONFLICT"));
        }

        @Test
        void theTownshipAssessmentIsNeverScoredByHandAndEveryProblemIsNamed() {
            fixture.given(opened(), submitted("PRJ-A", T1))
                    .when(score("PRJ-A", REVIEWER, points(Criterion.TOWNSHIP_ASSESSMENT, 100, "BENEFIT", 101, "SIZE", 5)))
                    .expectException(invalid("SCORES_INVALID",
                            "scores.TOWNSHIP_ASSESSMENT:CRITERION_NOT_SCORED_BY_HAND",
                            "scores.BENEFIT:POINTS_OUT_OF_RANGE",
                            "scores.FEASIBILITY:SCORE_MISSING",
                            "scores.SIZE:CRITERION_UNKNOWN"))
                    .expectNoEvents();
        }

        @Test
        void negativePointsAreRefused() {
            fixture.given(opened(), submitted("PRJ-A", T1))
                    .when(score("PRJ-A", REVIEWER, points("BENEFIT", -1, "FEASIBILITY", 0)))
                    .expectException(invalid("SCORES_INVALID", "scores.BENEFIT:POINTS_OUT_OF_RANGE"));
        }

        @Test
        void aProjectThatIsNotAProposalOfTheRoundIsNotFound() {
            fixture.given(opened(), submitted("PRJ-A", T1))
                    .when(score("PRJ-B", REVIEWER, points("BENEFIT", 1, "FEASIBILITY", 1)))
                    .expectException(refusal(RefusalKind.NOT_FOUND, "PROPOSAL_NOT_FOUND"));
        }

        @Test
        void aClosedRoundTakesNoMoreScores() {
            fixture.given(opened(), submitted("PRJ-A", T1),
                            new CompetitionClosedEvent(ROUND, DEADLINE, List.of(), List.of(), 0, 1_000_000, "approver"))
                    .when(score("PRJ-A", REVIEWER, points("BENEFIT", 1, "FEASIBILITY", 1)))
                    .expectException(conflict("COMPETITION_CLOSED"));
        }
    }

    @Nested
    class Conflicts {

        DeclareConflictOfInterestCommand declare(String township) {
            return new DeclareConflictOfInterestCommand(new CompetitionId(ROUND), new TownshipCode(township), REVIEWER);
        }

        @Test
        void aReviewerDeclaresAConflictWithATownship() {
            fixture.given(opened())
                    .when(declare(T2))
                    .expectEvents(new ConflictOfInterestDeclaredEvent(ROUND, "reviewer", T2));
        }

        @Test
        void theSameConflictIsDeclaredOnce() {
            fixture.given(opened(), new ConflictOfInterestDeclaredEvent(ROUND, "reviewer", T2))
                    .when(declare(T2))
                    .expectException(conflict("CONFLICT_ALREADY_DECLARED"));
        }

        @Test
        void aTownshipOutsideTheCountyIsNotFound() {
            fixture.given(opened())
                    .when(declare("510824999"))
                    .expectException(refusal(RefusalKind.NOT_FOUND, "TOWNSHIP_NOT_FOUND"));
        }
    }

    @Nested
    class TheDeadline {

        @Test
        void itClosesSubmissionsOnce() {
            fixture.given(opened())
                    .when(new CloseSubmissionsCommand(new CompetitionId(ROUND)))
                    .expectEvents(new SubmissionsClosedEvent(ROUND, DEADLINE));
        }

        @Test
        void firingAgainRecordsNothing() {
            fixture.given(opened(), new SubmissionsClosedEvent(ROUND, DEADLINE))
                    .when(new CloseSubmissionsCommand(new CompetitionId(ROUND)))
                    .expectNoEvents();
        }

        @Test
        void firingAfterTheCloseRecordsNothing() {
            fixture.given(opened(), new CompetitionClosedEvent(ROUND, DEADLINE, List.of(), List.of(), 0, 1_000_000, "approver"))
                    .when(new CloseSubmissionsCommand(new CompetitionId(ROUND)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Opening {

        static final Instant NOW = DEADLINE.minusSeconds(86_400);

        OpenCompetitionCommand open(int year, String fund, long budgetFen, List<Criterion> criteria, Instant deadline) {
            return new OpenCompetitionCommand(new CompetitionId(ROUND), "2016年度", year, new FundId(fund), budgetFen,
                    criteria, deadline, Actor.of("clerk", "CLERK"));
        }

        List<String> problems(OpenCompetitionCommand command) {
            Refusal refusal = (Refusal) org.assertj.core.api.Assertions.catchThrowable(
                    () -> Competition.requireValid(command, NOW));
            assertThat(refusal).isNotNull();
            assertThat(refusal.code()).isEqualTo("COMPETITION_INVALID");
            return refusal.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
        }

        @Test
        void aWellFormedRoundPasses() {
            Competition.requireValid(open(2016, "FUND-510824-2016-CENTRAL", 1, CRITERIA, DEADLINE), NOW);
        }

        @Test
        void weightsMustSumTo100() {
            assertThat(problems(open(2016, "FUND-510824-2016-CENTRAL", 1, List.of(new Criterion("A", 50),
                    new Criterion("B", 49)), DEADLINE))).containsExactly("criteria:CRITERIA_WEIGHTS_NOT_100");
        }

        @Test
        void everyBadFieldIsNamed() {
            assertThat(problems(open(2017, "FUND-510824-2016-CENTRAL", 0, List.of(new Criterion("A", 0),
                    new Criterion("A", 100), new Criterion(" ", 0)), NOW)))
                    .containsExactlyInAnyOrder("fundId:FUND_NOT_OF_YEAR", "budgetFen:AMOUNT_NOT_POSITIVE",
                            "deadline:DEADLINE_PASSED", "criteria[0].weight:CRITERION_WEIGHT_INVALID",
                            "criteria[1].name:CRITERION_DUPLICATE", "criteria[2].name:CRITERION_NAME_REQUIRED");
        }

        @Test
        void aRoundNeedsCriteria() {
            assertThat(problems(open(2016, "FUND-510824-2016-CENTRAL", 1, List.of(), DEADLINE)))
                    .containsExactly("criteria:CRITERIA_REQUIRED");
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void onlyAProposalOfTheRoundCanBeWithdrawn() {
            Competition competition = new Competition();
            assertThatThrownBy(() -> competition.withdraw("PRJ-X", "cancelled"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /** A refusal of several invalid fields with the given code, naming exactly these "field:CODE" problems. */
    static Matcher<Throwable> invalid(String code, String... problems) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown, Description mismatch) {
                if (!(thrown instanceof Refusal refusal) || refusal.kind() != RefusalKind.INVALID
                        || !refusal.code().equals(code)) {
                    mismatch.appendText("was ").appendValue(thrown);
                    return false;
                }
                List<String> named = refusal.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
                if (!named.equals(List.of(problems))) {
                    mismatch.appendText("named ").appendValue(named);
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an invalid refusal ").appendValue(code).appendValue(List.of(problems));
            }
        };
    }
}
