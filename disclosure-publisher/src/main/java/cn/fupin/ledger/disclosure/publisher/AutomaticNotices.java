package cn.fupin.ledger.disclosure.publisher;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.AutomaticNoticeSeries;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.household.HeadNames;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static cn.fupin.ledger.disclosure.publisher.NoticeText.blankToNull;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.cut;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.isBlank;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.line;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.noticeId;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.orDash;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.spoken;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.value;
import static cn.fupin.ledger.disclosure.publisher.NoticeText.wanAndYuan;

/**
 * Which notice an event makes due, as a command: pure (events and fixed settings in, a {@link PublishNoticeCommand}
 * out), so the same event always gives the same notice with the same deterministic id ({@code NTC-FA-<appropriation>},
 * {@code NTC-RR-<round>}, {@code NTC-CA-<project>}) and a redelivered event can publish nothing twice.
 *
 * <p>Decided here: fund allocation (county, per appropriation), competitive-round results (county, per closed round),
 * project plans (per approved project, at its village, or at its township when it has none: {@code NTC-PP-<project>}),
 * with the project's line on the county's and the township's lists of approved projects ({@code NTC-PC-<project>},
 * {@code NTC-PT-<project>}; a project's notices are written by {@link ProjectNotices}), household grant lists (per grant batch and village, or per single grant: {@code NTC-GL-<batch>-<village>},
 * {@code NTC-GL-<disbursement>}), completion and acceptance (village, per accepted project) and corrections (per
 * upheld objection: {@code NTC-CR-<objection>}). Plans and grant lists are what makes a payment public before it is
 * paid (事前公示): the ledger pays a village only after its project's plan, and a household only after a grant list
 * naming it, has been public for its whole period.
 */
public final class AutomaticNotices {

    /** The system process the automatic notices are attributed to ({@code system:disclosure-publisher}). */
    public static final String PROCESS = "disclosure-publisher";
    public static final Actor PUBLISHER = AutomaticNoticeSeries.PUBLISHER;

    static final int TITLE_LENGTH_MAX = 200;
    private static final int REASON_LENGTH_MAX = 500;

    private final Gazetteer gazetteer;
    private final int periodDays;
    private final String countySupervisionPhone;
    private final ProjectNotices projects;

    /**
     * @param periodDays             the publicity period of each notice (the ledger's configured minimum)
     * @param countySupervisionPhone the county's supervision phone, on notices whose project names none
     */
    public AutomaticNotices(Gazetteer gazetteer, int periodDays, String countySupervisionPhone) {
        this.gazetteer = gazetteer;
        this.periodDays = periodDays;
        this.countySupervisionPhone = blankToNull(countySupervisionPhone);
        this.projects = new ProjectNotices(gazetteer, periodDays, this.countySupervisionPhone);
    }

    /** 资金分配公告: one appropriation, listed by its id so its lateness (15 working days) can be told. */
    public PublishNoticeCommand fundAllocation(FundsAppropriatedEvent event) {
        Place county = gazetteer.county();
        String source = event.source().chineseName();
        String documentNo = orDash(event.documentNo());
        String amount = wanAndYuan(event.amountFen());
        String body = "根据" + (isBlank(event.documentNo()) ? "上级文件" : line(event.documentNo())) + "，"
                + county.name() + event.fiscalYear() + "年度" + source + "下达" + amount
                + "。现予公告，欢迎社会各界监督；如有异议，请在公示期内向县扶贫部门反映，或拨打全国扶贫监督举报电话"
                + NoticeContent.HOTLINE + "。";
        List<NoticeContent.Field> fields = new ArrayList<>();
        fields.add(new NoticeContent.Field("年度", event.fiscalYear() + "年度"));
        fields.add(new NoticeContent.Field("资金来源", source));
        fields.add(new NoticeContent.Field("文号", documentNo));
        fields.add(new NoticeContent.Field("金额", amount));
        if (!isBlank(event.note())) {
            fields.add(new NoticeContent.Field("说明", value(event.note())));
        }
        NoticeContent.Row row = new NoticeContent.Row(event.appropriationId(), List.of(source, line(documentNo),
                line(amount)));
        NoticeContent content = new NoticeContent(null, NoticeKind.FUND_ALLOCATION, NoticeLevel.COUNTY, county.code(),
                county.name(), event.fiscalYear() + "年度" + source + "分配公告", body, fields,
                List.of("资金来源", "文号", "金额"), List.of(row), null, null, null, null, countySupervisionPhone,
                NoticeContent.HOTLINE);
        return command(noticeId(AutomaticNoticeSeries.FUND_ALLOCATION, event.appropriationId()), content, List.of(event.appropriationId()));
    }

