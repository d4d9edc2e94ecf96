package cn.fupin.ledger.shared.disbursement;

/**
 * Start-up grant coverage of a place: {@code registered} households (registered or returned, not exited; migrants
 * counted like everyone else), {@code granted} of them with a paid, unreversed grant, and {@code grantedFen} paid to
 * them in fen.
 */
public record GrantCoverageView(String level, String code, String name, long registered, long granted, long grantedFen) {
}
