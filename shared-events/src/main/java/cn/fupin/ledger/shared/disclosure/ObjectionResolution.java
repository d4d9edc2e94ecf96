package cn.fupin.ledger.shared.disclosure;

/** How an officer decided an objection (异议处理结果). */
public enum ObjectionResolution {
    /** 异议成立: the item is withdrawn from the notice and a correction notice is due. */
    UPHELD,
    /** 异议不成立: the item stands and its hold is released. */
    DISMISSED
}
