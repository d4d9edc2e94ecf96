package cn.fupin.ledger.shared.disclosure;

/** One published notice by its id. */
public record FindNoticeQuery(String noticeId) {
}
