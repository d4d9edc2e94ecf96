package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.disclosure.page.HtmlWriter.Cell;
import cn.fupin.ledger.disclosure.page.HtmlWriter.Column;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.household.PersonalNumbers;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Parts that several pages share: the notice list and the project list. */
final class Sections {

    private Sections() {
    }

    /**
     * Whether a project is on the public pages: once approved (批复) it is public, and stays so through
     * implementation, completion and acceptance, and after a cancellation (which the pages then show). A proposal not
     * yet decided, or one not selected, is not announced. Nor is a project whose printed texts hold what looks like
     * an ID number or a bank card number: the notice rules refused its plan (the automatic publisher recorded that as
     * skipped work, which an officer sees), and the pages leave it out as well rather than print the number.
     */
    static boolean isPublic(ProjectSummaryView project) {
        return isPublic(project.status(), project.approvalDocNo(), project.name(), project.description(),
                project.subsidyStandard(), project.implementer(), project.personInCharge(), project.supervisor(),
                project.benefitMechanism(), project.villagersMeeting());
    }

    private static boolean isPublic(ProjectStatus status, String approvalDocNo, String... printed) {
        boolean decided = status == ProjectStatus.APPROVED || status == ProjectStatus.IMPLEMENTING
                || status == ProjectStatus.COMPLETED || status == ProjectStatus.ACCEPTED
                || (status == ProjectStatus.CANCELLED && approvalDocNo != null);
        return decided && Stream.concat(Stream.of(printed), Stream.of(approvalDocNo)).noneMatch(PersonalNumbers::in);
    }

    /** The public projects in a stable order: by start date, then id. */
    static List<ProjectSummaryView> publicSummaries(List<ProjectSummaryView> projects) {
        return projects.stream()
                .filter(Sections::isPublic)
                .sorted(Comparator.comparing(ProjectSummaryView::startDate,
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ProjectSummaryView::projectId))
                .toList();
    }

