package cn.fupin.ledger.shared.audit;

/**
 * What a screening list an auditor uploads names: people who died (a civil-affairs death list) or people paid from
 * public budgets (a payroll roster of 财政供养人员), neither of whom may receive a household grant.
 */
public enum ScreeningListKind {
    DECEASED,
    PUBLIC_EMPLOYEE
}
