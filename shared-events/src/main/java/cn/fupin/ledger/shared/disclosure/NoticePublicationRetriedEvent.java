package cn.fupin.ledger.shared.disclosure;

import org.axonframework.serialization.Revision;

/**
 * An officer ({@code actor}, acting as {@code role}, under request {@code requestId}) had the automatic publisher
 * handle again the event that made the skipped notice {@code noticeId} due: {@code published} says whether the notice
 * exists now; when it does not, {@code code} is why it was refused again (null when published).
 */
@Revision("1")
public record NoticePublicationRetriedEvent(String noticeId, boolean published, String code, String actor,
                                            String role, String requestId) {
}
