package cn.fupin.ledger.query.coverage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A village's coverage as last counted from its households and their grants: registered households, those of them
 * with a paid unreversed grant, and the fen of those grants. Counted again whenever one of its households or their
 * grants changes, so it is always what counting the detail rows would give.
 */
@Entity
@Table(name = "coverage_village")
class CoverageVillageEntity {

    @Id
    @Column(name = "village_code", length = 12)
    private String villageCode;

    @Column(name = "township_code", nullable = false, length = 9)
    private String townshipCode;

    @Column(name = "registered", nullable = false)
    private long registered;

    @Column(name = "granted", nullable = false)
    private long granted;

    @Column(name = "granted_fen", nullable = false)
    private long grantedFen;

    protected CoverageVillageEntity() {
    }

    CoverageVillageEntity(String villageCode, String townshipCode, long registered, long granted, long grantedFen) {
        this.villageCode = villageCode;
        this.townshipCode = townshipCode;
        this.registered = registered;
        this.granted = granted;
        this.grantedFen = grantedFen;
    }

    String villageCode() { return villageCode; }
    long registered() { return registered; }
    long granted() { return granted; }
    long grantedFen() { return grantedFen; }
}
