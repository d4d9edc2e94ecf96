package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.disclosure.page.HtmlWriter.Cell;
import cn.fupin.ledger.disclosure.page.HtmlWriter.Column;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A township page (乡镇公告公示): its villages with their allocations and grant totals, its projects as summaries, its
 * newest notices; and its pages by year, with every notice of the year.
 */
final class TownshipPageRenderer {

    private static final String ROOT = "../";

    private TownshipPageRenderer() {
    }

    static byte[] render(TownshipPage data) {
        TownshipView township = data.township();
        HtmlWriter page = Layout.open(township.name() + "扶贫资金公告公示", ROOT, data.path(), null);
        List<ProjectSummaryView> projects = Sections.publicSummaries(data.projects());
        page.element("h1", township.name() + "扶贫资金公告公示").markup("\n")
                .paragraph("lead", data.path().county().name() + township.name() + "：本乡镇的扶贫项目、各村资金安排和到户资金。"
                        + "点击村名可查看本村的项目明细和到户资金名单；点击年度，可查看该年度的全部乡镇公告。")
                .markup("\n<nav class=\"toc\" aria-label=\"本页目录\"><ul>")
                .markup("<li><a href=\"#notices\">乡镇公告</a></li>")
                .markup("<li><a href=\"#villages\">各村资金</a></li>")
                .markup("<li><a href=\"#projects\">已批复项目</a></li>")
                .markup("<li><a href=\"#years\">历年公告公示</a></li>")
                .markup("</ul></nav>\n");
        Sections.notices(page, ROOT, "乡镇公告", data.notices());
        Sections.olderNotices(page, data.notices().size(), data.olderNotices(), "乡镇");
        villages(page, township, projects, data.villageCoverage());
        page.markup("<section id=\"projects\">\n").element("h2", "已批复项目").markup("\n")
                .paragraph("note", "每个项目列出已拨付的金额和笔数；到户资金名单见各村的页面。").markup("\n");
        Sections.projects(page, ROOT, projects, false);
        page.markup("</section>\n");
        String code = data.path().township().code();
        Sections.years(page, data.years(), null, year -> ROOT + Site.placeYear(code, year));
        return Layout.close(page);
    }

    /** A township's page of one year: every township notice published in it. */
    static byte[] renderYear(PlaceYearPage data) {
        String name = Formats.place(data.path().township().name());
        String year = data.year() + "年";
        HtmlWriter page = Layout.open(name + year + "公告公示", ROOT, data.path(), year);
        page.element("h1", name + year + "公告公示").markup("\n")
                .paragraph("lead", data.path().county().name() + name + data.year() + "年发布的全部乡镇公告。")
                .markup("\n");
        String code = data.placeCode();
        Sections.years(page, data.years(), data.year(), other -> ROOT + Site.placeYear(code, other));
        Sections.notices(page, ROOT, data.year() + "年发布的乡镇公告", data.notices());
        return Layout.close(page);
    }

    private static void villages(HtmlWriter page, TownshipView township, List<ProjectSummaryView> projects,
                                 List<GrantCoverageView> coverage) {
        Map<String, Long> allocated = new HashMap<>();
        for (ProjectSummaryView project : projects) {
            if (project.status() == ProjectStatus.CANCELLED) {
                continue;
            }
            allocated.merge(project.villageCode(), project.budgetTotalFen(), Math::addExact);
        }
        Map<String, GrantCoverageView> coverageByVillage = new HashMap<>();
        coverage.forEach(village -> coverageByVillage.put(village.code(), village));
        long registered = 0;
        long granted = 0;
        long grantedFen = 0;
        List<List<Cell>> rows = new ArrayList<>();
        for (TownshipView.VillageView village : township.villages()) {
            GrantCoverageView covered = coverageByVillage.get(village.code());
            long villageRegistered = covered == null ? 0 : covered.registered();
            long villageGranted = covered == null ? 0 : covered.granted();
            long villageGrantedFen = covered == null ? 0 : covered.grantedFen();
            registered = Math.addExact(registered, villageRegistered);
            granted = Math.addExact(granted, villageGranted);
            grantedFen = Math.addExact(grantedFen, villageGrantedFen);
            rows.add(List.of(
                    Cell.link(Formats.place(village.name()), ROOT + Site.place(village.code())),
                    Cell.of(poor(village)),
                    Cell.of(Formats.yuan(allocated.getOrDefault(village.code(), 0L))),
                    Cell.of(villageRegistered + "户"),
                    Cell.of(villageGranted + "户"),
                    Cell.of(Formats.yuan(villageGrantedFen))));
        }
        page.markup("<section id=\"villages\">\n").element("h2", "各村项目资金和到户资金").markup("\n")
                .paragraph("total", "全乡镇建档立卡贫困户 " + registered + " 户，已发放到户增收项目启动资金 " + granted
                        + " 户（" + Formats.percent(granted, registered) + "），共 " + Formats.yuan(grantedFen) + "。")
                .markup("\n")
                .table(null, List.of(Column.text("村（社区）"), Column.text("贫困村"), Column.number("项目资金（不含已撤销）"),
                        Column.number("贫困户"), Column.number("已发放"), Column.number("发放金额")), rows)
                .markup("</section>\n");
    }

    /** "贫困村（2094年）" for a designated poor village, empty otherwise. */
    static String poor(TownshipView.VillageView village) {
        if (!village.poorVillage()) {
            return "";
        }
        List<Integer> years = village.poorVillageYears() == null ? List.of() : village.poorVillageYears();
        return years.isEmpty() ? "贫困村"
                : "贫困村（" + years.stream().map(year -> year + "年").collect(Collectors.joining("、")) + "）";
    }
}
