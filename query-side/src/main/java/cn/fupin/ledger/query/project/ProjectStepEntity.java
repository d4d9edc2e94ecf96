package cn.fupin.ledger.query.project;

import cn.fupin.ledger.shared.project.ProjectStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One step of a project's life: which event, the status after it, who took it, when, and its reason, document or
 * competitive round. The id is the project id and the event's sequence number, so a redelivered event is one step.
 */
@Entity
@Table(name = "project_step")
class ProjectStepEntity {

    @Id
    @Column(name = "step_id", length = 90)
    private String stepId;

    @Column(name = "project_id", nullable = false, length = 64)
    private String projectId;

    @Column(name = "sequence_number", nullable = false)
    private long sequenceNumber;

    @Column(name = "step", nullable = false, length = 32)
    private String step;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private ProjectStatus status;

    @Column(name = "actor", length = 100)
    private String actor;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Lob
    @Column(name = "detail")
    private String detail;

    protected ProjectStepEntity() {
    }

    ProjectStepEntity(String projectId, long sequenceNumber, String step, ProjectStatus status, String actor,
                      Instant recordedAt, String detail) {
        this.stepId = id(projectId, sequenceNumber);
        this.projectId = projectId;
        this.sequenceNumber = sequenceNumber;
        this.step = step;
        this.status = status;
        this.actor = actor;
        this.recordedAt = recordedAt;
        this.detail = detail;
    }

    static String id(String projectId, long sequenceNumber) {
        return projectId + "#" + sequenceNumber;
    }

    String stepId() { return stepId; }
    String projectId() { return projectId; }
    String step() { return step; }
    ProjectStatus status() { return status; }
    String actor() { return actor; }
    Instant recordedAt() { return recordedAt; }
    String detail() { return detail; }
}
