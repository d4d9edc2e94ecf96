package cn.fupin.ledger.query.competition;

import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A proposal submitted to a round; the id is the round's id and the project's. */
@Entity
@Table(name = "competition_proposal_view")
class CompetitionProposalEntity {

    @Id
    @Column(name = "proposal_id", length = 140)
    private String proposalId;

    @Column(name = "competition_id", nullable = false, length = 64)
    private String competitionId;

    @Column(name = "project_id", nullable = false, length = 64)
    private String projectId;

    @Column(name = "township_code", nullable = false, length = 9)
    private String townshipCode;

    @Column(name = "village_code", nullable = false, length = 12)
    private String villageCode;

    @Column(name = "requested_fen", nullable = false)
    private long requestedFen;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Column(name = "reviewer_count", nullable = false)
    private int reviewerCount;

    @Column(name = "withdrawn", nullable = false)
    private boolean withdrawn;

    protected CompetitionProposalEntity() {
    }

    CompetitionProposalEntity(ProposalSubmittedEvent event) {
        this.proposalId = id(event.competitionId(), event.projectId());
        this.competitionId = event.competitionId();
        this.projectId = event.projectId();
        this.townshipCode = event.townshipCode();
        this.villageCode = event.villageCode();
        this.requestedFen = event.requestedFen();
        this.submittedAt = event.submittedAt();
        this.submittedBy = event.submittedBy();
    }

    static String id(String competitionId, String projectId) {
        return competitionId + "/" + projectId;
    }

    void scored() {
        reviewerCount = Math.addExact(reviewerCount, 1);
    }

    void withdrawn() {
        withdrawn = true;
    }

    String projectId() { return projectId; }
    String townshipCode() { return townshipCode; }
    String villageCode() { return villageCode; }
    long requestedFen() { return requestedFen; }
    Instant submittedAt() { return submittedAt; }
    String submittedBy() { return submittedBy; }
    int reviewerCount() { return reviewerCount; }
    boolean isWithdrawn() { return withdrawn; }
}
