package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.disclosure.page.HtmlWriter.Cell;
import cn.fupin.ledger.disclosure.page.HtmlWriter.Column;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.household.PersonalNumbers;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A village page (村级公告公示): where neighbours check neighbours. Its projects in full (what is built, sources and
 * amounts, what was paid in how many payments, implementer, person in charge, supervisor, schedule, targets, the
 * supervision phone and 12317), the payments to the village, and the start-up grant list: the head's masked name, the
 * amount and its state. Nothing else of a household appears. The payments and grants listed are those of the current
 * year; every year's are on the village's page of that year, with its notices.
 */
final class VillagePageRenderer {

    private static final String ROOT = "../";

    private VillagePageRenderer() {
    }

    static byte[] render(VillagePage data) {
        TownshipView.VillageView village = data.village();
        String township = data.path().township().name();
        String name = Formats.place(village.name());
        HtmlWriter page = Layout.open(name + "扶贫资金公告公示", ROOT, data.path(), null);
        page.element("h1", name + "扶贫资金公告公示").markup("\n");
        String poor = TownshipPageRenderer.poor(village);
        page.paragraph("lead", data.path().county().name() + township + name
                        + (poor.isEmpty() ? "" : "，" + poor) + "：本村的扶贫项目和到户资金名单，欢迎群众监督。"
                        + "点击年度，可查看该年度的全部村级公告和到户资金。")
                .markup("\n<nav class=\"toc\" aria-label=\"本页目录\"><ul>")
                .markup("<li><a href=\"#notices\">村级公告</a></li>")
                .markup("<li><a href=\"#projects\">项目</a></li>")
                .markup("<li><a href=\"#grants\">到户资金</a></li>")
                .markup("<li><a href=\"#years\">历年公告公示</a></li>")
                .markup("</ul></nav>\n");
        Sections.notices(page, ROOT, "村级公告", data.notices());
        Sections.olderNotices(page, data.notices().size(), data.olderNotices(), "村级");
        projects(page, Sections.publicSummaries(data.projects()));
        String ofYear = data.currentYear() == null ? null : data.currentYear() + "年";
        villagePayments(page, data.disbursements(), data.projectNames(), ofYear);
        grants(page, data.coverage(), data.disbursements(), data.projectNames(), ofYear, data.years().size() > 1);
        String code = data.path().village().code();
        Sections.years(page, data.years(), null, year -> ROOT + Site.placeYear(code, year));
        return Layout.close(page);
    }

    /** A village's page of one year: its notices published in it, the payments and grants requested in it. */
    static byte[] renderYear(PlaceYearPage data) {
        String name = Formats.place(data.path().village().name());
        String year = data.year() + "年";
        HtmlWriter page = Layout.open(name + year + "公告公示", ROOT, data.path(), year);
        page.element("h1", name + year + "公告公示").markup("\n")
                .paragraph("lead", data.path().county().name() + data.path().township().name() + name + data.year()
                        + "年发布的全部村级公告，" + data.year() + "年申请的拨付到村的项目资金和到户资金。")
                .markup("\n");
        String code = data.placeCode();
        Sections.years(page, data.years(), data.year(), other -> ROOT + Site.placeYear(code, other));
        Sections.notices(page, ROOT, data.year() + "年发布的村级公告", data.notices());
        villagePayments(page, data.disbursements(), data.projectNames(), year);
        grants(page, null, data.disbursements(), data.projectNames(), year, false);
        return Layout.close(page);
    }

    private static void projects(HtmlWriter page, List<ProjectSummaryView> projects) {
        page.markup("<section id=\"projects\">\n").element("h2", "项目").markup("\n");
        if (projects.isEmpty()) {
            page.paragraph("empty", "暂无已批复项目。").markup("\n</section>\n");
            return;
        }
        for (ProjectSummaryView project : projects) {
            page.markup("<article class=\"project\">\n").element("h3", project.name()).markup("\n<dl>\n")
                    .term("实施地点", Formats.orDash(project.townshipName()) + Formats.place(project.villageName()))
                    .term("建设内容", Formats.orDash(project.description()))
                    .term("项目类别", Formats.orDash(project.workAreaName()))
                    .term("受益对象", project.beneficiary() == Beneficiary.HOUSEHOLDS ? "建档立卡贫困户" : "贫困村")
                    .term("补助标准", Formats.orDash(project.subsidyStandard()))
                    .term("资金来源及金额", Sections.sources(project.budget()))
                    .term("总投资", Formats.yuan(project.budgetTotalFen()))
                    .term("已拨付", Formats.yuan(project.paidFen()) + "（" + project.paidPayments() + "笔）")
                    .term("建设期限", Formats.period(project.startDate(), project.endDate()))
                    .term("实施主体", Formats.orDash(project.implementer()))
                    .term("项目负责人", Formats.orDash(project.personInCharge()))
                    .term("监管主体", Formats.orDash(project.supervisor()))
                    .term("绩效目标", "受益贫困户 " + project.expectedHouseholds() + " 户"
                            + (project.expectedPeople() == null ? "" : "、" + project.expectedPeople() + " 人"))
                    .term("带贫减贫机制", Formats.orDash(project.benefitMechanism()))
                    .term("村民议事（一事一议）", Formats.orDash(project.villagersMeeting()))
                    .term("批复文号", Formats.orDash(project.approvalDocNo()))
                    .term("项目状态", project.status() == null ? "—" : project.status().chineseName())
                    .phoneTerm("监督电话", project.supervisionPhone())
                    .phoneTerm("举报电话", NoticeContent.HOTLINE)
                    .markup("</dl>\n</article>\n");
        }
        page.markup("</section>\n");
    }

