package cn.fupin.ledger.shared.common;

/** How a refusal maps onto the HTTP contract. */
public enum RefusalKind {
    /** 409: a business rule refused the command. */
    CONFLICT,
    /** 422: a field is invalid. */
    INVALID,
    /** 404: the command names something that does not exist. */
    NOT_FOUND,
    /** 403: the actor may use this endpoint, but not on this thing (another township's project, a declared conflict). */
    FORBIDDEN
}
