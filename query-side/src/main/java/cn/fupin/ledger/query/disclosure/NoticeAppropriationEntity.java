package cn.fupin.ledger.query.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When each appropriation was recorded: an allocation notice is due within 15 working days of it. */
@Entity
@Table(name = "notice_appropriation")
class NoticeAppropriationEntity {

    @Id
    @Column(name = "appropriation_id", length = 80)
    private String appropriationId;

    @Column(name = "fund_id", nullable = false, length = 64)
    private String fundId;

    @Column(name = "appropriated_at", nullable = false)
    private Instant appropriatedAt;

    protected NoticeAppropriationEntity() {
    }

    NoticeAppropriationEntity(String appropriationId, String fundId, Instant appropriatedAt) {
        this.appropriationId = appropriationId;
        this.fundId = fundId;
        this.appropriatedAt = appropriatedAt;
    }

    String appropriationId() { return appropriationId; }
    String fundId() { return fundId; }
    Instant appropriatedAt() { return appropriatedAt; }
}
