package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeView;

/**
 * What a villager sees after the ledger recorded their objection: its number, the notice and item it concerns, and
 * the way back to the notice. Never the objection's text or the contact: the answer repeats nothing they typed.
 *
 * @param path        where the notice sits (the county's when the public pages do not know the notice yet)
 * @param notice      the notice as the public pages show it, or {@code null} while they have not caught up with it
 * @param noticeId    the notice objected to
 * @param objectionId the number the ledger gave the objection
 * @param item        the item objected to
 */
public record ObjectionReceipt(PlacePath path, NoticeView notice, String noticeId, String objectionId, String item) {

    public ObjectionReceipt {
        if (path == null || noticeId == null || objectionId == null) {
            throw new IllegalArgumentException("a receipt names the place, the notice and the objection");
        }
    }
}
