package cn.fupin.ledger.shared.disclosure;

import org.axonframework.serialization.Revision;

/**
 * The notice {@code noticeId} was superseded by the correction notice {@code supersededBy} (更正公告) for
 * {@code reason}. It stays published, unchanged, and says so; its period no longer holds payments (the correction's
 * does), but its unresolved objections still do.
 */
@Revision("1")
public record NoticeSupersededEvent(String noticeId, String supersededBy, String reason) {
}
