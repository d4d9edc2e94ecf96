package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.disclosure.page.HtmlWriter.Cell;
import cn.fupin.ledger.disclosure.page.HtmlWriter.Column;
import cn.fupin.ledger.shared.disclosure.FileObjectionCommand;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A notice's page: its content exactly as published (fields and table, read from the published bytes; the names of its
 * kind and level it was published with), its period, the SHA-256 recorded at publication, what it corrects and what corrected it, where to report (the supervision phone and 12317), and how
 * many objections were received and how each was handled — never who objected or how to reach them. Laid out to
 * print on A4 for the village notice board.
 *
 * <p>While the notice takes objections (it lists items, is not superseded, and its period has not ended as of the
 * page's moment) the page carries a plain HTML form for one — no script, so it works on any phone — posting to
 * {@link Site#objections} under the page's {@link NoticePage#liveRoot()}. Otherwise the same place says why there is no
 * form and where else to go. The print stylesheet leaves the whole part out: the A4 copy on the notice board shows
 * the notice, not a form.
 */
final class NoticePageRenderer {

    private static final String ROOT = "../";
    /** The heading of a notice table's first column: each row's place in the list, 1, 2, 3 … */
    private static final String NUMBER = "序号";

    private NoticePageRenderer() {
    }

    static byte[] render(NoticePage data) {
        NoticeView notice = data.notice();
        NoticeContent content = notice.content();
        HtmlWriter page = Layout.open(content.title(), ROOT, data.path(), content.title());
        page.markup("<article class=\"notice\">\n").element("h1", content.title()).markup("\n")
                .paragraph("notice-kind", notice.kindName() + " · " + notice.levelName() + "级 · "
                        + Formats.place(content.placeName()))
                .markup("\n");
        if (notice.supersededBy() != null) {
            page.markup("<p class=\"alert\">本公告已被更正，请以")
                    .link(Site.noticeFile(notice.supersededBy(), Site.NoticeFormat.HTML),
                            "更正公告（" + notice.supersededBy() + "）")
                    .markup("为准。</p>\n");
        }
        if (content.supersedes() != null) {
            page.markup("<p class=\"correction\">本公告为更正公告，更正")
                    .link(Site.noticeFile(content.supersedes(), Site.NoticeFormat.HTML),
                            "原公告（" + content.supersedes() + "）")
                    .markup("。");
            if (content.correctionReason() != null && !content.correctionReason().isBlank()) {
                page.text("更正原因：" + content.correctionReason());
            }
            page.markup("</p>\n");
        }
        page.markup("<dl class=\"facts\">\n")
                .term("公告编号", content.noticeId())
                .term("发布时间", Formats.dateTime(notice.publishedAt()))
                .term("公示期", Formats.period(content.periodStart(), content.periodEnd()))
                .markup("</dl>\n");
        body(page, content.body());
        if (!content.fields().isEmpty()) {
            page.markup("<dl class=\"fields\">\n");
            for (NoticeContent.Field field : content.fields()) {
                page.term(field.label(), field.value());
            }
            page.markup("</dl>\n");
        }
        if (!content.columns().isEmpty()) {
            // A villager reads a row's place in the list (序号), never the record id behind it, which only the JSON
            // and the form's posted value carry.
            List<Column> columns = new ArrayList<>();
            columns.add(Column.number(NUMBER));
            content.columns().forEach(heading -> columns.add(Column.text(heading)));
            List<List<Cell>> rows = new ArrayList<>();
            for (NoticeContent.Row row : content.rows()) {
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.of(String.valueOf(rows.size() + 1)));
                for (int i = 0; i < content.columns().size(); i++) {
                    String text = i < row.cells().size() ? row.cells().get(i) : "";
                    cells.add(NoticeContent.DETAIL_COLUMN.equals(content.columns().get(i)) && NoticeId.isValid(text)
                            ? Cell.link(text, Site.noticeFile(text, Site.NoticeFormat.HTML)) : Cell.of(text));
                }
                rows.add(cells);
            }
            page.table(null, columns, rows);
        }
        page.markup("<section class=\"supervision\">\n").element("h2", "监督举报").markup("\n<dl>\n")
                .phoneTerm("监督电话", content.supervisionPhone())
                .phoneTerm("全国扶贫监督举报电话", content.hotline() == null ? NoticeContent.HOTLINE : content.hotline())
                .markup("</dl>\n")
                .paragraph("note", "公示期内，对公示内容有异议的，可向公告单位反映，也可拨打以上电话。").markup("\n</section>\n");
        objectionForm(page, data);
        held(page, content, HeldItems.of(notice));
        objections(page, content, notice.objections() == null ? List.of() : notice.objections());
        page.markup("<section class=\"integrity\">\n").element("h2", "公告原文和校验").markup("\n")
                .markup("<p>本公告发布时记录的内容校验码（SHA-256）：<code class=\"hash\">").text(notice.contentSha256())
                .markup("</code></p>\n<p>对本公告的 JSON 原文计算 SHA-256，应得到同一校验码。</p>\n")
                .markup("<ul class=\"downloads\">")
                .markup("<li>").link(Site.noticeFile(content.noticeId(), Site.NoticeFormat.JSON),
                        "JSON 原文").markup("</li>")
                .markup("<li>").link(Site.noticeFile(content.noticeId(), Site.NoticeFormat.CSV),
                        "CSV 表格（可用 Excel 打开）").markup("</li>")
                .markup("</ul>\n</section>\n</article>\n");
        return Layout.close(page);
    }

    /** How many characters of a row's cells an item's choice in the form shows after the item's id. */
    private static final int CHOICE_TEXT_MAX = 60;

    /** The part where one objects: the form while objections are taken, else why not and where else to go. */
    private static void objectionForm(HtmlWriter page, NoticePage data) {
        NoticeView notice = data.notice();
        NoticeContent content = notice.content();
        page.markup("<section class=\"objection-form\" id=\"objection\">\n").element("h2", "提出异议").markup("\n");
        if (notice.supersededBy() != null) {
            page.markup("<p>本公告已被更正，不再受理异议。对更正后的内容有异议的，请到")
                    .link(Site.noticeFile(notice.supersededBy(), Site.NoticeFormat.HTML),
                            "更正公告（" + notice.supersededBy() + "）")
                    .markup("提出。</p>\n</section>\n");
            return;
        }
        if (notice.periodEndsAt() == null || !data.asOf().isBefore(notice.periodEndsAt())) {
            page.paragraph("closed", "公示期已于" + Formats.date(content.periodEnd()) + "结束，不再在网上受理异议。")
                    .markup("\n</section>\n");
            return;
        }
        if (content.rows().isEmpty()) {
            page.element("p", "本公告没有列出可以提出异议的条目。对公告内容有异议的，请在公示期内拨打上面的监督电话或"
                    + NoticeContent.HOTLINE + "反映。").markup("\n</section>\n");
            return;
        }
        if (data.liveRoot() == null) {
            page.element("p", "这是公告公示网站的离线副本，不能在此提交异议。公示期内（至"
                    + Formats.date(content.periodEnd()) + "），请到本县扶贫资金公告公示网站的本公告页面提交，"
                    + "或拨打上面的监督电话或" + NoticeContent.HOTLINE + "反映。").markup("\n</section>\n");
            return;
        }
        page.element("p", "公示期内（至" + Formats.date(content.periodEnd()) + "），任何人都可以对本公告列出的条目提出异议，"
                        + "无需登录。异议内容只交给办理异议的工作人员，联系方式只用于答复您，都不公开；办理结果在下面的"
                        + "“异议受理和办理结果”中公布。")
                .markup("\n<form method=\"post\" action=\"").text(data.liveRoot() + Site.objections(content.noticeId()))
                .markup("\" accept-charset=\"UTF-8\">\n")
                .markup("<div class=\"field\"><label for=\"objection-item\">涉及的条目（必选）</label>\n")
                .markup("<select id=\"objection-item\" name=\"item\" required>\n");
        if (content.rows().size() > 1) {
            page.markup("<option value=\"\">请选择条目</option>\n");
        }
        for (int i = 0; i < content.rows().size(); i++) {
            NoticeContent.Row row = content.rows().get(i);
            page.markup("<option value=\"").text(row.item()).markup("\">").text(choice(i + 1, row))
                    .markup("</option>\n");
        }
        page.markup("</select></div>\n")
                .markup("<div class=\"field\"><label for=\"objection-text\">异议内容（必填，最多"
                        + FileObjectionCommand.TEXT_LENGTH_MAX + "字）</label>\n")
                .markup("<textarea id=\"objection-text\" name=\"text\" rows=\"6\" maxlength=\""
                        + FileObjectionCommand.TEXT_LENGTH_MAX + "\" required></textarea></div>\n")
                .markup("<div class=\"field\"><label for=\"objection-contact\">联系方式（选填，最多"
                        + FileObjectionCommand.CONTACT_LENGTH_MAX + "字，不公开）</label>\n")
                .markup("<input id=\"objection-contact\" name=\"contact\" type=\"text\" maxlength=\""
                        + FileObjectionCommand.CONTACT_LENGTH_MAX + "\" autocomplete=\"tel\"></div>\n")
                .markup("<p><button type=\"submit\">提交异议</button></p>\n</form>\n</section>\n");
    }

    /**
     * An item as the form offers it: its number, as in the table's first column (序号1), and the start of its row's
     * cells, so that a villager recognises the row without reading ids.
     *
     * @param number the row's place in the notice's list, from 1
     */
    static String choice(int number, NoticeContent.Row row) {
        String cells = String.join("，", row.cells().stream().filter(cell -> cell != null && !cell.isBlank())
                .map(String::strip).toList());
        if (cells.isEmpty()) {
            return itemNumber(number);
        }
        if (cells.codePointCount(0, cells.length()) > CHOICE_TEXT_MAX) {
            cells = cells.substring(0, cells.offsetByCodePoints(0, CHOICE_TEXT_MAX)) + "…";
        }
        return itemNumber(number) + "：" + cells;
    }

    /** The item as the objections table names it: its number ("序号3"), or a dash when the notice does not list it. */
    private static String listedAs(NoticeContent content, String item) {
        int number = numberOf(content, item);
        return number > 0 ? itemNumber(number) : Formats.orDash(null);
    }

    /** "序号3": how the pages name the third row of a notice's list. */
    static String itemNumber(int number) {
        return NUMBER + number;
    }

    /**
     * The number of the row listing {@code item} in the notice (from 1), or 0 when it lists none: an objection is
     * only ever taken on a listed item, so 0 means data the ledger would not have recorded.
     */
    static int numberOf(NoticeContent content, String item) {
        for (int i = 0; i < content.rows().size(); i++) {
            if (content.rows().get(i).item().equals(item)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** How an objection was handled, in words; one dismissed as a duplicate names the original. */
    static String handling(NoticeView.ObjectionOutcome objection) {
        if (objection.duplicateOf() == null) {
            return Formats.orDash(objection.handling());
        }
        return "与异议" + objection.duplicateOf() + "重复，合并办理"
                + (objection.handling() == null || objection.handling().isBlank() ? "" : "：" + objection.handling());
    }

    /** The body's lines, one paragraph each. */
    private static void body(HtmlWriter page, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        page.markup("<div class=\"body\">\n");
        for (String line : body.split("\r?\n")) {
            if (!line.isBlank()) {
                page.element("p", line.strip()).markup("\n");
            }
        }
        page.markup("</div>\n");
    }

    /**
     * The items the notice's objections hold from payment and why (暂缓拨付), when there are any: a villager sees that
     * an objection stopped the money, since when, and whether a correction is awaited. No one's name or words. Not
     * printed: the A4 copy stays on the notice board for the whole period, while what objections hold changes.
     */
    private static void held(HtmlWriter page, NoticeContent content, List<HeldItems.HeldItem> held) {
        if (held.isEmpty()) {
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (HeldItems.HeldItem item : held) {
            rows.add(List.of(Cell.of(listedAs(content, item.item())),
                    Cell.of(item.reason() == HeldItems.Reason.OBJECTION_PENDING
                            ? "异议办理中（" + item.pendingObjections() + " 件）" : "异议成立，待发布更正公告"),
                    Cell.of(Formats.dateTime(item.since()))));
        }
        page.markup("<section class=\"held\">\n").element("h2", "暂缓拨付的条目").markup("\n")
                .paragraph("note", "公示期满前，本公告所列条目均暂缓拨付。下列条目另因异议暂缓拨付，异议办结（异议成立的，"
                        + "更正公告公示期满）后方可拨付。")
                .markup("\n");
        page.table(null, List.of(Column.text(NUMBER), Column.text("暂缓原因"), Column.text("起始时间")), rows);
        page.markup("</section>\n");
    }

    private static void objections(HtmlWriter page, NoticeContent content,
                                   List<NoticeView.ObjectionOutcome> objections) {
        page.markup("<section class=\"objections\">\n").element("h2", "异议受理和办理结果").markup("\n")
                .paragraph("total", "共收到异议 " + objections.size() + " 件。").markup("\n");
        if (!objections.isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            objections.stream()
                    .sorted(Comparator.comparing(NoticeView.ObjectionOutcome::receivedAt,
                                    Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                            .thenComparing(NoticeView.ObjectionOutcome::objectionId))
                    .forEach(objection -> rows.add(List.of(
                            Cell.of(objection.objectionId()),
                            Cell.of(Formats.dateTime(objection.receivedAt())),
                            Cell.of(listedAs(content, objection.item())),
                            Cell.of(Formats.objectionOutcome(objection.outcome())),
                            Cell.of(handling(objection)),
                            Cell.of(Formats.dateTime(objection.resolvedAt())))));
            page.table(null, List.of(Column.text("异议编号"), Column.text("收到时间"), Column.text("涉及条目"),
                    Column.text("办理结果"), Column.text("办理情况"), Column.text("办结时间")), rows);
        }
        page.markup("</section>\n");
    }
}
