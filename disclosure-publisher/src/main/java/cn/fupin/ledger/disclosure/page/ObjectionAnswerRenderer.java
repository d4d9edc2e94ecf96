package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.FileObjectionCommand;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The pages that answer an objection posted from a notice's form: received (with its number) or not recorded (why,
 * and what to do). They are served only live, at the address the form posts to, so their links start from the live
 * site's root given by the caller, as the not-found page's do. Same layout and stylesheet as every other page.
 */
final class ObjectionAnswerRenderer {

    /** Refusals the villager can put right on the notice's form and post again. */
    private static final Set<String> TRY_AGAIN = Set.of("ITEM_REQUIRED", "ITEM_NOT_LISTED", "TEXT_REQUIRED",
            "TEXT_TOO_LONG", "TEXT_INVALID", "CONTACT_INVALID", "BODY_TOO_LARGE", "RATE_LIMITED",
            "CONCURRENT_MODIFICATION", "INTERNAL_ERROR");

    private ObjectionAnswerRenderer() {
    }

    static byte[] received(ObjectionReceipt data, String siteRoot) {
        String title = "异议已收到";
        HtmlWriter page = Layout.open(title, siteRoot, data.path(), title);
        page.element("h1", title).markup("\n")
                .markup("<p class=\"received\">您的异议已经登记，异议编号：<strong>").text(data.objectionId())
                .markup("</strong>。请记下这个编号。</p>\n")
                .markup("<dl class=\"facts\">\n");
        NoticeView notice = data.notice();
        if (notice != null) {
            page.term("公告", notice.content().title());
        }
        page.term("公告编号", data.noticeId())
                .term("涉及条目", itemText(notice, data.item()))
                .term("异议编号", data.objectionId())
                .markup("</dl>\n")
                .element("p", "公告单位将核实办理，办理结果在公告页面的“异议受理和办理结果”中公布（公告页面上的异议件数稍后更新）。"
                        + "您写的异议内容和联系方式不公开。")
                .markup("\n");
        if (notice != null) {
            page.markup("<p>").link(siteRoot + Site.notice(data.noticeId(), Site.NoticeFormat.HTML), "返回公告")
                    .markup("</p>\n");
        } else {
            page.markup("<p>").link(siteRoot + Site.COUNTY, "返回公告公示首页").markup("</p>\n");
        }
        phones(page, notice);
        return Layout.close(page);
    }

    static byte[] refused(ObjectionRefusal data, String siteRoot) {
        String title = "异议没有提交成功";
        NoticeView notice = data.notice();
        HtmlWriter page = Layout.open(title, siteRoot, data.path(), title);
        page.element("h1", title).markup("\n");
        List<String> reasons = data.codes().stream().map(code -> reason(code, data)).distinct().toList();
        if (reasons.size() == 1) {
            page.paragraph("alert", reasons.get(0)).markup("\n");
        } else {
            page.markup("<div class=\"alert\"><ul class=\"reasons\">\n");
            reasons.forEach(reason -> page.element("li", reason).markup("\n"));
            page.markup("</ul></div>\n");
        }
        page.element("p", "这次提交的异议没有登记。").markup("\n");
        if (data.codes().contains("NOTICE_SUPERSEDED") && notice != null && notice.supersededBy() != null) {
            page.markup("<p>").link(siteRoot + Site.notice(notice.supersededBy(), Site.NoticeFormat.HTML),
                    "查看更正公告（" + notice.supersededBy() + "）").markup("</p>\n");
        }
        boolean tryAgain = data.codes().stream().allMatch(TRY_AGAIN::contains);
        if (notice != null) {
            String href = siteRoot + Site.notice(notice.content().noticeId(), Site.NoticeFormat.HTML);
            page.markup("<p>").link(tryAgain ? href + "#objection" : href, tryAgain ? "返回公告，修改后重新提交" : "返回公告")
                    .markup("</p>\n");
        } else {
            page.markup("<p>").link(siteRoot + Site.COUNTY, "返回公告公示首页").markup("</p>\n");
        }
        phones(page, notice);
        if (data.incident() != null) {
            page.paragraph("note", "出错编号：" + data.incident() + "（向工作人员反映时请告知此编号）").markup("\n");
        }
        page.paragraph("note", "代码：" + String.join("、", data.codes())).markup("\n");
        return Layout.close(page);
    }

