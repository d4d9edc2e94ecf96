package cn.fupin.ledger.query.coverage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A household as coverage counts it: where it lives and whether it counts as registered now (registered or returned,
 * not exited; migrants like everyone). {@code lastSequence} is the last event of the household applied.
 */
@Entity
@Table(name = "coverage_household")
class CoverageHouseholdEntity {

    @Id
    @Column(name = "card_no", length = 32)
    private String cardNo;

    @Column(name = "village_code", nullable = false, length = 12)
    private String villageCode;

    @Column(name = "township_code", nullable = false, length = 9)
    private String townshipCode;

    @Column(name = "registered", nullable = false)
    private boolean registered;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    protected CoverageHouseholdEntity() {
    }

    CoverageHouseholdEntity(String cardNo, String villageCode, String townshipCode, long sequence) {
        this.cardNo = cardNo;
        this.villageCode = villageCode;
        this.townshipCode = townshipCode;
        this.registered = true;
        this.lastSequence = sequence;
    }

    /** Applies an event of the household once: events arrive at least once, and an older sequence is ignored. */
    boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    /** A corrected village: the household counts in its new village from now on. */
    void place(String villageCode, String townshipCode) {
        this.villageCode = villageCode;
        this.townshipCode = townshipCode;
    }

    void registered(boolean registered) {
        this.registered = registered;
    }

    String villageCode() {
        return villageCode;
    }

    String townshipCode() {
        return townshipCode;
    }
}
