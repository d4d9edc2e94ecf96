package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.disclosure.page.HtmlWriter.Cell;
import cn.fupin.ledger.disclosure.page.HtmlWriter.Column;
import cn.fupin.ledger.shared.competition.CompetitionStatus;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.RankingLineView;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.fund.AppropriationView;
import cn.fupin.ledger.shared.fund.CountyFloorView;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.place.TownshipView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The county page (县级公告公示) and the county's pages by year. */
final class CountyPageRenderer {

    private static final String ROOT = "";
    /** From a year's page ({@code years/2016.html}) to the site's root. */
    private static final String YEAR_ROOT = "../";

    private CountyPageRenderer() {
    }

    static byte[] render(CountyPage data) {
        String county = data.path().county().name();
        HtmlWriter page = Layout.open(county + "扶贫资金公告公示", ROOT, data.path(), null);
        page.element("h1", county + "扶贫资金公告公示").markup("\n");
        CountySummary.write(page, data);
        page.paragraph("lead", "县、乡镇、村三级公告公示：资金来源和分配、竞争立项结果、项目计划、到户资金。"
                        + "点击乡镇和村的名称，可查看本乡镇、本村的项目和到户资金；点击年度，可查看该年度的全部县级公告和明细。")
                .markup("\n<nav class=\"toc\" aria-label=\"本页目录\"><ul>")
                .markup("<li><a href=\"#summary\">一图看懂</a></li>")
                .markup("<li><a href=\"#open-notices\">公示中</a></li>")
                .markup("<li><a href=\"#notices\">县级公告</a></li>")
                .markup("<li><a href=\"#appropriations\">资金来源</a></li>")
                .markup("<li><a href=\"#county-floor\">县本级财政投入</a></li>")
                .markup("<li><a href=\"#competitions\">竞争立项结果</a></li>")
                .markup("<li><a href=\"#projects\">已批复项目</a></li>")
                .markup("<li><a href=\"#coverage\">到户资金覆盖</a></li>")
                .markup("<li><a href=\"#townships\">乡镇</a></li>")
                .markup("<li><a href=\"#years\">历年公告公示</a></li>")
                .markup("</ul></nav>\n");
        Sections.notices(page, ROOT, "县级公告", summaries(data.notices()));
        Sections.olderNotices(page, data.notices().size(), data.olderNotices(), "县级");
        lateNotices(page, ROOT, data.notices(), data.olderNotices()
                ? "以上为最新公告中逾期发布的；各年度逾期发布的公告见该年度的页面。" : null);
        fundsByYear(page, data);
        String current = data.currentYear() == null ? null : data.currentYear() + "年度";
        if (data.currentYear() != null) {
            appropriationsOfYear(page, data.currentYear(), data.appropriations());
        }
        countyFloors(page, data.countyFloors());
        competitions(page, ROOT, data.competitions(), data.townships(),
                current == null ? null : "本页为" + current + "的竞争立项；其他年度见该年度的页面。");
        page.markup("<section id=\"projects\">\n").element("h2", "已批复项目").markup("\n");
        if (current != null) {
            page.paragraph("note", "本页为" + current + "开工的项目；其他年度的项目见该年度的页面。").markup("\n");
        }
        Sections.projects(page, ROOT, Sections.publicSummaries(data.projects()), true);
        page.markup("</section>\n");
        coverage(page, data.townshipCoverage());
        townships(page, data.townships());
        years(page, ROOT, data.years(), null);
        return Layout.close(page);
    }

    /**
     * The county's page of one year: every county notice published in it, then the fiscal year's appropriations, the
     * county's own budget, its rounds and the projects starting in it.
     */
    static byte[] renderYear(CountyYearPage data) {
        String county = data.path().county().name();
        String year = data.year() + "年度";
        HtmlWriter page = Layout.open(county + year + "扶贫资金公告公示", YEAR_ROOT, data.path(), year);
        page.element("h1", county + year + "扶贫资金公告公示")
                .markup("\n")
                .paragraph("lead", data.year() + "年发布的全部县级公告，" + data.year()
                        + "年度的资金下达、县本级财政投入、竞争立项结果和开工的项目。")
                .markup("\n");
        years(page, YEAR_ROOT, data.years(), data.year());
        Sections.notices(page, YEAR_ROOT, data.year() + "年发布的县级公告", summaries(data.notices()));
        lateNotices(page, YEAR_ROOT, data.notices(), null);
        page.markup("<section id=\"appropriations\">\n").element("h2", year + "资金来源").markup("\n");
        if (data.appropriations().isEmpty()) {
            page.paragraph("empty", "本年度暂无资金下达记录。").markup("\n");
        } else {
            appropriationDetail(page, data.year(), data.appropriations());
        }
        page.markup("</section>\n");
        countyFloors(page, data.countyFloor() == null ? List.of() : List.of(data.countyFloor()));
        competitions(page, YEAR_ROOT, data.competitions(), data.townships(), null);
        page.markup("<section id=\"projects\">\n").element("h2", year + "开工的已批复项目").markup("\n");
        Sections.projects(page, YEAR_ROOT, Sections.publicSummaries(data.projects()), true);
        page.markup("</section>\n");
        return Layout.close(page);
    }