    /** Why an objection was not recorded, in words a villager reads, for each of the ledger's codes. */
    private static String reason(String code, ObjectionRefusal data) {
        return switch (code) {
            case "NOTICE_NOT_FOUND" -> "没有找到这个公告，请从公告公示首页查找。";
            case "ITEM_REQUIRED" -> "请选择异议涉及的条目。";
            case "ITEM_NOT_LISTED" -> "所选的条目不在本公告中，请在公告页面重新选择。";
            case "TEXT_REQUIRED" -> "请填写异议内容。";
            case "TEXT_TOO_LONG" -> "异议内容最多" + FileObjectionCommand.TEXT_LENGTH_MAX + "字，请删减后再提交。";
            case "TEXT_INVALID" -> "异议内容中有无法识别的控制字符，请删除后再提交。";
            case "CONTACT_INVALID" -> "联系方式最多" + FileObjectionCommand.CONTACT_LENGTH_MAX + "字，只能写一行。";
            case "OBJECTION_PERIOD_ENDED" -> "本公告的公示期已经结束，不再在网上受理异议。";
            case "NOTICE_SUPERSEDED" -> "本公告已被更正，请对更正公告提出异议。";
            case "OBJECTIONS_LIMIT_REACHED" -> "本公告在网上受理的异议已达上限，请拨打下面的电话反映。";
            case "RATE_LIMITED" -> "从您所在的网络提交的异议太多，请" + waitingTime(data.retryAfterSeconds()) + "再试。";
            case "BODY_TOO_LARGE" -> "提交的内容太长：异议内容最多" + FileObjectionCommand.TEXT_LENGTH_MAX + "字，联系方式最多"
                    + FileObjectionCommand.CONTACT_LENGTH_MAX + "字。";
            case "CONCURRENT_MODIFICATION" -> "系统正忙，请重新提交。";
            case "INTERNAL_ERROR" -> "系统出错了，请稍后再试，或拨打下面的电话反映。";
            default -> "异议没有被受理，请拨打下面的电话反映。";
        };
    }

    /** "约30秒后", "约2分钟后": how long to wait, rounded up, or "稍后" when unknown. */
    static String waitingTime(long seconds) {
        if (seconds <= 0) {
            return "稍后";
        }
        if (seconds < 60) {
            return "约" + seconds + "秒后";
        }
        return "约" + (seconds + 59) / 60 + "分钟后";
    }

    /**
     * The item as the notice's form offered it (its number and cells), or, when the public pages do not know the notice
     * yet, the value the form posted.
     */
    private static String itemText(NoticeView notice, String item) {
        if (notice != null) {
            List<NoticeContent.Row> rows = notice.content().rows();
            for (int i = 0; i < rows.size(); i++) {
                if (Objects.equals(rows.get(i).item(), item)) {
                    return NoticePageRenderer.choice(i + 1, rows.get(i));
                }
            }
        }
        return Formats.orDash(item);
    }

    /** Where else to go: the notice's supervision phone when known, and the national hotline. */
    private static void phones(HtmlWriter page, NoticeView notice) {
        page.markup("<dl>\n");
        if (notice != null && notice.content().supervisionPhone() != null
                && !notice.content().supervisionPhone().isBlank()) {
            page.phoneTerm("监督电话", notice.content().supervisionPhone());
        }
        page.phoneTerm("全国扶贫监督举报电话", NoticeContent.HOTLINE).markup("</dl>\n");
    }
}
