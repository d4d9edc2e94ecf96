package cn.fupin.ledger.query.disbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * This read model's own copy of a household head's name by card number, so that a disbursement can show the masked
 * name without asking another read model. It is joined when answering, never copied onto the disbursement: the
 * household's registration and its grant belong to different streams and may arrive in either order.
 */
@Entity
@Table(name = "disbursement_payee_name")
class PayeeNameEntity {

    @Id
    @Column(name = "card_no", length = 32)
    private String cardNo;

    @Column(name = "head_name", nullable = false, length = 50)
    private String headName;

    protected PayeeNameEntity() {
    }

    PayeeNameEntity(String cardNo, String headName) {
        this.cardNo = cardNo;
        this.headName = headName;
    }
}
