package cn.fupin.ledger.shared.household;

/** Where a household stands in the register. */
public enum HouseholdStatus {
    /** 纳入: registered as a poor household. */
    REGISTERED,
    /** 脱贫退出: left poverty and exited the register. */
    EXITED,
    /** 返贫: fell back into poverty after exiting, and is in the register again. */
    RETURNED
}
