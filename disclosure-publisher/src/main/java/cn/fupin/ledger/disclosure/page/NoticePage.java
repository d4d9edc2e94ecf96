package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.time.Instant;

/**
 * A published notice and the place it belongs to (for the breadcrumbs back up), as the page shows it at one moment
 * of the ledger's clock, with the address its objection form posts to.
 *
 * @param asOf     the ledger's time the page is rendered for: the page offers the objection form only before the
 *                 notice's period ends by this time (the ledger itself decides again when an objection arrives)
 * @param liveRoot the root of the live public site that takes objections, as the notice page's form sees it:
 *                 {@link #LIVE} ({@code ../}) for a page served live, so that the form posts back to the server that
 *                 served it under whatever prefix; an absolute address ({@code https://…/disclosure/}) for a page of
 *                 the static site whose operator named the live site; {@code null} for a static copy that knows no
 *                 live site, whose page then says where else to object instead of showing a form that cannot post
 */
public record NoticePage(PlacePath path, NoticeView notice, Instant asOf, String liveRoot) {

    /** The live site's root seen from a notice's page ({@code notices/<id>.html}) served by the ledger itself. */
    public static final String LIVE = "../";

    public NoticePage {
        if (notice == null || notice.content() == null) {
            throw new IllegalArgumentException("a notice page shows a published notice");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("a notice page is rendered as of a moment of the ledger's clock");
        }
    }

    /** The page as the ledger serves it under {@code /disclosure/}, its form posting back there. */
    public static NoticePage live(PlacePath path, NoticeView notice, Instant asOf) {
        return new NoticePage(path, notice, asOf, LIVE);
    }

    /** The same page for a copy served elsewhere: its form posts to {@code liveRoot}, or there is none (null). */
    public NoticePage withLiveRoot(String liveRoot) {
        return new NoticePage(path, notice, asOf, liveRoot);
    }
}
