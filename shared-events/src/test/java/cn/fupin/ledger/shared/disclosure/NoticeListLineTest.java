package cn.fupin.ledger.shared.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What tells a notice apart in a list is read from its published content the way each kind of notice states it, and
 * a part the content does not state stays empty rather than guessed.
 */
class NoticeListLineTest {

    static NoticeContent content(NoticeKind kind, NoticeLevel level, String placeName, List<NoticeContent.Field> fields,
                                 List<String> columns, List<NoticeContent.Row> rows) {
        return new NoticeContent("NTC-1", kind, level, "510824100001", placeName, "标题", "正文", fields, columns, rows,
                LocalDate.of(2094, 3, 16), LocalDate.of(2094, 3, 26), null, null, null, NoticeContent.HOTLINE);
    }

    static NoticeContent.Row grant(String item, String yuan) {
        return new NoticeContent.Row(item, List.of("王*国", yuan));
    }

    @Test
    void aGrantListNamesItsVillageProjectAndTheSumOfItsRowsExactToTheFen() {
        NoticeContent list = content(NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, "白鹤村",
                List.of(new NoticeContent.Field("项目", "贫困户增收项目启动资金"),
                        new NoticeContent.Field("金额合计", "99.00万元（990,000.00元）")),
                List.of("户主", "补助金额（元）"),
                List.of(grant("D-1", "60,000.01"), grant("D-2", "59,999.99"), grant("D-3", "0.01")));

        assertThat(NoticeListLine.of(list))
                .isEqualTo(new NoticeListLine(null, "白鹤村", "贫困户增收项目启动资金", "12.00万元"));
    }

    @Test
    void aCorrectionShowsWhatIsStillListedNotTheTotalItCopied() {
        NoticeContent correction = content(NoticeKind.CORRECTION, NoticeLevel.VILLAGE, "白鹤村",
                List.of(new NoticeContent.Field("金额合计", "1.00万元（10,000.00元）")),
                List.of("户主", "补助金额（元）"), List.of(grant("D-1", "3,000.00")));

        assertThat(NoticeListLine.of(correction).amount()).isEqualTo("0.30万元");
    }

    @Test
    void aCellThatIsNotAnAmountFallsBackToTheStatedTotal() {
        NoticeContent list = content(NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, "白鹤村",
                List.of(new NoticeContent.Field("金额合计", "1.00万元（10,000.00元）")),
                List.of("户主", "补助金额（元）"), List.of(grant("D-1", "三千")));

        assertThat(NoticeListLine.of(list).amount()).isEqualTo("1.00万元");
    }

    @Test
    void aPlanNamesItsTownshipThroughItsLocation() {
        NoticeContent plan = content(NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE, "白鹤村",
                List.of(new NoticeContent.Field("项目名称", "猕猴桃产业园"),
                        new NoticeContent.Field("建设地点", "文昌镇白鹤村"),
                        new NoticeContent.Field("项目总投资", "80.00万元（800,000.00元）")),
                List.of(), List.of());

        assertThat(NoticeListLine.of(plan)).isEqualTo(new NoticeListLine("文昌镇", "白鹤村", "猕猴桃产业园", "80.00万元"));
    }

    @Test
    void aTownshipWideProjectOnTheCountyListNamesNoVillage() {
        NoticeContent list = content(NoticeKind.PROJECT_LIST, NoticeLevel.COUNTY, "苍溪县",
                List.of(new NoticeContent.Field("项目", "道路硬化（PRJ-9）"),
                        new NoticeContent.Field("项目总投资", "50.00万元（500,000.00元）")),
                List.of("乡镇", "村", "项目名称"),
                List.of(new NoticeContent.Row("PRJ-9", List.of("文昌镇", "全乡镇", "道路硬化"))));

        assertThat(NoticeListLine.of(list)).isEqualTo(new NoticeListLine("文昌镇", null, "道路硬化", "50.00万元"));
    }

    @Test
    void aRoundOfManyTownshipsAndAnAllocationNameNoPlaceBelowTheCounty() {
        NoticeContent round = content(NoticeKind.ROUND_RESULT, NoticeLevel.COUNTY, "苍溪县",
                List.of(new NoticeContent.Field("安排资金合计", "30.00万元（300,000.00元）")),
                List.of("名次", "乡镇"), List.of(new NoticeContent.Row("P-1", List.of("1", "文昌镇")),
                        new NoticeContent.Row("P-2", List.of("2", "白桥镇"))));
        NoticeContent allocation = content(NoticeKind.FUND_ALLOCATION, NoticeLevel.COUNTY, "苍溪县",
                List.of(new NoticeContent.Field("文号", "—"), new NoticeContent.Field("金额", "500.00万元（5,000,000.00元）")),
                List.of(), List.of());

        assertThat(NoticeListLine.of(round)).isEqualTo(new NoticeListLine(null, null, null, "30.00万元"));
        assertThat(NoticeListLine.of(allocation)).isEqualTo(new NoticeListLine(null, null, null, "500.00万元"));
    }

    @Test
    void blankPartsAreAbsentAndLongOnesAreCutToTheColumn() {
        NoticeListLine line = new NoticeListLine(" ", "村".repeat(150), null, "");

        assertThat(line.township()).isNull();
        assertThat(line.village()).hasSize(NoticeListLine.PART_LENGTH_MAX).endsWith("…");
        assertThat(line.parts()).containsExactly(line.village());
        assertThat(NoticeListLine.of(null)).isEqualTo(NoticeListLine.NONE);
    }
}
