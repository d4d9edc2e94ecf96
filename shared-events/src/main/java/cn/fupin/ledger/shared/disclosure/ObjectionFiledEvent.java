package cn.fupin.ledger.shared.disclosure;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An objection (异议) {@code objectionId} to the {@code item} listed by the notice {@code noticeId} was received at
 * {@code filedAt}, during the notice's period, with {@code text}. {@code contactCiphertext} is the objector's contact
 * encrypted (AES-GCM, the objection id as associated data), or {@code null} when none was given; it is never shown.
 * The item is held from payment until the objection is resolved.
 */
@Revision("1")
public record ObjectionFiledEvent(String noticeId, String objectionId, String item, String text,
                                  String contactCiphertext, Instant filedAt) {
}
