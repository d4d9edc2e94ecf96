package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.disclosure.page.BarChart.Bar;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disclosure.OpenNoticeView;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The top of the county page (一图看懂): what a villager should take in within ten seconds, before the detail below
 * it — the money the county received in its current year by source, where it went (the approved projects' budgets by
 * work area and by township), how many registered poor households have had their start-up grant, by township, and
 * what is open for objection now (公示中) with the last day to object. Every figure is a sum of exact fen from the
 * page's data, shown as 万元; every chart has the same figures as a table beneath it.
 */
final class CountySummary {

    /** The name of a work area, a township or a place the data does not name. */
    private static final String UNNAMED = "未注明";

    private CountySummary() {
    }

    /** The summary's figures, computed once, so that the sentence, the charts and the tables cannot disagree. */
    record Figures(int year, List<Bar> bySource, List<Bar> byWorkArea, List<Bar> byTownship, List<Bar> coverage,
                   long receivedFen, long projectBudgetFen, int projects, long registered, long granted) {
    }

    static Figures figures(CountyPage data) {
        int year = data.currentYear();
        Map<FundSource, Long> bySource = new TreeMap<>();
        for (FundView fund : data.funds()) {
            if (fund.fiscalYear() == year) {
                bySource.merge(fund.source(), fund.appropriatedFen(), Math::addExact);
            }
        }
        List<Bar> sources = new ArrayList<>();
        bySource.forEach((source, fen) -> sources.add(Bar.of(source.chineseName(), fen, Formats.wanYuan(fen))));
        List<ProjectSummaryView> projects = Sections.publicSummaries(data.projects());
        long received = bySource.values().stream().mapToLong(Long::longValue).reduce(0L, Math::addExact);
        long budget = projects.stream().mapToLong(ProjectSummaryView::budgetTotalFen).reduce(0L, Math::addExact);
        long registered = 0;
        long granted = 0;
        List<Bar> coverage = new ArrayList<>();
        for (GrantCoverageView township : data.townshipCoverage()) {
            registered = Math.addExact(registered, township.registered());
            granted = Math.addExact(granted, township.granted());
            if (township.registered() == 0) {
                // A township with no registered household has nothing to cover: the full table below lists it.
                continue;
            }
            coverage.add(new Bar(township.name(), tenthsOfPercent(township.granted(), township.registered()),
                    Formats.percent(township.granted(), township.registered()) + "（" + township.granted() + "/"
                            + township.registered() + "户）", Site.place(township.code())));
        }
        return new Figures(year, sources, largestFirst(projects, ProjectSummaryView::workAreaName),
                largestFirst(projects, ProjectSummaryView::townshipName), coverage, received, budget, projects.size(),
                registered, granted);
    }

    /** {@code part} of {@code whole} in tenths of a percent, rounded down (a bar's length; the text is rounded). */
    static long tenthsOfPercent(long part, long whole) {
        return whole <= 0 ? 0 : Math.multiplyExact(Math.min(part, whole), 1000L) / whole;
    }

