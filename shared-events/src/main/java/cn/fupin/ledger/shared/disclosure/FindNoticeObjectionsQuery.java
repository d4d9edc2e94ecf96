package cn.fupin.ledger.shared.disclosure;

/** The objections to one notice as officers see them (with the objector's text, never the contact). */
public record FindNoticeObjectionsQuery(String noticeId) {
}
