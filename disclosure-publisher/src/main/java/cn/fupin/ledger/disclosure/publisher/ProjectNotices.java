package cn.fupin.ledger.disclosure.publisher;

import cn.fupin.ledger.shared.disclosure.AutomaticNoticeSeries;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectCompletedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.workarea.WorkArea;
import cn.fupin.ledger.shared.workarea.WorkAreas;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.fupin.ledger.disclosure.publisher.AutomaticNotices.TITLE_LENGTH_MAX;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.blankToNull;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.cut;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.fundSource;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.isBlank;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.line;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.noticeId;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.orDash;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.spoken;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.value;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.wanAndYuan;

/**
 * The notices of a project, decided by {@link AutomaticNotices}: its plan in full at its village (or its township),
 * its lines on the county's and the township's lists of approved projects, both before any payment, and its
 * completion and acceptance after. Pure.
 */
final class ProjectNotices {

    private static final WorkAreas WORK_AREAS = WorkAreas.standard();

    private final Gazetteer gazetteer;
    private final int periodDays;
    private final String countySupervisionPhone;

    ProjectNotices(Gazetteer gazetteer, int periodDays, String countySupervisionPhone) {
        this.gazetteer = gazetteer;
        this.periodDays = periodDays;
        this.countySupervisionPhone = countySupervisionPhone;
    }

    /** Where a project is: its village when it has one of the county, and its township. */
    private record Location(Optional<Place> village, Place township) {
    }

    /** Empty when the proposal names no township of the county (through its village, or itself). */
    private Optional<Location> location(ProjectProposedEvent proposal) {
        Optional<Place> village = proposal.villageCode() == null ? Optional.empty()
                : gazetteer.village(proposal.villageCode());
        return gazetteer.township(village.map(Place::parentCode).orElse(proposal.townshipCode()))
                .map(township -> new Location(village, township));
    }

    /**
     * 项目竣工验收公告: the accepted project, from its history up to its acceptance; empty when the history does not
     * say where the project is (no proposal recorded), since a village notice needs its village.
     */
    Optional<PublishNoticeCommand> completion(ProjectAcceptedEvent event, List<?> projectHistory) {
        ProjectProposedEvent proposal = null;
        String completionNote = null;
        long paidFen = 0;
        for (Object fact : projectHistory) {
            if (fact instanceof ProjectProposedEvent proposed) {
                proposal = proposed;
            } else if (fact instanceof ProjectCompletedEvent completed) {
                completionNote = completed.note();
            } else if (fact instanceof ProjectPaymentSettledEvent settled) {
                if ("APPROVED".equals(settled.outcome())) {
                    paidFen += settled.amountFen();
                } else if ("REVERSED".equals(settled.outcome())) {
                    paidFen -= settled.amountFen();
                }
            }
        }
        if (proposal == null || proposal.villageCode() == null) {
            return Optional.empty();
        }
        Optional<Place> village = gazetteer.village(proposal.villageCode());
        if (village.isEmpty()) {
            return Optional.empty();
        }
        String township = gazetteer.township(village.get().parentCode()).map(Place::name).orElse("");
        String villageName = spoken(village.get().name());
        String name = line(proposal.name());
        String budget = wanAndYuan(proposal.budgetTotalFen());
        String paid = wanAndYuan(paidFen);
        String result = isBlank(event.result()) ? "验收合格" : value(event.result());
        List<NoticeContent.Field> fields = new ArrayList<>();
        fields.add(new NoticeContent.Field("项目名称", name));
        fields.add(new NoticeContent.Field("项目编号", event.projectId()));
        fields.add(new NoticeContent.Field("项目地点", township + villageName));
        fields.add(new NoticeContent.Field("建设内容", value(orDash(proposal.description()))));
        fields.add(new NoticeContent.Field("实施单位", value(orDash(proposal.implementer()))));
        fields.add(new NoticeContent.Field("项目负责人", value(orDash(proposal.personInCharge()))));
        fields.add(new NoticeContent.Field("项目预算", budget));
        fields.add(new NoticeContent.Field("已拨付资金", paid));
        if (!isBlank(completionNote)) {
            fields.add(new NoticeContent.Field("完工情况", value(completionNote)));
        }
        fields.add(new NoticeContent.Field("验收结果", result));
        String body = name + "已竣工并通过验收，现将有关情况公告如下，欢迎群众监督。如有异议，请在公示期内向村委会、"
                + township + "人民政府反映，或拨打监督电话及全国扶贫监督举报电话" + NoticeContent.HOTLINE + "。";
        NoticeContent.Row row = new NoticeContent.Row(event.projectId(), List.of(event.projectId(), name,
                line(budget), line(paid), line(result)));
        String phone = blankToNull(proposal.supervisionPhone());
        NoticeContent content = new NoticeContent(null, NoticeKind.COMPLETION, NoticeLevel.VILLAGE,
                village.get().code(), villageName, name + "竣工验收公告", body, fields,
                List.of("项目编号", "项目名称", "项目预算", "已拨付资金", "验收结果"), List.of(row), null, null, null,
                null, phone != null ? line(phone) : countySupervisionPhone, NoticeContent.HOTLINE);
        return Optional.of(command(AutomaticNoticeSeries.COMPLETION, event.projectId(), content));
    }

