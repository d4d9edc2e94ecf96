package cn.fupin.ledger.query.competition;

import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.CompetitionStatus;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.RankingLineView;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.FindCompetitionQuery;
import cn.fupin.ledger.shared.competition.FindCompetitionsQuery;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import cn.fupin.ledger.shared.competition.SubmissionsClosedEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The competitions read model, fed the round of {@link Rounds} event by event (with its sequence numbers), read back
 * through the query handlers on a clock the test sets.
 */
@DataJpaTest(showSql = false)
class CompetitionProjectionTest {

    @Autowired
    CompetitionRepository competitions;

    @Autowired
    CompetitionProposalRepository proposals;

    @Autowired
    CompetitionProjectNameRepository projectNames;

    CompetitionProjection projection() {
        return new CompetitionProjection(competitions, proposals, projectNames);
    }

    CompetitionQueries queriesAt(Instant now) {
        // The recomputation reads the event store; these tests never ask for it.
        return new CompetitionQueries(competitions, proposals, projectNames, null, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Hands every event of the list to the projection, its index as its sequence number. */
    void feed(List<Recomputation.StoredEvent> events) {
        CompetitionProjection projection = projection();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Object payload = events.get(sequence).payload();
            if (payload instanceof CompetitionOpenedEvent e) {
                projection.on(e, sequence);
            } else if (payload instanceof ProposalSubmittedEvent e) {
                projection.on(e, sequence);
            } else if (payload instanceof ProposalWithdrawnEvent e) {
                projection.on(e, sequence);
            } else if (payload instanceof ProposalScoredEvent e) {
                projection.on(e, sequence);
            } else if (payload instanceof SubmissionsClosedEvent e) {
                projection.on(e, sequence);
            } else if (payload instanceof CompetitionClosedEvent e) {
                projection.on(e, sequence);
            } else if (!(payload instanceof ConflictOfInterestDeclaredEvent)) {
                throw new IllegalArgumentException("no handler for " + payload);
            }
        }
    }

    CompetitionView round(Instant now) {
        return queriesAt(now).handle(new FindCompetitionQuery(Rounds.ROUND)).orElseThrow();
    }

    @Nested
    class BeforeTheClose {

        @Test
        void aRoundIsOpenUntilItsDeadlineByTheLedgersClock() {
            feed(Rounds.beforeClose());

            assertThat(round(Rounds.DEADLINE.minusNanos(1000)).status()).isEqualTo(CompetitionStatus.OPEN);
            assertThat(round(Rounds.DEADLINE).status()).isEqualTo(CompetitionStatus.SUBMISSIONS_CLOSED);
        }

        @Test
        void aRoundThatRecordedItsSubmissionsClosedSaysSoWhateverTheClock() {
            List<Recomputation.StoredEvent> events = new java.util.ArrayList<>(Rounds.beforeClose());
            events.add(new Recomputation.StoredEvent(new SubmissionsClosedEvent(Rounds.ROUND, Rounds.DEADLINE),
                    Rounds.DEADLINE));
            feed(events);

            assertThat(round(Rounds.T0).status()).isEqualTo(CompetitionStatus.SUBMISSIONS_CLOSED);
        }

        @Test
        void everyProposalIsListedWithItsReviewersAndWhetherItWasWithdrawn() {
            projection().on(new ProjectProposedEvent("PRJ-P1", "陵江镇村道", "ROADS", "510824100001", "510824100",
                    Beneficiary.VILLAGE, List.of(), 0, null, null, null, null, 0, null, null, null, null, null, null,
                    null, "clerk"));
            feed(Rounds.beforeClose());

            CompetitionView view = round(Rounds.T0);
            assertThat(view.proposals()).extracting(CompetitionView.ProposalView::projectId,
                    CompetitionView.ProposalView::projectName, CompetitionView.ProposalView::reviewerCount,
                    CompetitionView.ProposalView::withdrawn).containsExactly(
                    tuple("PRJ-P1", "陵江镇村道", 2, false),
                    tuple("PRJ-P2", null, 2, false),
                    tuple("PRJ-P3", null, 2, false),
                    tuple("PRJ-P4", null, 1, true));
            assertThat(view.proposals().get(0).submittedAt()).isEqualTo(Rounds.at(1));
            assertThat(view.criteria()).isEqualTo(Rounds.CRITERIA);
            assertThat(view.ranking()).isEmpty();
            assertThat(view.awardedTotalFen()).isZero();
            assertThat(view.remainingFen()).isEqualTo(Rounds.BUDGET_FEN);
            assertThat(view.closedAt()).isNull();
        }
    }

    @Nested
    class AfterTheClose {

        @Test
        void theRankingIsExactlyTheOneTheClosingEventRecorded() {
            feed(Rounds.closedWith(Rounds.honestClose()));
            CompetitionClosedEvent closed = (CompetitionClosedEvent) Rounds.honestClose().payload();

            CompetitionView view = round(Rounds.T0);
            assertThat(view.status()).isEqualTo(CompetitionStatus.CLOSED);
            assertThat(view.ranking()).isEqualTo(RankingLineView.of(closed.ranking()));
            assertThat(view.awardedTotalFen()).isEqualTo(800L);
            assertThat(view.remainingFen()).isEqualTo(200L);
            assertThat(view.closedBy()).isEqualTo("approver");
            assertThat(view.closedAt()).isEqualTo(closed.closedAt());
        }

        @Test
        void theWholeStreamDeliveredTwiceCountsEveryReviewerOnce() {
            feed(Rounds.closedWith(Rounds.honestClose()));
            CompetitionView once = round(Rounds.T0);
            feed(Rounds.closedWith(Rounds.honestClose()));

            assertThat(round(Rounds.T0)).isEqualTo(once);
            assertThat(once.proposals()).extracting(CompetitionView.ProposalView::reviewerCount)
                    .containsExactly(2, 2, 2, 1);
        }
    }

    @Test
    void roundsAreListedByYear() {
        feed(Rounds.beforeClose());
        projection().on(new CompetitionOpenedEvent("CMP-T-0", null, 2070, "FUND-510824-2070-CENTRAL", 1L, Rounds.CRITERIA,
                Rounds.DEADLINE, "clerk"), 0);

        assertThat(queriesAt(Rounds.T0).handle(new FindCompetitionsQuery(2071)))
                .extracting(CompetitionView::competitionId).containsExactly(Rounds.ROUND);
        assertThat(queriesAt(Rounds.T0).handle(new FindCompetitionsQuery(null)))
                .extracting(CompetitionView::competitionId).containsExactly("CMP-T-0", Rounds.ROUND);
    }

    @Test
    void aResetForgetsEveryRound() {
        feed(Rounds.closedWith(Rounds.honestClose()));
        projection().reset();

        assertThat(competitions.count()).isZero();
        assertThat(proposals.count()).isZero();
    }
}
