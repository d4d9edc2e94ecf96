package cn.fupin.ledger.query.competition;

import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A competitive round: what it was opened with, whether its submissions and the round itself are closed, and the
 * closing ranking. The criteria and the ranking are kept as the JSON text of the event's own values (see
 * {@link CompetitionJson}) because they are only ever read back whole. {@code lastSequence} is the last event of the
 * round applied, for idempotency; it also guards the round's proposals, whose events are the round's events.
 */
@Entity
@Table(name = "competition_view")
class CompetitionEntity {

    @Id
    @Column(name = "competition_id", length = 64)
    private String competitionId;

    @Column(name = "name", length = 500)
    private String name;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "fund_id", nullable = false, length = 64)
    private String fundId;

    @Column(name = "budget_fen", nullable = false)
    private long budgetFen;

    @Lob
    @Column(name = "criteria_json", nullable = false)
    private String criteriaJson;

    @Column(name = "deadline", nullable = false)
    private Instant deadline;

    @Column(name = "opened_by", length = 100)
    private String openedBy;

    @Column(name = "submissions_closed", nullable = false)
    private boolean submissionsClosed;

    @Column(name = "closed", nullable = false)
    private boolean closed;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by", length = 100)
    private String closedBy;

    @Lob
    @Column(name = "ranking_json")
    private String rankingJson;

    @Column(name = "awarded_total_fen", nullable = false)
    private long awardedTotalFen;

    @Column(name = "remaining_fen", nullable = false)
    private long remainingFen;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    protected CompetitionEntity() {
    }

    CompetitionEntity(CompetitionOpenedEvent event, String criteriaJson, long sequence) {
        this.competitionId = event.competitionId();
        this.name = event.name();
        this.fiscalYear = event.fiscalYear();
        this.fundId = event.fundId();
        this.budgetFen = event.budgetFen();
        this.criteriaJson = criteriaJson;
        this.deadline = event.deadline();
        this.openedBy = event.openedBy();
        this.remainingFen = event.budgetFen();
        this.lastSequence = sequence;
    }

    /** Applies an event of the round once: events arrive at least once, and an older sequence is ignored. */
    boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    void submissionsClosed() {
        this.submissionsClosed = true;
    }

    void closed(Instant closedAt, String closedBy, String rankingJson, long awardedTotalFen, long remainingFen) {
        this.closed = true;
        this.submissionsClosed = true;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.rankingJson = rankingJson;
        this.awardedTotalFen = awardedTotalFen;
        this.remainingFen = remainingFen;
    }

    String competitionId() { return competitionId; }
    String name() { return name; }
    int fiscalYear() { return fiscalYear; }
    String fundId() { return fundId; }
    long budgetFen() { return budgetFen; }
    String criteriaJson() { return criteriaJson; }
    Instant deadline() { return deadline; }
    String openedBy() { return openedBy; }
    boolean isSubmissionsClosed() { return submissionsClosed; }
    boolean isClosed() { return closed; }
    Instant closedAt() { return closedAt; }
    String closedBy() { return closedBy; }
    String rankingJson() { return rankingJson; }
    long awardedTotalFen() { return awardedTotalFen; }
    long remainingFen() { return remainingFen; }
}