    /** The years that have a page, newest first, each linked ({@code current}, if any, is the page itself). */
    private static void years(HtmlWriter page, String root, List<Integer> years, Integer current) {
        Sections.years(page, years, current, year -> root + Site.year(year));
    }

    /** The county reads its newest notices in full (for their lateness); its list shows what any list shows. */
    private static List<NoticeSummaryView> summaries(List<NoticeView> notices) {
        return notices.stream().map(NoticeSummaryView::of).toList();
    }

    /** Allocation results are due within 15 working days; every notice published late is listed with how late. */
    private static void lateNotices(HtmlWriter page, String root, List<NoticeView> notices, String more) {
        List<NoticeView> late = Sections.newestFirst(notices).stream().filter(n -> n.lateByWorkingDays() > 0).toList();
        page.markup("<section id=\"late-notices\">\n").element("h2", "逾期发布的公告").markup("\n")
                .paragraph("note", "资金分配结果应在分配后15个工作日内公告。").markup("\n");
        if (late.isEmpty()) {
            page.paragraph("empty", "暂无逾期发布的公告。").markup("\n");
        } else {
            List<List<Cell>> rows = new ArrayList<>();
            for (NoticeView notice : late) {
                rows.add(List.of(
                        Cell.link(notice.content().title(),
                                root + Site.notice(notice.content().noticeId(), Site.NoticeFormat.HTML)),
                        Cell.of(Formats.date(notice.publishedAt())),
                        Cell.of(notice.lateByWorkingDays() + "个工作日")));
            }
            page.table(null, List.of(Column.text("公告"), Column.text("发布日期"), Column.number("逾期")), rows);
        }
        if (more != null) {
            page.paragraph("note", more).markup("\n");
        }
        page.markup("</section>\n");
    }

    /** What every year received, by source (one row per fund), with each year linked to its page. */
    private static void fundsByYear(HtmlWriter page, CountyPage data) {
        page.markup("<section id=\"appropriations\">\n").element("h2", "资金来源（按年度、来源）").markup("\n");
        if (data.funds().isEmpty()) {
            page.paragraph("empty", "暂无资金下达记录。").markup("\n</section>\n");
            return;
        }
        Map<Integer, List<FundView>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (FundView fund : data.funds()) {
            byYear.computeIfAbsent(fund.fiscalYear(), year -> new ArrayList<>()).add(fund);
        }
        List<List<Cell>> rows = new ArrayList<>();
        byYear.forEach((year, funds) -> {
            long total = funds.stream().mapToLong(FundView::appropriatedFen).reduce(0L, Math::addExact);
            String bySource = funds.stream()
                    .sorted(Comparator.comparing(FundView::source))
                    .map(fund -> fund.source().chineseName() + " " + Formats.wanYuan(fund.appropriatedFen()))
                    .collect(Collectors.joining("；"));
            rows.add(List.of(Cell.link(year + "年度", Site.year(year)), Cell.of(bySource), Cell.of(Formats.wanYuan(total))));
        });
        page.table("历年下达的扶贫资金", List.of(Column.text("年度"), Column.text("按来源"), Column.number("合计")), rows);
        page.markup("</section>\n");
    }

    /** The current year's appropriations in detail, under the summary of every year. */
    private static void appropriationsOfYear(HtmlWriter page, int year, List<AppropriationView> appropriations) {
        page.markup("<section id=\"appropriations-current\">\n").element("h2", year + "年度资金下达明细").markup("\n");
        if (appropriations.isEmpty()) {
            page.paragraph("empty", "本年度暂无资金下达记录。").markup("\n</section>\n");
            return;
        }
        appropriationDetail(page, year, appropriations);
        page.markup("</section>\n");
    }

