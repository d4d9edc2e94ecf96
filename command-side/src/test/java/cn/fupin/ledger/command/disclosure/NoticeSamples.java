package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;
import java.util.Arrays;
import java.util.List;

/**
 * Notices for tests, of 金穗社区 (510824100001) of Cangxi County: a grant list naming its items, and a project plan.
 * Content is given as a publisher would give it: no notice id, no period (the ledger fills them in).
 */
public final class NoticeSamples {

    public static final String JINSUI = "510824100001";
    public static final Actor CLERK = Actor.of("clerk", "CLERK");
    public static final Actor APPROVER = Actor.of("approver", "APPROVER");
    public static final Actor AUDITOR = Actor.of("auditor", "AUDITOR");

    private NoticeSamples() {
    }

    /** A grant list (到户资金公示) with one row per item: a household head's masked name and 3,000 yuan. */
    public static NoticeContent grantList(String... items) {
        return listing(NoticeKind.GRANT_LIST, "金穗社区2016年到户增收项目启动资金公示", items);
    }

    /** A project plan notice (项目计划公示) listing the project in one row. */
    public static NoticeContent projectPlan(String projectId) {
        return new NoticeContent(null, NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE, JINSUI, "金穗社区",
                "金穗社区村道硬化项目计划公示", "以下项目拟实施，现予公示。",
                List.of(new NoticeContent.Field("建设地点", "金穗社区"), new NoticeContent.Field("建设内容", "硬化村道4.2公里")),
                List.of("项目", "资金（万元）"), List.of(new NoticeContent.Row(projectId, List.of("村道硬化", "40.00"))),
                null, null, null, null, "0839-5222000", NoticeContent.HOTLINE);
    }

    public static NoticeContent listing(NoticeKind kind, String title, String... items) {
        List<NoticeContent.Row> rows = Arrays.stream(items)
                .map(item -> new NoticeContent.Row(item, List.of("王*国", "3000.00"))).toList();
        return new NoticeContent(null, kind, NoticeLevel.VILLAGE, JINSUI, "金穗社区", title,
                "公示期内如有异议，请向村委会或乡镇人民政府反映。", List.of(), List.of("户主", "金额（元）"), rows,
                null, null, null, null, "0839-5222000", NoticeContent.HOTLINE);
    }

    /** The content as published elsewhere: of {@code kind}, at {@code level} for the place. */
    public static NoticeContent at(NoticeContent content, NoticeKind kind, NoticeLevel level, String placeCode,
                                   String placeName) {
        return new NoticeContent(content.noticeId(), kind, level, placeCode, placeName, content.title(),
                content.body(), content.fields(), content.columns(), content.rows(), content.periodStart(),
                content.periodEnd(), content.supersedes(), content.correctionReason(), content.supervisionPhone(),
                content.hotline());
    }

    /** A grant list of another village, with one row per item. */
    public static NoticeContent grantListAt(String villageCode, String villageName, String... items) {
        return at(grantList(items), NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, villageCode, villageName);
    }

    /** The same content as a correction (更正公告) of {@code supersedes}. */
    public static NoticeContent correcting(NoticeContent content, String supersedes, String reason) {
        return new NoticeContent(content.noticeId(), NoticeKind.CORRECTION, content.level(), content.placeCode(),
                content.placeName(), "更正公告：" + content.title(), content.body(), content.fields(), content.columns(),
                content.rows(), content.periodStart(), content.periodEnd(), supersedes, reason,
                content.supervisionPhone(), content.hotline());
    }

    /** Publishes the content as the clerk, listing its rows' items, for {@code periodDays}. */
    public static PublishNoticeCommand publish(String noticeId, NoticeContent content, int periodDays) {
        return new PublishNoticeCommand(new NoticeId(noticeId), content,
                content.rows().stream().map(NoticeContent.Row::item).toList(), periodDays, CLERK);
    }
}