    /**
     * 竞争立项结果公示: a closed round's ranking, one row per proposal listing its project (so the round's projects are
     * held from payment during the period, as for every notice that lists them).
     *
     * @param opened the round's opening, for its name; {@code null} when it cannot be found
     */
    public PublishNoticeCommand roundResult(CompetitionClosedEvent event, CompetitionOpenedEvent opened) {
        Place county = gazetteer.county();
        String round = opened != null && !isBlank(opened.name()) ? line(opened.name()) : event.competitionId();
        String title = opened != null && !isBlank(opened.name()) ? round + "结果公示"
                : "竞争立项结果公示（" + event.competitionId() + "）";
        List<NoticeContent.Row> rows = new ArrayList<>();
        List<String> items = new ArrayList<>();
        long awarded = 0;
        for (RankedProposal proposal : event.ranking()) {
            String township = gazetteer.township(proposal.townshipCode()).map(Place::name)
                    .orElse(orDash(proposal.townshipCode()));
            rows.add(new NoticeContent.Row(proposal.projectId(), List.of(Integer.toString(proposal.rank()),
                    proposal.projectId(), township,
                    BigDecimal.valueOf(proposal.weightedScore(), 4).toPlainString(),
                    Money.yuan(proposal.awardedFen()),
                    proposal.outcome() == RankedProposal.Outcome.AWARDED ? "入选，足额安排" : "剩余资金不足，未安排")));
            items.add(proposal.projectId());
            if (proposal.outcome() == RankedProposal.Outcome.AWARDED) {
                awarded++;
            }
        }
        String body = "经专家评审、按综合得分排序，" + round + "共" + rows.size() + "个项目参与竞争，" + awarded
                + "个项目入选，安排资金" + Money.wanYuan(event.awardedTotalFen()) + "。现将结果公示如下，公示期内如有异议，"
                + "请向县扶贫部门反映，或拨打全国扶贫监督举报电话" + NoticeContent.HOTLINE + "。";
        List<NoticeContent.Field> fields = List.of(
                new NoticeContent.Field("竞争立项", round),
                new NoticeContent.Field("安排资金合计", wanAndYuan(event.awardedTotalFen())),
                new NoticeContent.Field("剩余资金", Money.yuan(event.remainingFen())));
        NoticeContent content = new NoticeContent(null, NoticeKind.ROUND_RESULT, NoticeLevel.COUNTY, county.code(),
                county.name(), title, body, fields, List.of("名次", "项目编号", "乡镇", "综合得分", "安排金额", "结果"),
                rows, null, null, null, null, countySupervisionPhone, NoticeContent.HOTLINE);
        return command(noticeId(AutomaticNoticeSeries.ROUND_RESULT, event.competitionId()), content, items);
    }

    /** See {@link ProjectNotices#completion}. */
    public Optional<PublishNoticeCommand> completion(ProjectAcceptedEvent event, List<?> projectHistory) {
        return projects.completion(event, projectHistory);
    }

    /** See {@link ProjectNotices#plan}. */
    public Optional<PublishNoticeCommand> projectPlan(ProjectApprovedEvent approved, ProjectProposedEvent proposal) {
        return projects.plan(approved, proposal);
    }

    /** See {@link ProjectNotices#lists}. */
    public List<PublishNoticeCommand> projectLists(ProjectApprovedEvent approved, ProjectProposedEvent proposal) {
        return projects.lists(approved, proposal);
    }

    /**
     * 到户增收项目启动资金公示: the household grants of one request — a batch, or a single grant — one notice per village
     * of the households, in village-code order, each row a household head's masked name (张*明) and the amount,
     * listing the grant's disbursement id as the row's item (in the JSON) so an objection can name it and its payment
     * waits for the period. The cells hold only what a villager reads: the pages number the rows (序号 1, 2 …), so
     * neither a number nor the record id (possibly a UUID) is a cell.
     *
     * @param requestId the batch id, or the single grant's disbursement id
     * @param grants    the grants requested, each with its household's village
     * @param headNames the household heads' names by card number (masked here; never shown whole)
     * @param proposal  the project's proposal, for its name; {@code null} when it cannot be found
     */
    public List<PublishNoticeCommand> grantLists(String requestId, List<DisbursementRequestedEvent> grants,
                                                 Map<String, String> headNames, ProjectProposedEvent proposal) {
        Map<String, List<DisbursementRequestedEvent>> byVillage = new TreeMap<>();
        for (DisbursementRequestedEvent grant : grants) {
            if (grant.payeeKind() == PayeeKind.HOUSEHOLD && grant.villageCode() != null) {
                byVillage.computeIfAbsent(grant.villageCode(), code -> new ArrayList<>()).add(grant);
            }
        }
        String projectName = proposal == null ? null : line(proposal.name());
        boolean single = byVillage.size() == 1 && grants.size() == 1 && grants.get(0).batchId() == null;
        List<PublishNoticeCommand> commands = new ArrayList<>();
        for (Map.Entry<String, List<DisbursementRequestedEvent>> entry : byVillage.entrySet()) {
            Optional<Place> village = gazetteer.village(entry.getKey());
            if (village.isEmpty()) {
                continue;
            }
            String villageName = spoken(village.get().name());
            String township = gazetteer.township(village.get().parentCode()).map(Place::name).orElse("");
            List<NoticeContent.Row> rows = new ArrayList<>();
            List<String> items = new ArrayList<>();
            long totalFen = 0;
            for (DisbursementRequestedEvent grant : entry.getValue()) {
                String name = HeadNames.mask(headNames.get(grant.cardNo()));
                rows.add(new NoticeContent.Row(grant.disbursementId(), List.of(name == null ? "—" : name,
                        Money.yuanNumber(grant.amountFen()))));
                items.add(grant.disbursementId());
                totalFen = Math.addExact(totalFen, grant.amountFen());
            }
            String project = projectName == null || projectName.isEmpty() ? "到户增收项目" : projectName;
            String body = "根据" + project + "（" + entry.getValue().get(0).projectId() + "），" + villageName
                    + "拟对以下" + rows.size() + "户贫困户发放到户增收项目启动资金，共" + Money.yuan(totalFen)
                    + "。现予公示，接受群众监督，公示期满且无异议后拨付到户。如有异议，请在公示期内向村委会、" + township
                    + "人民政府反映，或拨打监督电话及全国扶贫监督举报电话" + NoticeContent.HOTLINE + "。";
            List<NoticeContent.Field> fields = new ArrayList<>();
            fields.add(new NoticeContent.Field("项目", project));
            fields.add(new NoticeContent.Field(single ? "拨付编号" : "批次", requestId));
            fields.add(new NoticeContent.Field("户数", rows.size() + "户"));
            fields.add(new NoticeContent.Field("金额合计", wanAndYuan(totalFen)));
            String phone = proposal == null ? null : blankToNull(proposal.supervisionPhone());
            NoticeContent content = new NoticeContent(null, NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE,
                    village.get().code(), villageName, villageName + project + "到户资金公示", body, fields,
                    List.of("户主", "补助金额（元）"), rows, null, null, null, null,
                    phone != null ? line(phone) : countySupervisionPhone, NoticeContent.HOTLINE);
            NoticeId id = single ? grantListId(requestId) : grantListId(requestId, entry.getKey());
            commands.add(command(id, content, items));
        }
        return commands;
    }

