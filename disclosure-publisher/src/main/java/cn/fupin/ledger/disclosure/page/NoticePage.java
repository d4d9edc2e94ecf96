package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeView;

/** A published notice and the place it belongs to (for the breadcrumbs back up). */
public record NoticePage(PlacePath path, NoticeView notice) {

    public NoticePage {
        if (notice == null || notice.content() == null) {
            throw new IllegalArgumentException("a notice page shows a published notice");
        }
    }
}
