package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A notice as CSV: opens in Excel with its Chinese, follows RFC 4180, and runs no formula. */
class NoticeCsvTest {

    static String csv(NoticeContent notice) {
        return new String(render(notice), StandardCharsets.UTF_8);
    }

    /** The CSV of a notice published with today's names of its kind and level. */
    static byte[] render(NoticeContent notice) {
        return NoticeCsv.render(notice, notice.kind().chineseName(), notice.level().chineseName());
    }

    @Test
    void startsWithAByteOrderMarkSoThatExcelReadsUtf8() {
        byte[] bytes = render(Fixtures.grantList().content());

        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    }

    @Test
    void endsEveryLineWithCarriageReturnAndLineFeed() {
        String csv = csv(Fixtures.grantList().content());

        assertThat(csv).endsWith("\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    @Test
    void listsTheTableWithEachRowsNumberAsThePageShowsItThenItsRecordId() {
        String csv = csv(Fixtures.grantList().content());

        assertThat(csv).contains("\r\n\r\n序号,条目编号,户主,金额,备注\r\n1,DSB-0001,王*春,\"3,000.00元\",\r\n"
                + "2,DSB-0002,欧**明,\"3,500.00元\",移民贫困户\r\n3,DSB-0003,李*,");
    }

    @Test
    void aNoticeWithoutATableHasOnlyItsFacts() {
        String csv = csv(Fixtures.projectPlan().content());

        assertThat(csv).contains("建设内容,新建猕猴桃园200亩，配套生产便道1.2公里\r\n").doesNotContain("条目编号");
    }

    @Test
    void aCorrectionNamesTheNoticeItCorrectsAndWhy() {
        String csv = csv(Fixtures.correction().content());

        assertThat(csv).contains("更正的公告,N-2094-0102\r\n更正原因,李*户已脱贫退出，不再安排\r\n");
    }

    @Test
    void readBackByACsvReaderEveryCellIsWhatTheNoticeSays() throws Exception {
        NoticeContent notice = new NoticeContent("N-1", Fixtures.grantList().content().kind(),
                Fixtures.grantList().content().level(), "510824105203", "宝珠村", "标题, 带逗号", "第一行\r\n第二行\n第三行",
                List.of(new NoticeContent.Field(" 前有空格", "后有空格 "), new NoticeContent.Field("#号开头", "\"引号\"")),
                List.of("户主", "备注"),
                List.of(new NoticeContent.Row("DSB-1", List.of("王*春", "")), new NoticeContent.Row("DSB-2", List.of("", "=1+1"))),
                null, null, null, null, null, null);

        String csv = csv(notice);
        List<List<String>> records;
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.builder()
                .setReader(new java.io.StringReader(csv.substring(1)))
                .setFormat(org.apache.commons.csv.CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get()).get()) {
            records = parser.getRecords().stream().map(org.apache.commons.csv.CSVRecord::toList).toList();
        }

        assertThat(records).contains(List.of("标题", "标题, 带逗号"), List.of("正文", "第一行\r\n第二行\n第三行"),
                List.of(" 前有空格", "后有空格 "), List.of("#号开头", "\"引号\""), List.of("序号", "条目编号", "户主", "备注"),
                List.of("1", "DSB-1", "王*春", ""), List.of("2", "DSB-2", "", "'=1+1"));
    }

    @Nested
    class Cells {

        @Test
        void aCellThatStartsOrEndsWithASpaceOrStartsWithAHashIsQuotedSoThatNoReaderTrimsItOrSkipsIt() {
            assertThat(NoticeCsv.cell(" 前有空格")).isEqualTo("\" 前有空格\"");
            assertThat(NoticeCsv.cell("后有空格 ")).isEqualTo("\"后有空格 \"");
            assertThat(NoticeCsv.cell("#号开头")).isEqualTo("\"#号开头\"");
            assertThat(NoticeCsv.cell("中间 有空格")).isEqualTo("中间 有空格");
        }

        @Test
        void aCellWithACommaAQuoteOrALineBreakIsQuotedWithItsQuotesDoubled() {
            assertThat(NoticeCsv.cell("3,000.00元")).isEqualTo("\"3,000.00元\"");
            assertThat(NoticeCsv.cell("他说\"有异议\"")).isEqualTo("\"他说\"\"有异议\"\"\"");
            assertThat(NoticeCsv.cell("第一行\r\n第二行")).isEqualTo("\"第一行\r\n第二行\"");
            assertThat(NoticeCsv.cell("王*春")).isEqualTo("王*春");
            assertThat(NoticeCsv.cell(null)).isEmpty();
        }

        @Test
        void aCellThatAFormulaWouldStartGetsALeadingApostrophe() {
            assertThat(NoticeCsv.cell("=1+1")).isEqualTo("'=1+1");
            assertThat(NoticeCsv.cell("+86 0839")).isEqualTo("'+86 0839");
            assertThat(NoticeCsv.cell("-3,000.00元")).isEqualTo("\"'-3,000.00元\"");
            assertThat(NoticeCsv.cell("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
            assertThat(NoticeCsv.cell("\t=cmd")).isEqualTo("'\t=cmd");
            assertThat(NoticeCsv.cell("=HYPERLINK(\"http://x\",\"点击\")"))
                    .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"");
        }

        @Test
        void aFormulaSignInsideACellIsLeftAlone() {
            assertThat(NoticeCsv.cell("1+1=2")).isEqualTo("1+1=2");
            assertThat(NoticeCsv.cell("0839-5222000")).isEqualTo("0839-5222000");
        }

        @Test
        void aFormulaInATableCellOfANoticeIsGuarded() {
            String csv = csv(Fixtures.grantList().content());

            assertThat(csv).contains("DSB-0003,李*,\"3,000.00元\",'=1+1\r\n");
        }

        @Test
        void theItemAndLabelCellsAreGuardedToo() {
            NoticeContent notice = new NoticeContent("N-1", Fixtures.grantList().content().kind(),
                    Fixtures.grantList().content().level(), "510824105203", "宝珠村", "=标题", null,
                    List.of(new NoticeContent.Field("@标签", "+值")), List.of("-列"),
                    List.of(new NoticeContent.Row("=条目", List.of("=单元格"))), null, null, null, null, null, null);

            String csv = csv(notice);

            assertThat(csv).contains("标题,'=标题\r\n", "'@标签,'+值\r\n", "条目编号,'-列\r\n", "'=条目,'=单元格\r\n")
                    .contains("全国扶贫监督举报电话,12317\r\n");
        }
    }
}
