package cn.fupin.ledger.query.household;

import cn.fupin.ledger.shared.household.HouseholdStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a household's status; the id is the household's card number and the event's sequence number. */
@Entity
@Table(name = "household_status_change")
class HouseholdStatusChangeEntity {

    @Id
    @Column(name = "change_id", length = 64)
    private String changeId;

    @Column(name = "card_no", nullable = false, length = 32)
    private String cardNo;

    @Column(name = "sequence_number", nullable = false)
    private long sequenceNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private HouseholdStatus status;

    @Column(name = "status_year")
    private Integer year;

    @Column(name = "reason", length = 500)
    private String reason;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected HouseholdStatusChangeEntity() {
    }

    HouseholdStatusChangeEntity(String cardNo, long sequenceNumber, HouseholdStatus status, Integer year, String reason,
                                Instant recordedAt) {
        this.changeId = cardNo + "#" + sequenceNumber;
        this.cardNo = cardNo;
        this.sequenceNumber = sequenceNumber;
        this.status = status;
        this.year = year;
        this.reason = reason;
        this.recordedAt = recordedAt;
    }

    String changeId() { return changeId; }
    HouseholdStatus status() { return status; }
    Integer year() { return year; }
    String reason() { return reason; }
    Instant recordedAt() { return recordedAt; }
}