    /**
     * 项目计划公示: an approved project in full (every field DOMAIN.md names: location, what is built, subsidy standard,
     * fund sources and amounts, period, implementer and person in charge, performance target, how it helps people out
     * of poverty, the supervision phone and the 12317 hotline), at its village, or at its township when it serves the
     * households of a whole township. Lists the project, so its payments wait for the period. Empty when the place is
     * not of the county.
     */
    Optional<PublishNoticeCommand> plan(ProjectApprovedEvent approved, ProjectProposedEvent proposal) {
        Optional<Location> where = location(proposal);
        if (where.isEmpty()) {
            return Optional.empty();
        }
        Optional<Place> village = where.get().village();
        Place township = where.get().township();
        NoticeLevel level = village.isPresent() ? NoticeLevel.VILLAGE : NoticeLevel.TOWNSHIP;
        Place place = village.orElse(township);
        String placeName = village.map(v -> spoken(v.name())).orElse(township.name());
        String location = township.name() + village.map(v -> spoken(v.name())).orElse("（全乡镇）");
        String name = line(proposal.name());
        String total = wanAndYuan(proposal.budgetTotalFen());
        String sources = sources(proposal);
        String target = proposal.expectedHouseholds() + "户"
                + (proposal.expectedPeople() == null ? "" : proposal.expectedPeople() + "人");
        List<NoticeContent.Field> fields = new ArrayList<>();
        fields.add(new NoticeContent.Field("项目名称", name));
        fields.add(new NoticeContent.Field("项目编号", approved.projectId()));
        fields.add(new NoticeContent.Field("项目类别", WORK_AREAS.find(proposal.workArea()).map(WorkArea::name)
                .orElse(orDash(proposal.workArea()))));
        fields.add(new NoticeContent.Field("建设地点", location));
        fields.add(new NoticeContent.Field("建设内容及规模", value(orDash(proposal.description()))));
        fields.add(new NoticeContent.Field("补助标准", value(orDash(proposal.subsidyStandard()))));
        fields.add(new NoticeContent.Field("资金来源及金额", sources));
        fields.add(new NoticeContent.Field("项目总投资", total));
        fields.add(new NoticeContent.Field("实施期限", proposal.startDate() + " 至 " + proposal.endDate()));
        fields.add(new NoticeContent.Field("实施单位", value(orDash(proposal.implementer()))));
        fields.add(new NoticeContent.Field("项目负责人", value(orDash(proposal.personInCharge()))));
        fields.add(new NoticeContent.Field("监管单位", value(orDash(proposal.supervisor()))));
        fields.add(new NoticeContent.Field("绩效目标", "受益贫困户" + target));
        fields.add(new NoticeContent.Field("带贫减贫机制", value(orDash(proposal.benefitMechanism()))));
        fields.add(new NoticeContent.Field("村民议事决策", value(orDash(proposal.villagersMeeting()))));
        fields.add(new NoticeContent.Field("批复文号", value(orDash(approved.approvalDocNo()))));
        String body = name + "已经批复立项，现将项目计划公示如下。公示期内如有异议，请向村委会、" + township.name()
                + "人民政府反映，或拨打监督电话及全国扶贫监督举报电话" + NoticeContent.HOTLINE + "。公示期满且无异议后方可拨付资金。";
        NoticeContent.Row row = new NoticeContent.Row(approved.projectId(), List.of(approved.projectId(), name,
                line(sources), line(total)));
        String phone = blankToNull(proposal.supervisionPhone());
        NoticeContent content = new NoticeContent(null, NoticeKind.PROJECT_PLAN, level, place.code(), placeName,
                name + "项目计划公示", body, fields, List.of("项目编号", "项目名称", "资金来源", "项目总投资"),
                List.of(row), null, null, null, null, phone != null ? line(phone) : countySupervisionPhone,
                NoticeContent.HOTLINE);
        return Optional.of(command(AutomaticNoticeSeries.PROJECT_PLAN, approved.projectId(), content));
    }

