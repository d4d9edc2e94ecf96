package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.place.Place;

/**
 * The frame of every page: the document head (UTF-8, the phone viewport, the stylesheet), the breadcrumbs back up
 * the three levels, and the footer with the national hotline and what the pages never show.
 */
final class Layout {

    /** The name of the whole site, after the county's name. */
    static final String SITE_NAME = "扶贫资金三级公告公示";

    private Layout() {
    }

    /**
     * Opens a page. {@code root} is the relative path from the page to the site's root ("" for the county page, "../"
     * for every page one folder down); {@code path} draws the breadcrumbs, ending at {@code current}, the page's own
     * name (not a link).
     */
    static HtmlWriter open(String title, String root, PlacePath path, String current) {
        HtmlWriter page = new HtmlWriter();
        page.markup("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .markup("<meta name=\"format-detection\" content=\"telephone=no\">\n")
                .markup("<title>").text(title + " - " + path.county().name() + SITE_NAME).markup("</title>\n")
                .markup("<link rel=\"stylesheet\" href=\"").text(root + Site.STYLESHEET).markup("\">\n")
                .markup("</head>\n<body>\n<header class=\"site\">\n<p class=\"site-name\">")
                .link(root + Site.COUNTY, path.county().name() + SITE_NAME).markup("</p>\n");
        breadcrumbs(page, root, path, current);
        return page.markup("</header>\n<main>\n");
    }

    private static void breadcrumbs(HtmlWriter page, String root, PlacePath path, String current) {
        page.markup("<nav class=\"breadcrumbs\" aria-label=\"所在位置\"><ol>");
        crumb(page, root + Site.COUNTY, path.county(), current == null && path.township() == null);
        if (path.township() != null) {
            crumb(page, root + Site.place(path.township().code()), path.township(),
                    current == null && path.village() == null);
        }
        if (path.village() != null) {
            crumb(page, root + Site.place(path.village().code()), path.village(), current == null);
        }
        if (current != null) {
            page.markup("<li aria-current=\"page\">").text(current).markup("</li>");
        }
        page.markup("</ol></nav>\n");
    }

    private static void crumb(HtmlWriter page, String href, Place place, boolean isCurrent) {
        if (isCurrent) {
            page.markup("<li aria-current=\"page\">").text(Formats.place(place.name())).markup("</li>");
        } else {
            page.markup("<li>").link(href, Formats.place(place.name())).markup("</li>");
        }
    }

    /** Closes a page with the footer. */
    static byte[] close(HtmlWriter page) {
        return page.markup("</main>\n<footer class=\"site\">\n")
                .markup("<p>对公告公示内容有异议的，可在公示期内向公告单位反映，或拨打全国扶贫监督举报电话 ")
                .markup("<strong>").link("tel:" + NoticeContent.HOTLINE, NoticeContent.HOTLINE).markup("</strong>。</p>\n")
                .markup("<p>依法保护个人信息：本网站不公开身份证号码、银行卡号、农户电话号码、健康状况和致贫原因，"
                        + "户主姓名只显示姓和末字。</p>\n")
                .markup("</footer>\n</body>\n</html>\n")
                .bytes();
    }
}
