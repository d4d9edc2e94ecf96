package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A notice as CSV, for whoever wants to check it in a spreadsheet: UTF-8 with a byte order mark (so that Excel shows
 * the Chinese), RFC 4180 (CRLF line ends; a cell holding a comma, a quote or a line break is quoted, quotes doubled).
 * First the notice's facts and fields as label / value lines, then an empty line, then its table: each row's number
 * (序号, as the notice's page shows it), then its item id, then its cells. A cell that starts with {@code = + - @} (or
 * a tab or carriage return) gets a leading apostrophe, so that a spreadsheet shows it as text instead of running it as
 * a formula (CSV injection). Rendered from the notice's content only, so its bytes never change once published.
 */
public final class NoticeCsv {

    private static final String BOM = "\uFEFF";
    private static final String LINE_END = "\r\n";

    private NoticeCsv() {
    }

    public static byte[] render(NoticeContent notice) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, List.of("公告编号", notice.noticeId()));
        line(csv, List.of("标题", notice.title()));
        line(csv, List.of("类别", notice.kind().chineseName()));
        line(csv, List.of("公告级别", notice.level().chineseName()));
        line(csv, List.of("公告单位", nullToEmpty(notice.placeName())));
        line(csv, List.of("地区代码", nullToEmpty(notice.placeCode())));
        line(csv, List.of("公示期开始", notice.periodStart() == null ? "" : notice.periodStart().toString()));
        line(csv, List.of("公示期结束", notice.periodEnd() == null ? "" : notice.periodEnd().toString()));
        if (notice.supersedes() != null) {
            line(csv, List.of("更正的公告", notice.supersedes()));
            line(csv, List.of("更正原因", nullToEmpty(notice.correctionReason())));
        }
        line(csv, List.of("正文", nullToEmpty(notice.body())));
        for (NoticeContent.Field field : notice.fields()) {
            line(csv, List.of(nullToEmpty(field.label()), nullToEmpty(field.value())));
        }
        line(csv, List.of("监督电话", nullToEmpty(notice.supervisionPhone())));
        line(csv, List.of("全国扶贫监督举报电话", notice.hotline() == null ? NoticeContent.HOTLINE : notice.hotline()));
        if (!notice.columns().isEmpty()) {
            csv.append(LINE_END);
            List<String> header = new ArrayList<>();
            header.add("序号");
            header.add("条目编号");
            header.addAll(notice.columns());
            line(csv, header);
            int number = 0;
            for (NoticeContent.Row row : notice.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(String.valueOf(++number));
                cells.add(nullToEmpty(row.item()));
                for (int i = 0; i < notice.columns().size(); i++) {
                    cells.add(i < row.cells().size() ? nullToEmpty(row.cells().get(i)) : "");
                }
                line(csv, cells);
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One cell as RFC 4180 writes it, guarded against formula injection: a leading {@code = + - @}, tab or carriage
     * return gets an apostrophe before it; then a cell holding a comma, a double quote, a carriage return or a line
     * feed is quoted with its quotes doubled.
     */
    public static String cell(String value) {
        String text = nullToEmpty(value);
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append(LINE_END);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
