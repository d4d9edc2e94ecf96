package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff's print copy of a village's grant list: full names for the notice board when the setting is on. */
class GrantListPrintTest {

    static final PlacePath PATH = PlacePath.village(Fixtures.COUNTY, Fixtures.BAIQIAO, Fixtures.BAOZHU);
    static final Instant AT = Instant.parse("2016-06-01T02:00:00Z");

    static DisbursementView grant(String id, String card, String masked, DisbursementStatus status) {
        return new DisbursementView(id, "PRJ-1", PayeeKind.HOUSEHOLD, "510824105203", "510824105", card, masked,
                300_000, List.of(), "V-" + id, null, status, "clerk", AT, null, null, null, null, null);
    }

    static final List<DisbursementView> GRANTS = List.of(
            grant("DSB-1", "H-1", "张*明", DisbursementStatus.APPROVED),
            grant("DSB-2", "H-2", "李*", DisbursementStatus.REQUESTED),
            grant("DSB-3", "H-3", "王*华", DisbursementStatus.REVERSED),
            grant("DSB-4", "H-4", "<*>", DisbursementStatus.APPROVED));
    static final Map<String, String> NAMES = Map.of("H-1", "张小明", "H-2", "李四", "H-3", "王建华",
            "H-4", "<script>alert(1)</script>");

    static String render(boolean fullNames) {
        return new String(Pages.grantListPrint(new GrantListPrint(PATH, GRANTS, NAMES, fullNames)),
                StandardCharsets.UTF_8);
    }

    @Test
    void withTheSettingOnItShowsTheHeadsFullNamesForNeighboursToCheck() {
        String html = render(true);

        assertThat(html).contains("张小明", "李四").doesNotContain("张*明");
        assertThat(html).contains("合计 3 户，9,000.00元");
        assertThat(html).contains("请勿在网上传播").contains("12317");
    }

    @Test
    void withTheSettingOffItShowsOnlyMaskedNames() {
        String html = render(false);

        assertThat(html).contains("张*明", "李*").doesNotContain("张小明", "李四");
    }

    @Test
    void rejectedAndReversedGrantsAreLeftOutAndNamesAreEscaped() {
        String html = render(true);

        assertThat(html).doesNotContain("王建华");
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    @Test
    void itPrintsOnItsOwnOnA4() {
        String html = render(true);

        assertThat(html).contains("<style>").contains("size: A4").doesNotContain("<link rel=\"stylesheet\"");
    }
}
