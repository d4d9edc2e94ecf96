package cn.fupin.ledger.shared.disclosure;

import org.axonframework.serialization.Revision;

/**
 * The objection {@code objectionId} to the {@code item} of the notice {@code noticeId} was dismissed by
 * {@code resolvedBy} as a duplicate of the objection {@code duplicateOf} to the same notice (重复异议), for
 * {@code reason}: it is resolved DISMISSED and no longer holds the item. The original is not resolved by this; its own
 * resolution follows. One event per objection dismissed, so the audit trail names the original for each.
 */
@Revision("1")
public record ObjectionDismissedAsDuplicateEvent(String noticeId, String objectionId, String item,
                                                 String duplicateOf, String reason, String resolvedBy) {
}
