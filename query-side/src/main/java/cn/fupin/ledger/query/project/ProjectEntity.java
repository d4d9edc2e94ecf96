package cn.fupin.ledger.query.project;

import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A project as staff read it: what was proposed, where it stands, what its funds hold for it now, what is asked for
 * and what was paid (all in fen; pending payments are still part of the reservation). Free texts that
 * feed the public notice may be long and are stored as large text. {@code lastSequence} is the last event of the
 * project applied, for idempotency.
 */
@Entity
@Table(name = "project_view")
class ProjectEntity {

    @Id
    @Column(name = "project_id", length = 64)
    private String projectId;

    @Column(name = "name", nullable = false, length = 500)
    private String name;

    @Column(name = "work_area", nullable = false, length = 40)
    private String workArea;

    @Column(name = "village_code", nullable = false, length = 12)
    private String villageCode;

    @Column(name = "township_code", nullable = false, length = 9)
    private String townshipCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "beneficiary", nullable = false, length = 16)
    private Beneficiary beneficiary;

    @Column(name = "budget_total_fen", nullable = false)
    private long budgetTotalFen;

    @Column(name = "reserved_fen", nullable = false)
    private long reservedFen;

    @Column(name = "pending_fen", nullable = false)
    private long pendingFen;

    @Column(name = "paid_fen", nullable = false)
    private long paidFen;

    @Column(name = "implementer", length = 500)
    private String implementer;

    @Column(name = "supervisor", length = 500)
    private String supervisor;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "expected_households", nullable = false)
    private int expectedHouseholds;

    @Column(name = "expected_people")
    private Integer expectedPeople;

    @Lob
    @Column(name = "description")
    private String description;

    @Lob
    @Column(name = "benefit_mechanism")
    private String benefitMechanism;

    @Lob
    @Column(name = "subsidy_standard")
    private String subsidyStandard;

    @Column(name = "person_in_charge", length = 200)
    private String personInCharge;

    @Column(name = "supervision_phone", length = 64)
    private String supervisionPhone;

    @Lob
    @Column(name = "villagers_meeting")
    private String villagersMeeting;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private ProjectStatus status;

    @Column(name = "competition_id", length = 64)
    private String competitionId;

    @Column(name = "approval_doc_no", length = 500)
    private String approvalDocNo;

    @Column(name = "proposed_by", nullable = false, length = 100)
    private String proposedBy;

    @Column(name = "approved_by", length = 100)
    private String approvedBy;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    protected ProjectEntity() {
    }

    ProjectEntity(ProjectProposedEvent event, Instant proposedAt, long sequence) {
        this.projectId = event.projectId();
        this.name = event.name();
        this.workArea = event.workArea();
        this.villageCode = event.villageCode();
        this.townshipCode = event.townshipCode();
        this.beneficiary = event.beneficiary();
        this.budgetTotalFen = event.budgetTotalFen();
        this.reservedFen = 0;
        this.implementer = event.implementer();
        this.supervisor = event.supervisor();
        this.startDate = event.startDate();
        this.endDate = event.endDate();
        this.expectedHouseholds = event.expectedHouseholds();
        this.expectedPeople = event.expectedPeople();
        this.description = event.description();
        this.benefitMechanism = event.benefitMechanism();
        this.subsidyStandard = event.subsidyStandard();
        this.personInCharge = event.personInCharge();
        this.supervisionPhone = event.supervisionPhone();
        this.villagersMeeting = event.villagersMeeting();
        this.status = ProjectStatus.PROPOSED;
        this.proposedBy = event.proposedBy();
        this.proposedAt = proposedAt;
        this.lastSequence = sequence;
    }

    /** Applies an event of the project once: events arrive at least once, and an older sequence is ignored. */
    boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    void submittedTo(String competitionId) {
        this.competitionId = competitionId;
    }

    void status(ProjectStatus status) {
        this.status = status;
    }

    void approved(String approvalDocNo, String approvedBy, long reservedFen) {
        this.status = ProjectStatus.APPROVED;
        this.approvalDocNo = approvalDocNo;
        this.approvedBy = approvedBy;
        this.reservedFen = reservedFen;
    }

    /** Cancelled or accepted: what was reserved and not paid went back to the funds, so nothing is held any more. */
    void released(ProjectStatus status) {
        this.status = status;
        this.reservedFen = 0;
    }

    /** A payment was requested: it waits for approval and is still held in the reservation. */
    void paymentRequested(long amountFen) {
        this.pendingFen = Math.addExact(pendingFen, amountFen);
    }

    /**
     * A payment was approved (pending → paid, and the funds no longer hold it reserved), rejected (pending released,
     * still reserved) or reversed (paid → reserved again, as the funds record it).
     */
    void paymentSettled(String outcome, long amountFen) {
        switch (outcome) {
            case "APPROVED" -> {
                pendingFen = Math.subtractExact(pendingFen, amountFen);
                paidFen = Math.addExact(paidFen, amountFen);
                reservedFen = Math.subtractExact(reservedFen, amountFen);
            }
            case "REJECTED" -> pendingFen = Math.subtractExact(pendingFen, amountFen);
            case "REVERSED" -> {
                paidFen = Math.subtractExact(paidFen, amountFen);
                reservedFen = Math.addExact(reservedFen, amountFen);
            }
            default -> throw new IllegalStateException("unknown payment outcome " + outcome + " of " + projectId);
        }
    }

    String projectId() { return projectId; }
    String name() { return name; }
    String workArea() { return workArea; }
    String villageCode() { return villageCode; }
    String townshipCode() { return townshipCode; }
    Beneficiary beneficiary() { return beneficiary; }
    long budgetTotalFen() { return budgetTotalFen; }
    long reservedFen() { return reservedFen; }
    long pendingFen() { return pendingFen; }
    long paidFen() { return paidFen; }
    String implementer() { return implementer; }
    String supervisor() { return supervisor; }
    LocalDate startDate() { return startDate; }
    LocalDate endDate() { return endDate; }
    int expectedHouseholds() { return expectedHouseholds; }
    Integer expectedPeople() { return expectedPeople; }
    String description() { return description; }
    String benefitMechanism() { return benefitMechanism; }
    String subsidyStandard() { return subsidyStandard; }
    String personInCharge() { return personInCharge; }
    String supervisionPhone() { return supervisionPhone; }
    String villagersMeeting() { return villagersMeeting; }
    ProjectStatus status() { return status; }
    String competitionId() { return competitionId; }
    String approvalDocNo() { return approvalDocNo; }
    String proposedBy() { return proposedBy; }
    String approvedBy() { return approvedBy; }
}
