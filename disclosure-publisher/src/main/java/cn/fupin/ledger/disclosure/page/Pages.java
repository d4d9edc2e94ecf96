package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeView;

/**
 * The public pages as pure functions: the data a page shows in, its bytes (UTF-8) out. No clock, no I/O, no
 * framework, so that the same data gives the same bytes served live under {@code /disclosure/}, written as a static
 * site, and compared with the golden files. Every value is escaped ({@link Html#escape}).
 */
public final class Pages {

    private Pages() {
    }

    /** The county page ({@code index.html} at the site's root). */
    public static byte[] county(CountyPage data) {
        return CountyPageRenderer.render(data);
    }

    /** The county's page of one year ({@code years/<year>.html}). */
    public static byte[] countyYear(CountyYearPage data) {
        return CountyPageRenderer.renderYear(data);
    }

    /** A township page ({@code <9 digits>/index.html}). */
    public static byte[] township(TownshipPage data) {
        return TownshipPageRenderer.render(data);
    }

    /** A village page ({@code <12 digits>/index.html}). */
    public static byte[] village(VillagePage data) {
        return VillagePageRenderer.render(data);
    }

    /** The page of one year of a township or a village ({@code <code>/<year>.html}). */
    public static byte[] placeYear(PlaceYearPage data) {
        return data.path().village() == null ? TownshipPageRenderer.renderYear(data)
                : VillagePageRenderer.renderYear(data);
    }

    /** A notice's page ({@code notices/<id>.html}). */
    public static byte[] notice(NoticePage data) {
        return NoticePageRenderer.render(data);
    }

    /**
     * A notice's canonical JSON ({@code notices/<id>.json}): exactly the bytes its publication event recorded and
     * hashed, never rendered again.
     */
    public static byte[] noticeJson(NoticeView notice) {
        return notice.contentBytes();
    }

    /** A notice as CSV ({@code notices/<id>.csv}): its published content, with the names it was published with. */
    public static byte[] noticeCsv(NoticeView notice) {
        return NoticeCsv.render(notice.content(), notice.kindName(), notice.levelName());
    }

    /** The staff's print copy of a village's grant list, for its notice board (never a public page). */
    public static byte[] grantListPrint(GrantListPrint data) {
        return GrantListPrintRenderer.render(data);
    }

    /** The stylesheet ({@code style.css}). */
    public static byte[] stylesheet() {
        return Stylesheet.bytes();
    }

    /**
     * The answer to an objection posted from a notice's form that the ledger recorded. Served only live, at the
     * form's address, so its links start from {@code siteRoot}, the live site's root ({@code /disclosure/}).
     */
    public static byte[] objectionReceived(ObjectionReceipt data, String siteRoot) {
        return ObjectionAnswerRenderer.received(data, siteRoot);
    }

    /** The answer to an objection posted from a notice's form that the ledger did not record; as above. */
    public static byte[] objectionRefused(ObjectionRefusal data, String siteRoot) {
        return ObjectionAnswerRenderer.refused(data, siteRoot);
    }

    /**
     * The page for an address that names nothing. {@code siteRoot} is the absolute address of the site's root (e.g.
     * {@code /disclosure/}), because a missing page has no place in the site to link from relatively.
     */
    public static byte[] notFound(String countyName, String siteRoot) {
        HtmlWriter page = new HtmlWriter();
        page.markup("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .markup("<title>").text("未找到页面 - " + countyName + Layout.SITE_NAME).markup("</title>\n")
                .markup("<link rel=\"stylesheet\" href=\"").text(siteRoot + Site.STYLESHEET).markup("\">\n")
                .markup("</head>\n<body>\n<header class=\"site\">\n<p class=\"site-name\">")
                .link(siteRoot + Site.COUNTY, countyName + Layout.SITE_NAME).markup("</p>\n</header>\n<main>\n")
                .element("h1", "未找到页面")
                .markup("\n<p>没有这个乡镇、村或公告。请从")
                .link(siteRoot + Site.COUNTY, countyName + "公告公示首页")
                .markup("查找。</p>\n</main>\n</body>\n</html>\n");
        return page.bytes();
    }
}