    /** One fiscal year's appropriations: the total, a summary by source, and every appropriation with its document. */
    private static void appropriationDetail(HtmlWriter page, int year, List<AppropriationView> lines) {
        List<AppropriationView> sorted = lines.stream()
                .sorted(Comparator.comparing(AppropriationView::source)
                        .thenComparing(AppropriationView::recordedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(AppropriationView::appropriationId))
                .toList();
        long total = sorted.stream().mapToLong(AppropriationView::amountFen).reduce(0L, Math::addExact);
        page.paragraph("total", year + "年度共下达扶贫资金 " + Formats.wanYuan(total) + "。").markup("\n");
        Map<FundSource, long[]> bySource = new TreeMap<>();
        for (AppropriationView line : sorted) {
            long[] sum = bySource.computeIfAbsent(line.source(), source -> new long[2]);
            sum[0] = Math.addExact(sum[0], line.amountFen());
            sum[1]++;
        }
        List<List<Cell>> summary = new ArrayList<>();
        bySource.forEach((source, sum) -> summary.add(List.of(Cell.of(source.chineseName()),
                Cell.of(sum[1] + "笔"), Cell.of(Formats.wanYuan(sum[0])))));
        page.table(year + "年度按来源汇总", List.of(Column.text("资金来源"), Column.number("笔数"),
                Column.number("金额")), summary);
        List<List<Cell>> rows = new ArrayList<>();
        for (AppropriationView line : sorted) {
            rows.add(List.of(Cell.of(line.source().chineseName()), Cell.of(Formats.orDash(line.documentNo())),
                    Cell.of(Formats.date(line.recordedAt())), Cell.of(Formats.yuan(line.amountFen()))));
        }
        page.table(year + "年度资金下达明细", List.of(Column.text("资金来源"), Column.text("文号"),
                Column.text("下达日期"), Column.number("金额")), rows);
    }

    /** 县本级财政每年整合安排1200万元以上 (seed): each year's county budget against the floor, met or not. */
    private static void countyFloors(HtmlWriter page, List<CountyFloorView> floors) {
        page.markup("<section id=\"county-floor\">\n").element("h2", "县本级财政扶贫投入").markup("\n")
                .paragraph("note", "县本级财政每年整合安排扶贫资金不低于1,200.00万元，并随财政收入增长而增加。")
                .markup("\n");
        if (floors.isEmpty()) {
            page.paragraph("empty", "暂无记录。").markup("\n</section>\n");
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        floors.stream().sorted(Comparator.comparingInt(CountyFloorView::fiscalYear).reversed()).forEach(floor ->
                rows.add(List.of(Cell.of(floor.fiscalYear() + "年度"), Cell.of(Formats.wanYuan(floor.countyBudgetFen())),
                        Cell.of(Formats.wanYuan(floor.floorFen())), Cell.of(floor.met() ? "已达到" : "未达到"))));
        page.table(null, List.of(Column.text("年度"), Column.number("县本级财政投入"), Column.number("不低于"),
                Column.text("是否达到")), rows).markup("</section>\n");
    }

    private static void competitions(HtmlWriter page, String root, List<CompetitionView> competitions,
                                     List<TownshipView> townships, String note) {
        page.markup("<section id=\"competitions\">\n").element("h2", "竞争立项结果").markup("\n");
        if (note != null) {
            page.paragraph("note", note).markup("\n");
        }
        if (competitions.isEmpty()) {
            page.paragraph("empty", "暂无竞争立项。").markup("\n</section>\n");
            return;
        }
        Map<String, String> townshipNames = new HashMap<>();
        townships.forEach(township -> townshipNames.put(township.code(), township.name()));
        List<CompetitionView> rounds = competitions.stream()
                .sorted(Comparator.comparingInt(CompetitionView::fiscalYear).reversed()
                        .thenComparing(CompetitionView::competitionId))
                .toList();
        for (CompetitionView round : rounds) {
            String name = round.name() == null || round.name().isBlank() ? "竞争立项" : round.name();
            String heading = name.contains(round.fiscalYear() + "年") ? name : name + "（" + round.fiscalYear() + "年度）";
            page.markup("<article class=\"round\">\n").element("h3", heading)
                    .markup("\n<dl>\n")
                    .term("资金", Formats.fund(round.fundId()) + " " + Formats.yuan(round.budgetFen()))
                    .term("评审标准", round.criteria().stream()
                            .map(c -> Formats.criterion(c.name()) + " 权重" + c.weight() + "%")
                            .collect(Collectors.joining("；")))
                    .term("申报截止", Formats.dateTime(round.deadline()));
            if (round.status() != CompetitionStatus.CLOSED) {
                page.term("状态", "评审中，结果确定后公示")
                        .term("已申报项目", round.proposals().stream().filter(p -> !p.withdrawn()).count() + "个")
                        .markup("</dl>\n</article>\n");
                continue;
            }
            page.term("结果确定", Formats.dateTime(round.closedAt()))
                    .term("已安排资金", Formats.yuan(round.awardedTotalFen()) + "，结余 " + Formats.yuan(round.remainingFen()))
                    .markup("</dl>\n");
            ranking(page, root, round, townshipNames);
            page.markup("</article>\n");
        }
        page.markup("</section>\n");
    }

    private static void ranking(HtmlWriter page, String root, CompetitionView round, Map<String, String> townshipNames) {
        Map<String, CompetitionView.ProposalView> proposals = new HashMap<>();
        round.proposals().forEach(proposal -> proposals.put(proposal.projectId(), proposal));
        List<List<Cell>> rows = new ArrayList<>();
        for (RankingLineView line : round.ranking().stream().sorted(Comparator.comparingInt(RankingLineView::rank)).toList()) {
            CompetitionView.ProposalView proposal = proposals.get(line.projectId());
            String projectName = proposal == null || proposal.projectName() == null ? line.projectId() : proposal.projectName();
            Cell project = proposal == null || proposal.villageCode() == null
                    ? Cell.of(projectName)
                    : Cell.link(projectName, root + Site.place(proposal.villageCode()));
            String scores = line.criterionScores().stream()
                    .map(score -> Formats.criterion(score.criterion()) + " " + score.score().toPlainString()
                            + (Criterion.TOWNSHIP_ASSESSMENT.equals(score.criterion()) ? "" : "（" + score.reviewers() + "位评审）"))
                    .collect(Collectors.joining("；"));
            rows.add(List.of(
                    Cell.of(Integer.toString(line.rank())),
                    project,
                    Cell.of(townshipNames.getOrDefault(line.townshipCode(), line.townshipCode())),
                    Cell.of(Formats.yuan(line.requestedFen())),
                    Cell.of(line.score() == null ? "—" : line.score().toPlainString()),
                    Cell.of(scores.isEmpty() ? "—" : scores),
                    Cell.of(Formats.outcome(line.outcome())),
                    Cell.of(Formats.yuan(line.awardedFen()))));
        }
        page.table("排名和资金安排", List.of(Column.number("名次"), Column.text("项目"), Column.text("乡镇"),
                Column.number("申请金额"), Column.number("综合得分"), Column.text("各项得分"), Column.text("结果"),
                Column.number("安排金额")), rows);
    }

    private static void coverage(HtmlWriter page, List<GrantCoverageView> townships) {
        page.markup("<section id=\"coverage\">\n").element("h2", "到户增收项目启动资金覆盖情况").markup("\n")
                .paragraph("note", "每户建档立卡贫困户（含移民贫困户）安排不低于3,000.00元的增收项目启动资金。").markup("\n");
        long registered = 0;
        long granted = 0;
        long grantedFen = 0;
        List<List<Cell>> rows = new ArrayList<>();
        for (GrantCoverageView township : townships) {
            registered = Math.addExact(registered, township.registered());
            granted = Math.addExact(granted, township.granted());
            grantedFen = Math.addExact(grantedFen, township.grantedFen());
            rows.add(List.of(Cell.link(township.name(), Site.place(township.code())),
                    Cell.of(township.registered() + "户"), Cell.of(township.granted() + "户"),
                    Cell.of(Formats.percent(township.granted(), township.registered())),
                    Cell.of(Formats.yuan(township.grantedFen()))));
        }
        page.paragraph("total", "全县建档立卡贫困户 " + registered + " 户，已发放 " + granted + " 户（"
                + Formats.percent(granted, registered) + "），共 " + Formats.wanYuan(grantedFen) + "。").markup("\n");
        page.table(null, List.of(Column.text("乡镇"), Column.number("贫困户"), Column.number("已发放"),
                Column.number("覆盖率"), Column.number("发放金额")), rows).markup("</section>\n");
    }

    private static void townships(HtmlWriter page, List<TownshipView> townships) {
        page.markup("<section id=\"townships\">\n").element("h2", "乡镇公告公示").markup("\n<ul class=\"places\">\n");
        for (TownshipView township : townships) {
            page.markup("<li>").link(Site.place(township.code()), township.name()).markup("</li>\n");
        }
        page.markup("</ul>\n</section>\n");
    }
}
