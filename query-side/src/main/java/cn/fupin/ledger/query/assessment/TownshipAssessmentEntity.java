package cn.fupin.ledger.query.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recorded township assessment; the id is the township code and the event's sequence number, so a redelivered
 * event is stored once. A second assessment of the same year (a correction) is a row of its own.
 */
@Entity
@Table(name = "township_assessment_view")
class TownshipAssessmentEntity {

    @Id
    @Column(name = "assessment_id", length = 40)
    private String assessmentId;

    @Column(name = "township_code", nullable = false, length = 9)
    private String townshipCode;

    @Column(name = "sequence_number", nullable = false)
    private long sequenceNumber;

    @Column(name = "assessment_year", nullable = false)
    private int year;

    @Column(name = "score_hundredths", nullable = false)
    private int scoreHundredths;

    @Column(name = "document_no", nullable = false, length = 500)
    private String documentNo;

    @Column(name = "recorded_by", length = 100)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected TownshipAssessmentEntity() {
    }

    TownshipAssessmentEntity(String townshipCode, long sequenceNumber, int year, int scoreHundredths, String documentNo,
                             String recordedBy, Instant recordedAt) {
        this.assessmentId = id(townshipCode, sequenceNumber);
        this.townshipCode = townshipCode;
        this.sequenceNumber = sequenceNumber;
        this.year = year;
        this.scoreHundredths = scoreHundredths;
        this.documentNo = documentNo;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    static String id(String townshipCode, long sequenceNumber) {
        return townshipCode + "#" + sequenceNumber;
    }

    String townshipCode() { return townshipCode; }
    int year() { return year; }
    int scoreHundredths() { return scoreHundredths; }
    String documentNo() { return documentNo; }
    String recordedBy() { return recordedBy; }
    Instant recordedAt() { return recordedAt; }
}
