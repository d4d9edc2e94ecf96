package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import cn.fupin.ledger.shared.competition.AssessmentUsed;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.CriterionPoints;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.competition.Ranking;
import cn.fupin.ledger.shared.competition.SubmissionsClosedEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Competitive rounds of fiscal year 2071 (ids CMP-QRY-…, projects PRJ-QRY-C… and PRJ-QRY-D…), recorded by appending
 * their events as the command side would, with the 2070 assessments of 白鹤乡 (510824208) and 月山乡 (510824223):
 * an honestly closed round, one whose closing event was tampered with, one still open and one past its deadline.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompetitionQueryApiTest extends LedgerApiTest {

    static final String BAIHE = "510824208";
    static final String YUESHAN = "510824223";
    static final Instant T0 = Instant.parse("2071-02-01T00:00:00Z");
    static final Instant DEADLINE = T0.plus(Duration.ofDays(30));
    static final Instant CLOSED_AT = DEADLINE.plus(Duration.ofDays(1));
    static final long BUDGET_FEN = 800_000L;
    static final List<Criterion> CRITERIA = List.of(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 30),
            new Criterion("BENEFIT", 70));
    static final List<AssessmentUsed> ASSESSMENTS = List.of(new AssessmentUsed(BAIHE, 2070, 9100, "苍委办〔2071〕11号"),
            new AssessmentUsed(YUESHAN, 2070, 8700, "苍委办〔2071〕12号"));

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    EventAppender appender;
    CompetitionClosedEvent honestClose;

    static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** The facts of a round with projects {@code prefix}1 to 4: 4 withdrawn, a conflict on 月山乡's proposal. */
    static List<Object> facts(String round, String prefix) {
        return List.of(
                new CompetitionOpenedEvent(round, "2071 年饮水安全竞争立项", 2071, "FUND-510824-2071-CENTRAL", BUDGET_FEN,
                        CRITERIA, DEADLINE, "clerk"),
                new ProposalSubmittedEvent(round, prefix + "1", BAIHE, "510824208203", 400_000L, at(1), "township"),
                // Nanoseconds that no DATETIME(6) column could hold: the ranking must keep them all the same.
                new ProposalSubmittedEvent(round, prefix + "2", YUESHAN, YUESHAN + "001", 500_000L,
                        at(2).plusNanos(123_456_789), "township"),
                new ProposalSubmittedEvent(round, prefix + "3", BAIHE, "510824208206", 300_000L, at(3), "township"),
                new ProposalSubmittedEvent(round, prefix + "4", YUESHAN, YUESHAN + "001", 100_000L, at(4), "township"),
                new ProposalWithdrawnEvent(round, prefix + "4", "项目撤销"),
                new ConflictOfInterestDeclaredEvent(round, "reviewer2", YUESHAN),
                scored(round, prefix + "1", "reviewer", 80),
                scored(round, prefix + "1", "reviewer2", 75),
                scored(round, prefix + "2", "reviewer", 90),
                scored(round, prefix + "2", "reviewer2", 20),
                scored(round, prefix + "3", "reviewer", 85),
                scored(round, prefix + "3", "reviewer2", 86),
                new SubmissionsClosedEvent(round, DEADLINE));
    }

    static ProposalScoredEvent scored(String round, String projectId, String reviewer, int points) {
        return new ProposalScoredEvent(round, projectId, reviewer, List.of(new CriterionPoints("BENEFIT", points)));
    }

    /** The ranking the rule gives for {@link #facts}, as the command side computes it when it closes a round. */
    static List<RankedProposal> ranking(List<Object> facts) {
        List<Ranking.Proposal> proposals = new ArrayList<>();
        List<Ranking.Score> scores = new ArrayList<>();
        List<Ranking.Conflict> conflicts = new ArrayList<>();
        for (Object fact : facts) {
            if (fact instanceof ProposalSubmittedEvent e) {
                proposals.add(new Ranking.Proposal(e.projectId(), e.townshipCode(), e.requestedFen(), e.submittedAt()));
            } else if (fact instanceof ProposalWithdrawnEvent e) {
                proposals.removeIf(p -> p.projectId().equals(e.projectId()));
            } else if (fact instanceof ProposalScoredEvent e) {
                scores.add(new Ranking.Score(e.projectId(), e.reviewer(), e.points()));
            } else if (fact instanceof ConflictOfInterestDeclaredEvent e) {
                conflicts.add(new Ranking.Conflict(e.reviewer(), e.townshipCode()));
            }
        }
        return Ranking.rank(new Ranking.Facts(BUDGET_FEN, CRITERIA, proposals, scores, conflicts,
                ASSESSMENTS.stream().map(a -> new Ranking.Assessment(a.townshipCode(), a.scoreHundredths())).toList()));
    }

    static CompetitionClosedEvent close(String round, List<RankedProposal> ranking) {
        long awarded = ranking.stream().mapToLong(RankedProposal::awardedFen).sum();
        return new CompetitionClosedEvent(round, CLOSED_AT, ASSESSMENTS, ranking, awarded, BUDGET_FEN - awarded,
                "approver");
    }

    void record(String round, List<Object> facts, CompetitionClosedEvent close) {
        for (int i = 0; i < facts.size(); i++) {
            appender.appendAt(at(i), "Competition", round, facts.get(i));
        }
        if (close != null) {
            appender.appendAt(CLOSED_AT, "Competition", round, close);
        }
    }

    @BeforeAll
    void recordRounds() {
        appender = new EventAppender(eventStore, transactions, eventProcessing, readModelProgress);
        appender.appendAt(T0.minus(Duration.ofDays(20)), "Township", "TWN-" + BAIHE,
                new TownshipAssessedEvent(BAIHE, 2070, 9100, "苍委办〔2071〕11号", "clerk"));
        appender.appendAt(T0.minus(Duration.ofDays(20)), "Township", "TWN-" + YUESHAN,
                new TownshipAssessedEvent(YUESHAN, 2070, 8700, "苍委办〔2071〕12号", "clerk"));
        appender.appendAt(T0, "Project", "PRJ-QRY-C1", new ProjectProposedEvent("PRJ-QRY-C1", "柳池村饮水工程", "WATER",
                "510824208203", BAIHE, Beneficiary.VILLAGE, List.of(), 0, null, null, null, null, 0, null, null,
                null, null, null, null, null, "clerk"));

        List<Object> honest = facts("CMP-QRY-1", "PRJ-QRY-C");
        honestClose = close("CMP-QRY-1", ranking(honest));
        record("CMP-QRY-1", honest, honestClose);

        List<Object> tampered = facts("CMP-QRY-2", "PRJ-QRY-D");
        List<RankedProposal> ranking = new ArrayList<>(ranking(tampered));
        RankedProposal last = ranking.get(2);
        ranking.set(2, new RankedProposal(last.rank(), last.projectId(), last.townshipCode(), last.requestedFen(),
                last.submittedAt(), last.criterionScores(), last.weightedScore(), RankedProposal.Outcome.AWARDED,
                last.requestedFen()));
        record("CMP-QRY-2", tampered, close("CMP-QRY-2", ranking));

        appender.appendAt(T0, "Competition", "CMP-QRY-3", new CompetitionOpenedEvent("CMP-QRY-3", null, 2071,
                "FUND-510824-2071-CENTRAL", 1_000L, CRITERIA, Instant.parse("2099-12-31T00:00:00Z"), "clerk"));
        appender.appendAt(T0, "Competition", "CMP-QRY-4", new CompetitionOpenedEvent("CMP-QRY-4", null, 2071,
                "FUND-510824-2071-CENTRAL", 1_000L, CRITERIA, Instant.parse("2020-12-31T00:00:00Z"), "clerk"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(round("CMP-QRY-1").path("status").asText()).isEqualTo("CLOSED");
            assertThat(round("CMP-QRY-2").path("status").asText()).isEqualTo("CLOSED");
            assertThat(new Api(port).as("clerk").get("/api/competitions/CMP-QRY-4").status()).isEqualTo(200);
            assertThat(new Api(port).as("clerk").get("/api/competitions/CMP-QRY-3").status()).isEqualTo(200);
            assertThat(new Api(port).as("clerk").get("/api/projects/PRJ-QRY-C1").status()).isEqualTo(200);
        });
    }

    private JsonNode round(String competitionId) {
        Api.Response response = new Api(port).as("reviewer").get("/api/competitions/" + competitionId);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Nested
    class AClosedRound {

        @Test
        void showsTheRankingExactlyAsTheClosingEventRecordedIt() {
            JsonNode view = round("CMP-QRY-1");
            JsonNode recorded = events.of("CMP-QRY-1", "CompetitionClosedEvent").get(0).payload().path("ranking");

            assertThat(shown(view.path("ranking"))).isEqualTo(stored(recorded));
            assertThat(view.path("ranking")).hasSize(3);
            List<String> lines = new ArrayList<>();
            view.path("ranking").forEach(line -> lines.add(line.path("rank").asInt() + "/"
                    + line.path("projectId").asText() + "/" + line.path("outcome").asText() + "/"
                    + line.path("awardedFen").asLong()));
            // 月山乡's proposal leads because reviewer2's low points, under a declared conflict, do not count.
            assertThat(lines).containsExactly("1/PRJ-QRY-C2/AWARDED/500000", "2/PRJ-QRY-C3/AWARDED/300000",
                    "3/PRJ-QRY-C1/DOES_NOT_FIT/0");
            assertThat(view.path("ranking").get(0).path("submittedAt").asText()).isEqualTo("2071-02-01T00:02:00.123456789Z");
            assertThat(view.path("awardedTotalFen").asLong()).isEqualTo(honestClose.awardedTotalFen());
            assertThat(view.path("remainingFen").asLong()).isEqualTo(honestClose.remainingFen());
            assertThat(view.path("closedBy").asText()).isEqualTo("approver");
            assertThat(Instant.parse(view.path("closedAt").asText())).isEqualTo(CLOSED_AT);
        }

        @Test
        void listsEveryProposalWithItsReviewersAndWithdrawals() {
            JsonNode proposals = round("CMP-QRY-1").path("proposals");

            List<String> lines = new ArrayList<>();
            proposals.forEach(p -> lines.add(p.path("projectId").asText() + "/" + p.path("reviewerCount").asInt() + "/"
                    + p.path("withdrawn").asBoolean()));
            assertThat(lines).containsExactly("PRJ-QRY-C1/2/false", "PRJ-QRY-C2/2/false", "PRJ-QRY-C3/2/false",
                    "PRJ-QRY-C4/0/true");
            assertThat(proposals.get(0).path("projectName").asText()).isEqualTo("柳池村饮水工程");
            assertThat(proposals.get(0).path("requestedFen").asLong()).isEqualTo(400_000L);
        }

        @Test
        void recomputesToTheRecordedRankingFromTheEventsEvenAfterALateAssessment() {
            // A correction of 白鹤乡's 2070 assessment recorded after the close could not have been used by it.
            appender.appendAt(CLOSED_AT.plusSeconds(1), "Township", "TWN-" + BAIHE,
                    new TownshipAssessedEvent(BAIHE, 2070, 5000, "苍委办〔2071〕99号", "clerk"));

            Api.Response response = api.as("auditor").get("/api/competitions/CMP-QRY-1/recompute");

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode view = response.json();
            assertThat(view.path("mismatches")).isEmpty();
            assertThat(view.path("matches").asBoolean()).isTrue();
            assertThat(view.path("competitionId").asText()).isEqualTo("CMP-QRY-1");
            assertThat(view.path("ranking")).isEqualTo(view.path("recorded"));
            assertThat(shown(view.path("recorded")))
                    .isEqualTo(stored(events.of("CMP-QRY-1", "CompetitionClosedEvent").get(0).payload().path("ranking")));
            assertThat(view.path("eventCount").asInt()).isEqualTo(15);
            assertThat(view.path("assessmentsChecked").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aTamperedClosingEventDoesNotRecomputeAndTheDifferenceIsNamed() {
        JsonNode view = api.as("auditor").get("/api/competitions/CMP-QRY-2/recompute").json();

        assertThat(view.path("matches").asBoolean()).isFalse();
        List<String> mismatches = new ArrayList<>();
        view.path("mismatches").forEach(m -> mismatches.add(m.asText()));
        assertThat(mismatches).containsExactly("PRJ-QRY-D1 outcome: recorded AWARDED, recomputed DOES_NOT_FIT",
                "PRJ-QRY-D1 awardedFen: recorded 400000, recomputed 0",
                "awardedTotalFen: recorded 1200000, recomputed 800000",
                "remainingFen: recorded -400000, recomputed 0");
    }

    @Test
    void aRoundIsOpenBeforeItsDeadlineAndNotAfterByTheLedgersClock() {
        assertThat(round("CMP-QRY-3").path("status").asText()).isEqualTo("OPEN");
        assertThat(round("CMP-QRY-4").path("status").asText()).isEqualTo("SUBMISSIONS_CLOSED");
        assertThat(round("CMP-QRY-3").path("ranking")).isEmpty();
    }

    @Test
    void roundsAreListedByFiscalYear() {
        List<String> ids = new ArrayList<>();
        api.as("township").get("/api/competitions?fiscalYear=2071").json()
                .forEach(round -> ids.add(round.path("competitionId").asText()));

        assertThat(ids).containsExactly("CMP-QRY-1", "CMP-QRY-2", "CMP-QRY-3", "CMP-QRY-4");
    }

    @Nested
    class Refusals {

        @Test
        void anUnknownRoundIsNotFound() {
            Api.Response response = api.as("clerk").get("/api/competitions/CMP-QRY-NONE");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("COMPETITION_NOT_FOUND");
        }

        @Test
        void anUnknownRoundHasNothingToRecompute() {
            Api.Response response = api.as("auditor").get("/api/competitions/CMP-QRY-NONE/recompute");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("COMPETITION_NOT_FOUND");
        }

        @Test
        void aRoundNotClosedHasNothingToRecompute() {
            Api.Response response = api.as("auditor").get("/api/competitions/CMP-QRY-3/recompute");
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("COMPETITION_NOT_CLOSED");
        }
    }

    /** Every field of a ranking as the closing event stores it (scores in hundredths and ten-thousandths). */
    static List<String> stored(JsonNode ranking) {
        List<String> lines = new ArrayList<>();
        ranking.forEach(line -> {
            StringBuilder text = new StringBuilder(line.path("rank").asText() + "/" + line.path("projectId").asText()
                    + "/" + line.path("townshipCode").asText() + "/" + line.path("requestedFen").asLong() + "/"
                    + Instant.parse(line.path("submittedAt").asText()) + "/" + line.path("weightedScore").asLong()
                    + "/" + line.path("outcome").asText() + "/" + line.path("awardedFen").asLong());
            line.path("criterionScores").forEach(c -> text.append("/").append(c.path("criterion").asText()).append(":")
                    .append(c.path("scoreHundredths").asInt()).append(":").append(c.path("reviewers").asInt()));
            lines.add(text.toString());
        });
        return lines;
    }

    /**
     * The same fields as an answer shows them (decimal scores), converted back to the stored units; a shown score
     * must also be exactly its stored integer (weighted score with four decimals, criterion scores with two).
     */
    static List<String> shown(JsonNode ranking) {
        List<String> lines = new ArrayList<>();
        ranking.forEach(line -> {
            assertThat(line.path("score").decimalValue().movePointRight(4).longValueExact())
                    .isEqualTo(line.path("weightedScore").asLong());
            StringBuilder text = new StringBuilder(line.path("rank").asText() + "/" + line.path("projectId").asText()
                    + "/" + line.path("townshipCode").asText() + "/" + line.path("requestedFen").asLong() + "/"
                    + Instant.parse(line.path("submittedAt").asText()) + "/" + line.path("weightedScore").asLong()
                    + "/" + line.path("outcome").asText() + "/" + line.path("awardedFen").asLong());
            line.path("criterionScores").forEach(c -> text.append("/").append(c.path("criterion").asText()).append(":")
                    .append(c.path("score").decimalValue().movePointRight(2).intValueExact()).append(":")
                    .append(c.path("reviewers").asInt()));
            lines.add(text.toString());
        });
        return lines;
    }
}
