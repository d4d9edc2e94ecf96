package cn.fupin.ledger.query.assessment;

import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Keeps every recorded township assessment; idempotent by the township and the event's sequence number. */
@Component
@ProcessingGroup(TownshipAssessmentProjection.GROUP)
class TownshipAssessmentProjection {

    static final String GROUP = "assessments";

    private final TownshipAssessmentRepository assessments;

    TownshipAssessmentProjection(TownshipAssessmentRepository assessments) {
        this.assessments = assessments;
    }

    @EventHandler
    void on(TownshipAssessedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (assessments.findById(TownshipAssessmentEntity.id(event.townshipCode(), sequence)).isEmpty()) {
            assessments.save(new TownshipAssessmentEntity(event.townshipCode(), sequence, event.year(),
                    event.scoreHundredths(), event.documentNo(), event.recordedBy(), recordedAt));
        }
    }

    @ResetHandler
    void reset() {
        assessments.deleteAllInBatch();
    }
}
