package cn.fupin.ledger.shared.disclosure;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeJsonTest {

    static NoticeContent notice(String headName) {
        return new NoticeContent("NTC-1", NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, "510824100205", "白观村",
                "白观村到户增收项目启动资金公示", "公示期内如有异议，请向村委会或乡镇反映。", List.of(),
                List.of("户主", "金额"), List.of(new NoticeContent.Row("DSB-1", List.of(headName, "3,000.00元"))),
                LocalDate.of(2016, 6, 1), LocalDate.of(2016, 6, 10), null, null, "0839-5222000",
                NoticeContent.HOTLINE);
    }

    @Test
    void writesTheFixedKeyOrderWithoutWhitespaceAndChineseAsItself() {
        String json = new String(NoticeJson.render(notice("张*明")), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"format\":1,\"noticeId\":\"NTC-1\",\"kind\":\"GRANT_LIST\",");
        assertThat(json).contains("\"rows\":[{\"item\":\"DSB-1\",\"cells\":[\"张*明\",\"3,000.00元\"]}]");
        assertThat(json).contains("\"periodStart\":\"2016-06-01\"").contains("\"supersedes\":null");
        assertThat(json).endsWith("\"hotline\":\"12317\"}");
    }

    @Test
    void escapesMarkupQuotesAndControlCharactersSoTheJsonIsSafeInsideHtml() {
        String json = new String(NoticeJson.render(notice("<script>\"x\"&\n")), StandardCharsets.UTF_8);

        assertThat(json).contains("\\u003cscript\\u003e\\\"x\\\"\\u0026\\n").doesNotContain("<script>");
    }

    @Test
    void theSameContentAlwaysHasTheSameHashAndAnyChangeChangesIt() {
        assertThat(NoticeJson.sha256(notice("张*明"))).isEqualTo(NoticeJson.sha256(notice("张*明"))).hasSize(64);
        assertThat(NoticeJson.sha256(notice("张*明"))).isNotEqualTo(NoticeJson.sha256(notice("李*明")));
    }
}
