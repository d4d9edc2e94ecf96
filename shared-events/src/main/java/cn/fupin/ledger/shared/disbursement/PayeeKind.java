package cn.fupin.ledger.shared.disbursement;

/** Who receives a disbursement: a village (village-targeted projects) or a household (a start-up grant). */
public enum PayeeKind {
    VILLAGE,
    HOUSEHOLD
}