    private static List<DisbursementView> ofKind(List<DisbursementView> disbursements, PayeeKind kind) {
        return disbursements.stream()
                .filter(d -> d.payeeKind() == kind)
                .sorted(Comparator.comparing(DisbursementView::requestedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                        .thenComparing(DisbursementView::disbursementId))
                .toList();
    }

    /** The project's name, or its id where the name holds what looks like a personal number (never printed). */
    private static String project(Map<String, String> projectNames, String projectId) {
        String name = projectNames.getOrDefault(projectId, projectId);
        return PersonalNumbers.in(name) ? projectId : name;
    }

    /** The payments to the village requested in the year the page shows ({@code ofYear}, e.g. "2016年"). */
    private static void villagePayments(HtmlWriter page, List<DisbursementView> disbursements,
                                        Map<String, String> projectNames, String ofYear) {
        List<DisbursementView> payments = ofKind(disbursements, PayeeKind.VILLAGE);
        if (payments.isEmpty()) {
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (DisbursementView payment : payments) {
            rows.add(List.of(Cell.of(project(projectNames, payment.projectId())),
                    Cell.of(Formats.yuan(payment.amountFen())),
                    Cell.of(Formats.paymentStatus(payment.status())), Cell.of(Formats.date(payment.requestedAt()))));
        }
        page.markup("<section id=\"payments\">\n").element("h2", ofYear + "拨付到村的项目资金").markup("\n")
                .table(null, List.of(Column.text("项目"), Column.number("金额"), Column.text("状态"),
                        Column.text("申请日期")), rows)
                .markup("</section>\n");
    }

    /**
     * The start-up grants to the village's households requested in the year the page shows, under the village's
     * coverage over every year (the village's own page; {@code coverage} is null on a year's page). {@code otherYears}
     * says that other years' grants are on their pages.
     */
    private static void grants(HtmlWriter page, GrantCoverageView coverage, List<DisbursementView> disbursements,
                               Map<String, String> projectNames, String ofYear, boolean otherYears) {
        page.markup("<section id=\"grants\">\n")
                .element("h2", (ofYear == null ? "" : ofYear) + "到户增收项目启动资金名单").markup("\n")
                .paragraph("note", "每户建档立卡贫困户（含移民贫困户）安排不低于3,000.00元。户主姓名只显示姓和末字。")
                .markup("\n");
        if (coverage != null) {
            page.paragraph("total", "本村建档立卡贫困户 " + coverage.registered() + " 户，已发放 " + coverage.granted()
                    + " 户（" + Formats.percent(coverage.granted(), coverage.registered()) + "），共 "
                    + Formats.yuan(coverage.grantedFen()) + "。").markup("\n");
        }
        if (otherYears) {
            page.paragraph("note", "本页列出" + ofYear + "申请的到户资金和拨付到村的项目资金；其他年度的见下方“历年公告公示”中各年度的页面。")
                    .markup("\n");
        }
        List<DisbursementView> grants = ofKind(disbursements, PayeeKind.HOUSEHOLD);
        if (grants.isEmpty()) {
            page.paragraph("empty", "暂无到户资金。").markup("\n</section>\n");
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (DisbursementView grant : grants) {
            rows.add(List.of(Cell.of(Formats.orDash(grant.headNameMasked())), Cell.of(Formats.yuan(grant.amountFen())),
                    Cell.of(Formats.grantStatus(grant.status())), Cell.of(project(projectNames, grant.projectId())),
                    Cell.of(Formats.date(grant.requestedAt()))));
        }
        page.table(null, List.of(Column.text("户主"), Column.number("金额"), Column.text("状态"), Column.text("项目"),
                Column.text("申请日期")), rows).markup("</section>\n");
    }
}
