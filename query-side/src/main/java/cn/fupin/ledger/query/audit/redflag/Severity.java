package cn.fupin.ledger.query.audit.redflag;

/** How urgently a finding asks for an officer's look; a finding is never a verdict, only its evidence. */
public enum Severity {
    LOW, MEDIUM, HIGH
}
