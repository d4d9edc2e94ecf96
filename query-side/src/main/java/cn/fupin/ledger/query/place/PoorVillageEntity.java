package cn.fupin.ledger.query.place;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One year in which a village is a poor village; the id is the village code and the year. */
@Entity
@Table(name = "poor_village_view")
class PoorVillageEntity {

    @Id
    @Column(name = "designation_id", length = 20)
    private String designationId;

    @Column(name = "village_code", nullable = false, length = 12)
    private String villageCode;

    @Column(name = "township_code", nullable = false, length = 9)
    private String townshipCode;

    @Column(name = "designation_year", nullable = false)
    private int year;

    @Column(name = "document_no", nullable = false, length = 64)
    private String documentNo;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected PoorVillageEntity() {
    }

    PoorVillageEntity(String villageCode, String townshipCode, int year, String documentNo, Instant recordedAt) {
        this.designationId = id(villageCode, year);
        this.villageCode = villageCode;
        this.townshipCode = townshipCode;
        this.year = year;
        this.documentNo = documentNo;
        this.recordedAt = recordedAt;
    }

    static String id(String villageCode, int year) {
        return villageCode + "-" + year;
    }

    String villageCode() {
        return villageCode;
    }

    int year() {
        return year;
    }
}
