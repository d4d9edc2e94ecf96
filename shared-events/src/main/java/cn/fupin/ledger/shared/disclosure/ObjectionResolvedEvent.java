package cn.fupin.ledger.shared.disclosure;

import org.axonframework.serialization.Revision;

/**
 * The objection {@code objectionId} to the {@code item} of the notice {@code noticeId} was resolved by
 * {@code resolvedBy} with {@code outcome} for {@code reason} (the 办理结果 published with the notice). When UPHELD the
 * item is withdrawn from the notice and {@code correctionDue} is true: payments of the item stay held until a
 * correction notice supersedes this one. When DISMISSED the objection no longer holds the item.
 */
@Revision("1")
public record ObjectionResolvedEvent(String noticeId, String objectionId, String item, ObjectionResolution outcome,
                                     String reason, String resolvedBy, boolean correctionDue) {
}