    /**
     * 更正公告 after an upheld objection: supersedes the latest notice of the corrected one's chain (the notice itself, or
     * the correction that already replaced it) with the same content less every item withdrawn by an upheld objection,
     * at the same level and place, for a new full period. Items still listed are held again until it ends.
     *
     * @param chain     the corrected notice's publication followed by those of the corrections that replaced it, in
     *                  order; the last is the one superseded now
     * @param withdrawn every item withdrawn along the chain by upheld objections, this one included
     */
    public PublishNoticeCommand correction(ObjectionResolvedEvent resolved, List<NoticePublishedEvent> chain,
                                           Collection<String> withdrawn) {
        NoticeContent latest = chain.get(chain.size() - 1).content();
        NoticePublishedEvent first = chain.get(0);
        List<NoticeContent.Row> rows = latest.rows().stream().filter(row -> !withdrawn.contains(row.item())).toList();
        List<String> items = rows.stream().map(NoticeContent.Row::item).toList();
        String reason = line(resolved.reason());
        String title = first.content().title();
        title = title.startsWith("更正公告") ? title : "更正公告：" + title;
        String body = "原公告《" + line(first.content().title()) + "》（" + first.noticeId() + "）公示期间收到群众异议，经核实异议成立（"
                + reason + "），撤回所列" + resolved.item() + "。现将更正后的内容重新公示，原公告作废。如有异议，请在公示期内反映，"
                + "或拨打全国扶贫监督举报电话" + NoticeContent.HOTLINE + "。";
        NoticeContent content = new NoticeContent(null, NoticeKind.CORRECTION, latest.level(), latest.placeCode(),
                latest.placeName(), cut(title, TITLE_LENGTH_MAX), body, latest.fields(), latest.columns(), rows, null,
                null, latest.noticeId(), cut("异议成立：" + reason, REASON_LENGTH_MAX), latest.supervisionPhone(),
                NoticeContent.HOTLINE);
        return command(correctionId(resolved.objectionId()), content, items);
    }

    /** The id of the plan an approved project's approval makes due. */
    public static NoticeId planId(String projectId) {
        return noticeId(AutomaticNoticeSeries.PROJECT_PLAN, projectId);
    }

    /** The id of the grant list of a household's grant requested on its own. */
    public static NoticeId grantListId(String disbursementId) {
        return noticeId(AutomaticNoticeSeries.GRANT_LIST, disbursementId);
    }

    /** The id of one village's grant list of a grant batch. */
    public static NoticeId grantListId(String batchId, String villageCode) {
        return noticeId(AutomaticNoticeSeries.GRANT_LIST, batchId + "-" + villageCode);
    }

    /** The id of the correction an upheld objection makes due. */
    public static NoticeId correctionId(String objectionId) {
        return noticeId(AutomaticNoticeSeries.CORRECTION, objectionId);
    }

    private PublishNoticeCommand command(NoticeId noticeId, NoticeContent content, List<String> items) {
        return command(noticeId, content, items, periodDays);
    }

    static PublishNoticeCommand command(NoticeId noticeId, NoticeContent content, List<String> items, int periodDays) {
        return new PublishNoticeCommand(noticeId, content, List.copyOf(items), periodDays, PUBLISHER);
    }
}
