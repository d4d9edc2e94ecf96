package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A notice as CSV, for whoever wants to check it in a spreadsheet: UTF-8 with a byte order mark (so that Excel shows
 * the Chinese), RFC 4180 as Apache Commons CSV writes it (CRLF line ends; a cell holding a comma, a quote or a line
 * break is quoted, quotes doubled). First the notice's facts and fields as label / value lines, then an empty line,
 * then its table: each row's number (序号, as the notice's page shows it), then its item id, then its cells. A cell
 * that starts with {@code = + - @} (or a tab or carriage return) gets a leading apostrophe, so that a spreadsheet
 * shows it as text instead of running it as a formula (CSV injection). Rendered from the notice's published content and the names of its kind and level it was published with
 * only, so its bytes never change once published.
 *
 * <p>Commons CSV quotes a few cells a hand-written writer left bare, where a reader might otherwise lose or misread
 * them: one that starts with a space, {@code !}, {@code #} or another character before {@code #}, one that ends
 * with a space, and an empty first cell of a line (which would read as an empty line).
 */
public final class NoticeCsv {

    private static final String BOM = "\uFEFF";
    /** RFC 4180: comma, double quotes where needed, CR LF after every line. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private NoticeCsv() {
    }

    /** The notice's published content, its kind and level named as they were when it was published. */
    public static byte[] render(NoticeContent notice, String kindName, String levelName) {
        StringBuilder csv = new StringBuilder(BOM);
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            line(printer, List.of("公告编号", notice.noticeId()));
            line(printer, List.of("标题", notice.title()));
            line(printer, List.of("类别", nullToEmpty(kindName)));
            line(printer, List.of("公告级别", nullToEmpty(levelName)));
            line(printer, List.of("公告单位", nullToEmpty(notice.placeName())));
            line(printer, List.of("地区代码", nullToEmpty(notice.placeCode())));
            line(printer, List.of("公示期开始", notice.periodStart() == null ? "" : notice.periodStart().toString()));
            line(printer, List.of("公示期结束", notice.periodEnd() == null ? "" : notice.periodEnd().toString()));
            if (notice.supersedes() != null) {
                line(printer, List.of("更正的公告", notice.supersedes()));
                line(printer, List.of("更正原因", nullToEmpty(notice.correctionReason())));
            }
            line(printer, List.of("正文", nullToEmpty(notice.body())));
            for (NoticeContent.Field field : notice.fields()) {
                line(printer, List.of(nullToEmpty(field.label()), nullToEmpty(field.value())));
            }
            line(printer, List.of("监督电话", nullToEmpty(notice.supervisionPhone())));
            line(printer, List.of("全国扶贫监督举报电话", notice.hotline() == null ? NoticeContent.HOTLINE : notice.hotline()));
            if (!notice.columns().isEmpty()) {
                printer.println();
                List<String> header = new ArrayList<>();
                header.add("序号");
                header.add("条目编号");
                header.addAll(notice.columns());
                line(printer, header);
                int number = 0;
                for (NoticeContent.Row row : notice.rows()) {
                    List<String> cells = new ArrayList<>();
                    cells.add(String.valueOf(++number));
                    cells.add(nullToEmpty(row.item()));
                    for (int i = 0; i < notice.columns().size(); i++) {
                        cells.add(i < row.cells().size() ? nullToEmpty(row.cells().get(i)) : "");
                    }
                    line(printer, cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One cell (not empty) as the notice's CSV writes it: guarded against formula injection (a leading
     * {@code = + - @}, tab or carriage return gets an apostrophe before it), then quoted as RFC 4180 needs; an empty
     * cell is nothing.
     */
    public static String cell(String value) {
        String text = guarded(value);
        if (text.isEmpty()) {
            return text;
        }
        StringBuilder cell = new StringBuilder();
        try {
            // As the first value of a record, so that no delimiter is written before it.
            FORMAT.print(text, cell, true);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return cell.toString();
    }

    /** The text with an apostrophe before a character that would make a spreadsheet run it as a formula. */
    private static String guarded(String value) {
        String text = nullToEmpty(value);
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static void line(CSVPrinter printer, List<String> cells) throws IOException {
        printer.printRecord(cells.stream().map(NoticeCsv::guarded));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