    /**
     * 项目计划公告 on the county's and the township's lists of approved projects: one line per approved project, with
     * its approval document, place, what is built, fund sources, total and period, pointing to its plan in full
     * ({@code NTC-PP-<project>}, where objections about its details are best filed). The county's list
     * ({@code NTC-PC-<project>}) always; the township's ({@code NTC-PT-<project>}) when the plan itself is at a village
     * (a township-wide project's plan is already the township's notice). Each lists the project, for the same period
     * as the plan when published with it (the publisher publishes them before the plan), so neither holds a payment
     * longer than the plan does; an objection filed on a list holds the project's payments like one on the plan.
     * Empty when the place is not of the county.
     */
    List<PublishNoticeCommand> lists(ProjectApprovedEvent approved, ProjectProposedEvent proposal) {
        Optional<Location> where = location(proposal);
        if (where.isEmpty()) {
            return List.of();
        }
        Optional<Place> village = where.get().village();
        Place township = where.get().township();
        Place county = gazetteer.county();
        String name = line(proposal.name());
        String villageName = village.map(v -> spoken(v.name())).orElse("全乡镇");
        String document = isBlank(approved.approvalDocNo()) ? "—" : line(approved.approvalDocNo());
        String total = Money.wanYuan(proposal.budgetTotalFen());
        String plan = AutomaticNotices.planId(approved.projectId()).value();
        NoticeContent.Row row = new NoticeContent.Row(approved.projectId(), List.of(township.name(), villageName, name,
                line(orDash(proposal.description())), line(sources(proposal)), total,
                proposal.startDate() + " 至 " + proposal.endDate(), line(orDash(proposal.implementer())), plan));
        List<String> columns = List.of("乡镇", "村", "项目名称", "建设内容", "资金来源", "项目总投资", "实施期限",
                "实施单位", NoticeContent.DETAIL_COLUMN);
        List<NoticeContent.Field> fields = List.of(
                new NoticeContent.Field("批复文号", document),
                new NoticeContent.Field("项目", name + "（" + approved.projectId() + "）"),
                new NoticeContent.Field("项目总投资", wanAndYuan(proposal.budgetTotalFen())),
                new NoticeContent.Field(NoticeContent.DETAIL_COLUMN, plan + "（" + township.name()
                        + (village.isPresent() ? villageName : "") + "）"));
        String phone = blankToNull(proposal.supervisionPhone());
        String supervision = phone != null ? line(phone) : countySupervisionPhone;
        List<PublishNoticeCommand> commands = new ArrayList<>();
        String countyBody = "经" + document + "批复，下列扶贫项目已经立项，现予公告。项目的详细计划（建设内容、补助标准、"
                + "资金来源、实施期限、绩效目标等）在项目所在地公示（" + plan + "）。公示期内如有异议，请向县扶贫部门反映，"
                + "或拨打监督电话及全国扶贫监督举报电话" + NoticeContent.HOTLINE + "。";
        commands.add(command(AutomaticNoticeSeries.COUNTY_PROJECT_LIST, approved.projectId(), new NoticeContent(null, NoticeKind.PROJECT_LIST,
                NoticeLevel.COUNTY, county.code(), county.name(), cut("县级扶贫项目计划公告：" + name, TITLE_LENGTH_MAX),
                countyBody, fields, columns, List.of(row), null, null, null, null, supervision,
                NoticeContent.HOTLINE)));
        if (village.isPresent()) {
            String townshipBody = "经" + document + "批复，本乡镇" + villageName
                    + "下列扶贫项目已经立项，现予公告。项目的详细计划在该村公示（" + plan + "）。公示期内如有异议，请向"
                    + township.name() + "人民政府反映，或拨打监督电话及全国扶贫监督举报电话" + NoticeContent.HOTLINE
                    + "。";
            commands.add(command(AutomaticNoticeSeries.TOWNSHIP_PROJECT_LIST, approved.projectId(), new NoticeContent(null,
                    NoticeKind.PROJECT_LIST, NoticeLevel.TOWNSHIP, township.code(), township.name(),
                    cut(township.name() + "扶贫项目计划公告：" + name, TITLE_LENGTH_MAX), townshipBody, fields,
                    columns, List.of(row), null, null, null, null, supervision, NoticeContent.HOTLINE)));
        }
        return commands;
    }

    /** Each fund the project draws on and how much, e.g. 中央财政专项扶贫资金600,000.00元；县本级财政扶贫资金200,000.00元. */
    private static String sources(ProjectProposedEvent proposal) {
        List<String> sources = new ArrayList<>();
        for (BudgetLine budgetLine : proposal.budget()) {
            sources.add(fundSource(budgetLine.fundId()) + Money.yuan(budgetLine.amountFen()));
        }
        return String.join("；", sources);
    }

    /** The notice of the series listing the project ({@code NTC-PP-<project>}, …). */
    private PublishNoticeCommand command(AutomaticNoticeSeries series, String projectId, NoticeContent content) {
        return AutomaticNotices.command(noticeId(series, projectId), content, List.of(projectId), periodDays);
    }
}
