package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of one line of a list of notices: what tells the notice from its neighbours — township, village, project,
 * amount, each where the notice states it — and until when it is open for objection, e.g.
 * "文昌镇 · 白鹤村 · 贫困户增收项目启动资金 · 12.00万元 · 公示至 3月26日". Dozens of grant lists titled alike then read as
 * dozens of different lines. A notice that states neither project nor amount is named by its title. Pure; the text is escaped
 * where it is written ({@link HtmlWriter}).
 */
final class NoticeEntry {

    static final String SEPARATOR = " · ";

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M月d日");

    private NoticeEntry() {
    }

    /**
     * The line: the parts that exist, then the period's last day; or the title, when the notice names neither a project
     * nor an amount (its place alone tells nothing on its own place's page, and the title names it anyway).
     */
    static String text(NoticeSummaryView notice) {
        List<String> parts = new ArrayList<>();
        if (namesWhatDiffers(notice)) {
            parts.addAll(notice.line().parts());
        } else {
            parts.add(Formats.orDash(notice.title()));
        }
        if (notice.periodEnd() != null) {
            parts.add("公示至 " + periodEnd(notice));
        }
        return String.join(SEPARATOR, parts);
    }

    /** Whether the line names the notice by its parts (a project or an amount), so the title is shown beneath. */
    static boolean namesWhatDiffers(NoticeSummaryView notice) {
        return notice.project() != null || notice.amount() != null;
    }

    /**
     * The period's last day: month and day, since the list groups notices by the year they were published in; with
     * its year when the period ends in another year (a notice of late December).
     */
    static String periodEnd(NoticeSummaryView notice) {
        LocalDate end = notice.periodEnd();
        boolean sameYear = notice.publishedAt() != null && Site.yearOf(notice.publishedAt()) == end.getYear();
        return sameYear ? MONTH_DAY.format(end) : Formats.date(end);
    }
}