    /** The projects' budgets summed by a name (work area, township), the largest first, then by name. */
    private static List<Bar> largestFirst(List<ProjectSummaryView> projects,
                                          Function<ProjectSummaryView, String> name) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (ProjectSummaryView project : projects) {
            String key = name.apply(project);
            sums.merge(key == null || key.isBlank() ? UNNAMED : key, project.budgetTotalFen(), Math::addExact);
        }
        return sums.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(sum -> Bar.of(sum.getKey(), sum.getValue(), Formats.wanYuan(sum.getValue())))
                .toList();
    }

    static void write(HtmlWriter page, CountyPage data) {
        page.markup("<section id=\"summary\" class=\"summary\">\n");
        if (data.currentYear() == null) {
            page.element("h2", "一图看懂扶贫资金").markup("\n")
                    .paragraph("empty", "暂无资金下达记录。").markup("\n");
            openNotices(page, data);
            page.markup("</section>\n");
            return;
        }
        Figures figures = figures(data);
        String year = figures.year() + "年度";
        page.element("h2", "一图看懂" + year + "扶贫资金").markup("\n<ul class=\"key-figures\">\n")
                .markup("<li>").element("span", "figure-label", year + "收到扶贫资金")
                .element("strong", Formats.wanYuan(figures.receivedFen())).markup("</li>\n")
                .markup("<li>").element("span", "figure-label", year + "已批复项目" + figures.projects() + "个，安排")
                .element("strong", Formats.wanYuan(figures.projectBudgetFen())).markup("</li>\n")
                .markup("<li>").element("span", "figure-label", "到户增收资金已发放")
                .element("strong", figures.granted() + "/" + figures.registered() + "户（"
                        + Formats.percent(figures.granted(), figures.registered()) + "）").markup("</li>\n")
                .markup("<li>").element("span", "figure-label", "正在公示、可提异议")
                .element("strong", data.openNotices().size() + (data.moreOpen() ? "项以上" : "项")).markup("</li>\n")
                .markup("</ul>\n");
        page.element("h3", "钱从哪里来：" + year + "按资金来源").markup("\n");
        chartOrEmpty(page, "chart-sources", year + "收到的扶贫资金（按来源）", "资金来源", "金额",
                figures.bySource(), "本年度暂无资金下达记录。");
        page.element("h3", "钱用到哪里：" + year + "按工作领域").markup("\n")
                .paragraph("note", year + "开工的已批复项目的预算。").markup("\n");
        chartOrEmpty(page, "chart-areas", year + "已批复项目预算（按工作领域）", "工作领域", "预算",
                figures.byWorkArea(), "本年度暂无已批复项目。");
        page.element("h3", "钱用到哪里：" + year + "按乡镇").markup("\n");
        chartOrEmpty(page, "chart-townships", year + "已批复项目预算（按乡镇）", "乡镇", "预算",
                figures.byTownship(), "本年度暂无已批复项目。");
        page.element("h3", "到户增收项目启动资金覆盖（按乡镇）").markup("\n")
                .paragraph("note", "已发放户数占建档立卡贫困户数的比例；每户不低于3,000.00元。"
                        + "只列有建档立卡贫困户的乡镇，全部乡镇见下方“到户增收项目启动资金覆盖情况”。").markup("\n");
        if (figures.coverage().isEmpty()) {
            page.paragraph("empty", "暂无建档立卡贫困户记录。").markup("\n");
        } else {
            BarChart.write(page, "chart-coverage", "到户资金覆盖率（按乡镇）", "乡镇", "覆盖率（已发放/贫困户）",
                    figures.coverage(), 1000);
        }
        openNotices(page, data);
        page.markup("</section>\n");
    }

    private static void chartOrEmpty(HtmlWriter page, String id, String title, String labelHeading,
                                     String valueHeading, List<Bar> bars, String empty) {
        if (bars.isEmpty()) {
            page.paragraph("empty", empty).markup("\n");
            return;
        }
        BarChart.write(page, id, title, labelHeading, valueHeading, bars, BarChart.largest(bars));
    }

    /**
     * 公示中: every notice still open for objection, of the county, a township or a village, the newest first,
     * each with its place, its kind, the last day to object and a link to it (where the objection form is).
     */
    private static void openNotices(HtmlWriter page, CountyPage data) {
        page.markup("<div id=\"open-notices\">\n").element("h3", "公示中（可提出异议）").markup("\n");
        if (data.openNotices().isEmpty()) {
            page.paragraph("empty", "目前没有正在公示的公告。").markup("\n</div>\n");
            return;
        }
        Map<String, String> places = placeNames(data);
        page.markup("<ul class=\"notices open\">\n");
        for (OpenNoticeView notice : data.openNotices()) {
            String place = notice.placeCode() == null ? data.path().county().name()
                    : places.getOrDefault(notice.placeCode(), data.path().county().name());
            page.markup("<li>").link(Site.notice(notice.noticeId(), Site.NoticeFormat.HTML), notice.title())
                    .markup("<br>").element("span", "meta", place + " · " + Formats.orDash(notice.kindName())
                            + " · 公示至 " + Formats.date(notice.periodEnd()) + "，期间可提出异议")
                    .markup("</li>\n");
        }
        page.markup("</ul>\n");
        if (data.moreOpen()) {
            page.paragraph("note", "以上为最新发布的" + data.openNotices().size()
                    + "项；其余正在公示的公告见各乡镇、村的页面。").markup("\n");
        }
        page.markup("</div>\n");
    }

    /** Each township's and village's name by code (a village as "township village", as the project list names it). */
    private static Map<String, String> placeNames(CountyPage data) {
        Map<String, String> names = new HashMap<>();
        for (TownshipView township : data.townships()) {
            names.put(township.code(), township.name());
            for (TownshipView.VillageView village : township.villages()) {
                names.put(village.code(), township.name() + " " + Formats.place(village.name()));
            }
        }
        return names;
    }
}
