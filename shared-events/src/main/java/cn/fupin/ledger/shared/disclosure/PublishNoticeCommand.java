package cn.fupin.ledger.shared.disclosure;

import cn.fupin.ledger.shared.common.Actor;
import java.util.List;

/**
 * Publish a notice (公告公示): {@code content} is everything it shows; {@code items} are the ids of what it lists (a
 * project, a disbursement, an appropriation), exactly the items of the content's rows, and each is held from payment
 * while the notice is in its period or objected to. {@code periodDays} is the publicity period (公示期) in days, at
 * least the ledger's configured minimum (10 by the national guidance). The ledger fills in the content's notice id
 * and period (publication date and last day) from its clock; given values must be empty or the same. A correction
 * names the notice it supersedes in {@code content.supersedes()} with a {@code correctionReason}. {@code noticeId} is
 * {@code null} for a notice published by hand without an id of its own: the ledger gives it one. Ids of the automatic
 * publisher's series ({@link AutomaticNoticeSeries}) are refused to anyone else.
 */
public record PublishNoticeCommand(NoticeId noticeId, NoticeContent content, List<String> items, int periodDays,
                                   Actor actor) {
}