    /** Newest first, then by id, so that the same notices always list in the same order. */
    static List<NoticeView> newestFirst(List<NoticeView> notices) {
        return notices.stream()
                .sorted(Comparator.comparing(NoticeView::publishedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                        .thenComparing(notice -> notice.content().noticeId()))
                .toList();
    }

    /** The same order for notices read as summaries. */
    static List<NoticeSummaryView> newestSummariesFirst(List<NoticeSummaryView> notices) {
        return notices.stream()
                .sorted(Comparator.comparing(NoticeSummaryView::publishedAt,
                                Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                        .thenComparing(NoticeSummaryView::noticeId))
                .toList();
    }

    /**
     * The notices of a place grouped by the year they were published in (newest first) and, within a year, by their
     * kind, so that a list of many grant lists and plans reads as "2094年 · 到户资金公示（3件）" with, under it, one line
     * per notice naming what tells it apart (township, village, project, amount, the period's end: {@link NoticeEntry}),
     * not as dozens of titles that look alike. Each is linked to its own page, with its title, publication date and
     * period beneath. A list of one year only (the pages by year) skips the year's heading.
     */
    static void notices(HtmlWriter page, String root, String heading, List<NoticeSummaryView> notices) {
        page.markup("<section id=\"notices\">\n").element("h2", heading).markup("\n");
        if (notices.isEmpty()) {
            page.paragraph("empty", "暂无公告。").markup("\n</section>\n");
            return;
        }
        Map<Integer, Map<String, List<NoticeSummaryView>>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (NoticeSummaryView notice : newestSummariesFirst(notices)) {
            int year = notice.publishedAt() == null ? 0 : Site.yearOf(notice.publishedAt());
            byYear.computeIfAbsent(year, y -> new TreeMap<>())
                    .computeIfAbsent(Formats.orDash(notice.kindName()), kind -> new ArrayList<>()).add(notice);
        }
        boolean years = byYear.size() > 1;
        String kindHeading = years ? "h4" : "h3";
        byYear.forEach((year, kinds) -> {
            page.markup("<div class=\"notice-year\">\n");
            if (years) {
                page.element("h3", year == 0 ? "发布日期不详" : year + "年发布").markup("\n");
            }
            kinds.forEach((kind, ofKind) -> {
                page.element(kindHeading, kind + "（" + ofKind.size() + "件）").markup("\n<ul class=\"notices\">\n");
                for (NoticeSummaryView notice : ofKind) {
                    page.markup("<li>").link(root + Site.notice(notice.noticeId(), Site.NoticeFormat.HTML),
                            NoticeEntry.text(notice));
                    if (notice.supersededBy() != null) {
                        page.markup(" ").element("span", "badge", "已更正");
                    }
                    String title = !NoticeEntry.namesWhatDiffers(notice) ? "" : Formats.orDash(notice.title()) + " · ";
                    page.markup("<br>").element("span", "meta", title + "发布于 " + Formats.date(notice.publishedAt())
                            + " · 公示期 " + Formats.period(notice.periodStart(), notice.periodEnd()));
                    page.markup("</li>\n");
                }
                page.markup("</ul>\n");
            });
            page.markup("</div>\n");
        });
        page.markup("</section>\n");
    }

    /**
     * The note under a list that shows only the newest notices, pointing to the pages by year; nothing when the list
     * shows every notice of the place.
     */
    static void olderNotices(HtmlWriter page, int shown, boolean older, String level) {
        if (older) {
            page.paragraph("note", "以上为最新的" + shown + "条" + level + "公告；更早的公告见下方“历年公告公示”中各年度的页面。")
                    .markup("\n");
        }
    }

    /**
     * The years that have a page, newest first, each linked through {@code href} ({@code current}, if any, is the page
     * itself and not a link).
     */
    static void years(HtmlWriter page, List<Integer> years, Integer current, IntFunction<String> href) {
        page.markup("<nav id=\"years\" class=\"years\" aria-label=\"历年公告公示\">\n").element("h2", "历年公告公示")
                .markup("\n");
        if (years.isEmpty()) {
            page.paragraph("empty", "暂无。").markup("\n</nav>\n");
            return;
        }
        page.markup("<ul class=\"places\">\n");
        for (int year : years) {
            page.markup("<li>");
            if (current != null && current == year) {
                page.markup("<span aria-current=\"page\">").text(year + "年度").markup("</span>");
            } else {
                page.link(href.apply(year), year + "年度");
            }
            page.markup("</li>\n");
        }
        page.markup("</ul>\n</nav>\n");
    }

    /**
     * A list of projects, one row per project however many payments it made: name, place (linked to the village's
     * page), work area, sources and budget, state. The county's list ({@code county}) names the township with the
     * village; a township's list shows instead what each project has paid and in how many payments.
     */
    static void projects(HtmlWriter page, String root, List<ProjectSummaryView> projects, boolean county) {
        if (projects.isEmpty()) {
            page.paragraph("empty", "暂无已批复项目。").markup("\n");
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (ProjectSummaryView project : projects) {
            String place = county ? Formats.orDash(project.townshipName()) + " " + Formats.place(project.villageName())
                    : Formats.place(project.villageName());
            List<Cell> row = new ArrayList<>(List.of(
                    Cell.of(project.name()),
                    project.villageCode() == null ? Cell.of(place) : Cell.link(place, root + Site.place(project.villageCode())),
                    Cell.of(Formats.orDash(project.workAreaName())),
                    Cell.of(sources(project.budget())),
                    Cell.of(Formats.yuan(project.budgetTotalFen()))));
            if (!county) {
                row.add(Cell.of(Formats.yuan(project.paidFen())));
                row.add(Cell.of(project.paidPayments() + "笔"));
            }
            row.add(Cell.of(project.status() == null ? "—" : project.status().chineseName()));
            rows.add(List.copyOf(row));
        }
        List<Column> columns = new ArrayList<>(List.of(Column.text("项目名称"), Column.text("实施地点"),
                Column.text("类别"), Column.text("资金来源"), Column.number("预算")));
        if (!county) {
            columns.add(Column.number("已拨付"));
            columns.add(Column.number("拨付笔数"));
        }
        columns.add(Column.text("状态"));
        page.table(null, List.copyOf(columns), rows);
    }

    /** A budget's fund sources and amounts in one line: {@code 2094年整合涉农资金 100,000.00元；…}. */
    static String sources(List<BudgetLine> budget) {
        if (budget == null || budget.isEmpty()) {
            return "—";
        }
        return budget.stream()
                .map(line -> Formats.fund(line.fundId()) + " " + Formats.yuan(line.amountFen()))
                .collect(Collectors.joining("；"));
    }
}
