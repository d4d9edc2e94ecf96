package cn.fupin.ledger.query.household;

import cn.fupin.ledger.shared.household.HouseholdStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A household as staff see it: personal numbers only masked. {@code lastSequence} makes the projection idempotent. */
@Entity
@Table(name = "household_view")
class HouseholdEntity {

    @Id
    @Column(name = "card_no", length = 32)
    private String cardNo;

    @Column(name = "head_name", nullable = false, length = 50)
    private String headName;

    @Column(name = "id_number_masked", nullable = false, length = 18)
    private String idNumberMasked;

    @Column(name = "bank_card_masked", nullable = false, length = 19)
    private String bankCardMasked;

    @Column(name = "village_code", nullable = false, length = 12)
    private String villageCode;

    @Column(name = "township_code", nullable = false, length = 9)
    private String townshipCode;

    @Column(name = "members", nullable = false)
    private int members;

    @Column(name = "migrant", nullable = false)
    private boolean migrant;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private HouseholdStatus status;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    protected HouseholdEntity() {
    }

    HouseholdEntity(String cardNo, String headName, String idNumberMasked, String bankCardMasked, String villageCode,
                    String townshipCode, int members, boolean migrant, Instant registeredAt, long sequence) {
        this.cardNo = cardNo;
        this.headName = headName;
        this.idNumberMasked = idNumberMasked;
        this.bankCardMasked = bankCardMasked;
        this.villageCode = villageCode;
        this.townshipCode = townshipCode;
        this.members = members;
        this.migrant = migrant;
        this.status = HouseholdStatus.REGISTERED;
        this.registeredAt = registeredAt;
        this.lastSequence = sequence;
    }

    boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    void status(HouseholdStatus status) {
        this.status = status;
    }

    /** A corrected bank card, masked as the event holds it. */
    void bankCardMasked(String bankCardMasked) {
        this.bankCardMasked = bankCardMasked;
    }

    /** A corrected village: the household's head is listed in its new village from now on. */
    void place(String villageCode, String townshipCode) {
        this.villageCode = villageCode;
        this.townshipCode = townshipCode;
    }

    String cardNo() { return cardNo; }
    String headName() { return headName; }
    String idNumberMasked() { return idNumberMasked; }
    String bankCardMasked() { return bankCardMasked; }
    String villageCode() { return villageCode; }
    String townshipCode() { return townshipCode; }
    int members() { return members; }
    boolean migrant() { return migrant; }
    HouseholdStatus status() { return status; }
}
