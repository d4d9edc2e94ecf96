package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.NoticePage;
import cn.fupin.ledger.disclosure.page.PlacePath;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeJson;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Hand-made notices of 宝珠村 (510824105203) for tests of the serving and writing, fixed ids and dates. */
final class Notices {

    static final Gazetteer GAZETTEER = Gazetteer.forCounty("510824");
    static final String VILLAGE = "510824105203";

    private Notices() {
    }

    static NoticeView grantList(String id, String supersedes, String supersededBy) {
        NoticeContent content = new NoticeContent(id, supersedes == null ? NoticeKind.GRANT_LIST : NoticeKind.CORRECTION,
                NoticeLevel.VILLAGE, VILLAGE, "宝珠村村民委员会", "宝珠村到户增收项目启动资金公示", "公示期满无异议后拨付。",
                List.of(new NoticeContent.Field("项目", "猕猴桃产业园")), List.of("户主", "金额"),
                List.of(new NoticeContent.Row("DSB-0001", List.of("王*春", "3,000.00元")),
                        new NoticeContent.Row("DSB-0002", List.of("=欧**明", "3,500.00元"))),
                LocalDate.of(2094, 5, 6), LocalDate.of(2094, 5, 16), supersedes,
                supersedes == null ? null : "更正金额", "0839-5222000", NoticeContent.HOTLINE);
        byte[] published = NoticeJson.render(content);
        return new NoticeView(content, new String(published, StandardCharsets.UTF_8), NoticeJson.sha256(published),
                content.kind().chineseName(), content.level().chineseName(), Instant.parse("2094-05-06T02:00:00Z"),
                Instant.parse("2094-05-16T16:00:00Z"), supersededBy, 0, List.of());
    }

    /** Within the period of the notices above (6 to 16 May 2094): their pages show the objection form. */
    static final Instant AS_OF = Instant.parse("2094-05-10T04:00:00Z");

    /** A notice's page as served live, as of {@link #AS_OF}. */
    static NoticePage page(NoticeView notice) {
        return NoticePage.live(PlacePath.village(GAZETTEER.county(), GAZETTEER.township("510824105").orElseThrow(),
                GAZETTEER.village(VILLAGE).orElseThrow()), notice, AS_OF);
    }
}
