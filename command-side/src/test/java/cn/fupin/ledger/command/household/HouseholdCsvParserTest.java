package cn.fupin.ledger.command.household;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.household.BankCardNumber;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdRow;
import cn.fupin.ledger.shared.household.IdNumber;
import cn.fupin.ledger.shared.place.VillageCode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HouseholdCsvParserTest {

    static final String HEADER = "cardNo,headName,idNumber,villageCode,members,migrant,bankCard";
    static final int ROWS_MAX = 100;

    static HouseholdCsvParser.Parsed parse(String... lines) {
        return HouseholdCsvParser.parse(String.join("\n", lines) + "\n", ROWS_MAX);
    }

    @Test
    void readsEveryRowOfAValidFile() {
        HouseholdCsvParser.Parsed parsed = parse(HEADER,
                "HK-0001,王大山,510824198507150018,510824100001,4,false,6222021234567890128",
                "HK-0002,李秀英,11010519491231002x,510824104001,1,是,4111111111111111");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).containsExactly(
                new HouseholdRow(2, new HouseholdCardNo("HK-0001"), "王大山", IdNumber.parse("510824198507150018"),
                        new VillageCode("510824100001"), 4, false, BankCardNumber.parse("6222021234567890128")),
                new HouseholdRow(3, new HouseholdCardNo("HK-0002"), "李秀英", IdNumber.parse("11010519491231002X"),
                        new VillageCode("510824104001"), 1, true, BankCardNumber.parse("4111111111111111")));
    }

    @Test
    void acceptsEveryWayOfWritingTheMigrantFlag() {
        List<String> yes = List.of("true", "TRUE", "1", "y", "Yes", "是");
        List<String> no = List.of("false", "False", "0", "n", "NO", "否");
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        int card = 1;
        for (String flag : yes) {
            file.append("HK-%04d,王大山,510824198507150018,510824100001,4,%s,6222021234567890128\n".formatted(card++, flag));
        }
        for (String flag : no) {
            file.append("HK-%04d,王大山,510824198507150018,510824100001,4,%s,6222021234567890128\n".formatted(card++, flag));
        }

        HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(file.toString(), ROWS_MAX);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(HouseholdRow::migrant)
                .containsExactly(true, true, true, true, true, true, false, false, false, false, false, false);
    }

    @Test
    void acceptsAByteOrderMarkAndCrlfLineEnds() {
        String text = "\uFEFF" + HEADER + "\r\n"
                + "HK-0001,王大山,510824198507150018,510824100001,4,否,6222021234567890128\r\n";

        HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(text, ROWS_MAX);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).singleElement().satisfies(row -> {
            assertThat(row.cardNo().value()).isEqualTo("HK-0001");
            assertThat(row.bankCard().plain()).isEqualTo("6222021234567890128");
            assertThat(row.migrant()).isFalse();
        });
    }

    @Test
    void acceptsALastLineWithoutALineEndAndSkipsBlankLines() {
        String text = HEADER + "\n\n"
                + "HK-0001,王大山,510824198507150018,510824100001,4,false,6222021234567890128\n"
                + "\n"
                + "HK-0002,李秀英,11010519491231002X,510824104001,1,true,4111111111111111";

        HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(text, ROWS_MAX);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(HouseholdRow::line).containsExactly(3, 5);
    }

    @Test
    void readsQuotedCellsWithCommasAndQuotes() {
        HouseholdCsvParser.Parsed parsed = parse(HEADER,
                "\"HK-0001\",\"欧阳,小明\",\"510824198507150018\",510824100001,\"4\",false,6222021234567890128",
                "HK-0002,\"王\"\"二\"\"娃\",11010519491231002X,510824104001,1,true,4111111111111111");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(HouseholdRow::headName).containsExactly("欧阳,小明", "王\"二\"娃");
    }

    @Test
    void toleratesSpaceAroundCells() {
        HouseholdCsvParser.Parsed parsed = parse(" cardNo , headName,idNumber,villageCode,members,migrant,bankCard ",
                " HK-0001 , 王大山 ,510824198507150018 , 510824100001,4 , false,6222021234567890128 ");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).singleElement().satisfies(row -> {
            assertThat(row.headName()).isEqualTo("王大山");
            assertThat(row.members()).isEqualTo(4);
        });
    }

    @Nested
    class Refuses {

        @Test
        void aFileWhoseHeaderIsNotTheRegistersHeader() {
            HouseholdCsvParser.Parsed parsed = parse("cardNo,name,idNumber,villageCode,members,migrant,bankCard",
                    "HK-0001,王大山,510824198507150018,510824100001,4,false,6222021234567890128");

            assertThat(parsed.rows()).isEmpty();
            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple(1, "header", "HEADER_INVALID"));
        }

        @Test
        void aHeaderWithTheColumnsInAnotherOrder() {
            HouseholdCsvParser.Parsed parsed = parse("headName,cardNo,idNumber,villageCode,members,migrant,bankCard",
                    "王大山,HK-0001,510824198507150018,510824100001,4,false,6222021234567890128");

            assertThat(parsed.problems()).extracting(FieldProblem::code).containsExactly("HEADER_INVALID");
        }

        @Test
        void anEmptyFile() {
            HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse("", ROWS_MAX);

            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::code)
                    .containsExactly(tuple(1, "HEADER_INVALID"));
        }

        @Test
        void aFileWithAHeaderAndNoHouseholds() {
            HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(HEADER + "\r\n\r\n\r\n", ROWS_MAX);

            assertThat(parsed.rows()).isEmpty();
            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple(1, "file", "NO_ROWS"));
        }

        @Test
        void aFileWithMoreRowsThanTheLimit() {
            String row = "HK-%04d,王大山,510824198507150018,510824100001,4,false,6222021234567890128";
            String text = String.join("\n", HEADER, row.formatted(1), row.formatted(2), row.formatted(3)) + "\n";

            HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(text, 2);

            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple(4, "file", "TOO_MANY_ROWS"));
        }

        @Test
        void aFileOfExactlyTheLimitIsRead() {
            String row = "HK-%04d,王大山,510824198507150018,510824100001,4,false,6222021234567890128";
            String text = String.join("\n", HEADER, row.formatted(1), row.formatted(2)) + "\n";

            HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(text, 2);

            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.rows()).hasSize(2);
        }

        @Test
        void aQuotedCellThatIsNeverClosed() {
            HouseholdCsvParser.Parsed parsed = parse(HEADER,
                    "HK-0001,王大山,510824198507150018,510824100001,4,false,6222021234567890128",
                    "HK-0002,\"李秀英,11010519491231002X,510824104001,1,true,4111111111111111",
                    "HK-0003,张三,510824196203010033,510824100001,2,false,6250946000000016");

            assertThat(parsed.rows()).isEmpty();
            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple(3, "row", "UNCLOSED_QUOTE"));
        }

        @Test
        void everyBadCellOfEveryBadRowNamedWithItsLineAndField() {
            HouseholdCsvParser.Parsed parsed = parse(HEADER,
                    // line 2: bad card number, no name, wrong ID check character
                    "HK 0001, ,510824198507150019,510824100001,4,false,6222021234567890128",
                    // line 3: 11-digit village, no members, unknown migrant flag, wrong Luhn digit
                    "HK-0002,李秀英,11010519491231002X,51082410000,0,maybe,6222021234567890127",
                    // line 4: members not a number
                    "HK-0003,张三,510824196203010033,510824100001,three,false,6250946000000016",
                    // line 5: a valid row between bad ones
                    "HK-0004,赵四,510824197808120045,510824100001,3,true,621700381000123455",
                    // line 6: six cells
                    "HK-0005,钱五,510824199001010055,510824100001,2,false",
                    // line 7: too many members, a name that is too long, an ID with a date that does not exist
                    "HK-0006," + "孙".repeat(51) + ",510824199902290015,510824100001,100,false,6228480012345678903");

            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                    .containsExactly(
                            tuple(2, "cardNo", "CARD_NO_INVALID"),
                            tuple(2, "headName", "REQUIRED"),
                            tuple(2, "idNumber", "ID_NUMBER_INVALID"),
                            tuple(3, "villageCode", "VILLAGE_CODE_INVALID"),
                            tuple(3, "members", "MEMBERS_OUT_OF_RANGE"),
                            tuple(3, "migrant", "MIGRANT_FLAG_INVALID"),
                            tuple(3, "bankCard", "BANK_CARD_INVALID"),
                            tuple(4, "members", "MEMBERS_INVALID"),
                            tuple(6, "row", "COLUMN_COUNT"),
                            tuple(7, "headName", "HEAD_NAME_INVALID"),
                            tuple(7, "idNumber", "ID_NUMBER_INVALID"),
                            tuple(7, "members", "MEMBERS_OUT_OF_RANGE"));
            assertThat(parsed.rows()).extracting(HouseholdRow::line).containsExactly(5);
        }

        @Test
        void aRowWithMoreCellsThanTheHeader() {
            HouseholdCsvParser.Parsed parsed = parse(HEADER,
                    "HK-0001,王大山,510824198507150018,510824100001,4,false,6222021234567890128,备注");

            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple(2, "row", "COLUMN_COUNT"));
        }

        @Test
        void aNameWithAControlCharacter() {
            HouseholdCsvParser.Parsed parsed = parse(HEADER,
                    "HK-0001,王\u0007大山,510824198507150018,510824100001,4,false,6222021234567890128");

            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple(2, "headName", "HEAD_NAME_INVALID"));
        }

        @Test
        void aNameBrokenOverTwoLinesOrHoldingATab() {
            // A head's name is printed in the village's grant list; a line break or tab in it is a damaged cell.
            HouseholdCsvParser.Parsed parsed = parse(HEADER,
                    "HK-0001,\"王\n大山\",510824198507150018,510824100001,4,false,6222021234567890128",
                    "HK-0002,李\t秀英,11010519491231002X,510824104001,1,true,4111111111111111");

            assertThat(parsed.rows()).isEmpty();
            assertThat(parsed.problems()).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("headName", "HEAD_NAME_INVALID"), tuple("headName", "HEAD_NAME_INVALID"));
        }

        @Test
        void aProblemAfterAQuotedLineBreakIsNamedWithTheLineOfTheFile() {
            // Line 2 holds a quoted cell that runs on to line 3, so the next household starts on line 4.
            HouseholdCsvParser.Parsed parsed = parse(HEADER,
                    "HK-0001,\"王",
                    "大山\",510824198507150018,510824100001,4,false,6222021234567890128",
                    "HK-0002,李秀英,11010519491231002X,510824104001,1,true,4111111111111112");

            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                    .containsExactly(
                            tuple(2, "headName", "HEAD_NAME_INVALID"),
                            tuple(4, "bankCard", "BANK_CARD_INVALID"));
        }

        @Test
        void neverRepeatsAnIdOrBankCardNumberInAProblem() {
            List<String> personalNumbers = List.of(
                    "510824198507150019", "11010519491231002X", "510824199902290015", "51082419850715001",
                    "6222021234567890127", "6250946000000016", "622848001234566", "4111111111111111");
            HouseholdCsvParser.Parsed parsed = parse(HEADER,
                    "HK-0001,王大山,510824198507150019,510824100001,4,false,6222021234567890127",
                    "HK-0002,李秀英,11010519491231002X,510824104001,0,true,6250946000000016",
                    "HK-0003,张三,510824199902290015,5108241000,2,false,622848001234566",
                    "HK-0004,赵四,51082419850715001,510824100001,2,perhaps,4111111111111111",
                    "HK-0005,钱五,510824199902290015,6222021234567890127");

            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::code).containsExactly(
                    tuple(2, "ID_NUMBER_INVALID"), tuple(2, "BANK_CARD_INVALID"),
                    tuple(3, "MEMBERS_OUT_OF_RANGE"),
                    tuple(4, "ID_NUMBER_INVALID"), tuple(4, "VILLAGE_CODE_INVALID"), tuple(4, "BANK_CARD_INVALID"),
                    tuple(5, "ID_NUMBER_INVALID"), tuple(5, "MIGRANT_FLAG_INVALID"),
                    tuple(6, "COLUMN_COUNT"));
            assertThat(parsed.problems()).allSatisfy(problem -> {
                for (String number : personalNumbers) {
                    assertThat(problem.message()).doesNotContain(number).doesNotContain(number.substring(0, 10));
                    assertThat(problem.field()).doesNotContain(number);
                }
            });
        }
    }

    /**
     * Registers as spreadsheets save them (test resources {@code registers/}): Excel's "CSV UTF-8" (byte order mark,
     * CR LF, cells quoted only where they hold a comma or a quote, rows of empty cells below the data), WPS's UTF-8 CSV
     * (byte order mark, CR LF, text cells quoted, blank lines at the end) and the "CSV (逗号分隔)" of the Chinese
     * Windows code page (GBK, no byte order mark).
     */
    @Nested
    class RegistersSavedBySpreadsheets {

        static String resource(String name, java.nio.charset.Charset charset) {
            try (java.io.InputStream in = HouseholdCsvParserTest.class.getResourceAsStream("/registers/" + name)) {
                assertThat(in).as(name).isNotNull();
                return new String(in.readAllBytes(), charset);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Test
        void aRegisterSavedByExcelAsUtf8() {
            HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(
                    resource("excel-utf8.csv", java.nio.charset.StandardCharsets.UTF_8), ROWS_MAX);

            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.rows()).extracting(HouseholdRow::line, row -> row.cardNo().value(), HouseholdRow::headName,
                    HouseholdRow::members, HouseholdRow::migrant).containsExactly(
                    tuple(2, "H510824100001-901", "王德春", 4, false),
                    tuple(3, "H510824100001-902", "欧阳,秀英", 2, true),
                    tuple(4, "H510824100001-903", "苟\"二娃\"", 5, false),
                    tuple(5, "H510824102001-904", "阿依·木呷", 6, false));
            assertThat(parsed.rows().get(0).idNumber().plain()).isEqualTo("510824198103059015");
            assertThat(parsed.rows().get(0).bankCard().plain()).isEqualTo("6228480000000090118");
        }

        @Test
        void aRegisterSavedByWpsAsUtf8WithEveryTextCellQuoted() {
            HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(
                    resource("wps-utf8.csv", java.nio.charset.StandardCharsets.UTF_8), ROWS_MAX);

            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.rows()).extracting(HouseholdRow::line, HouseholdRow::headName, HouseholdRow::migrant)
                    .containsExactly(tuple(2, "蒲长林", false), tuple(3, "向玉珍", true), tuple(4, "侯双喜", false));
        }

        @Test
        void aRegisterSavedInTheChineseWindowsCodePage() {
            HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(
                    resource("wps-gbk.csv", java.nio.charset.Charset.forName("GBK")), ROWS_MAX);

            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.rows()).extracting(HouseholdRow::headName).containsExactly("张喆", "李秀英", "杨堃");
        }

        @Test
        void everyBadRowOfAWpsRegisterIsNamedWithTheLineItStartsOnAfterAQuotedLineBreak() {
            // Line 3 holds a name whose quoted cell runs on to line 4; the households after it start on 5, 6 and 7.
            HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(
                    resource("wps-utf8-bad-rows.csv", java.nio.charset.StandardCharsets.UTF_8), ROWS_MAX);

            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                    .containsExactly(
                            tuple(3, "headName", "HEAD_NAME_INVALID"),
                            tuple(5, "bankCard", "BANK_CARD_INVALID"),
                            tuple(6, "members", "MEMBERS_OUT_OF_RANGE"),
                            tuple(7, "idNumber", "ID_NUMBER_INVALID"));
            assertThat(parsed.rows()).extracting(HouseholdRow::line).containsExactly(2);
        }

        @Test
        void aQuotedCellMayHoldACrLfLineBreakAndTheLinesAfterItStayRight() {
            String text = "\uFEFF" + HEADER + "\r\n"
                    + "HK-0001,\"王\r\n大山\",510824198507150018,510824100001,4,false,6222021234567890128\r\n"
                    + "HK-0002,\"李,秀英\",11010519491231002X,510824104001,1,true,4111111111111112\r\n"
                    + "HK-0003,\"张三\",510824196203010033,510824100001,two,false,6250946000000016\r\n";

            HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(text, ROWS_MAX);

            assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                    .containsExactly(
                            tuple(2, "headName", "HEAD_NAME_INVALID"),
                            tuple(4, "bankCard", "BANK_CARD_INVALID"),
                            tuple(5, "members", "MEMBERS_INVALID"));
        }

        @Test
        void emptyColumnsAtTheRightOfTheHeaderAndTheRowsAreLeftOut() {
            String text = HEADER + ",,\r\n"
                    + "HK-0001,王大山,510824198507150018,510824100001,4,false,6222021234567890128,,\r\n"
                    + ",,,,,,,,\r\n";

            HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(text, ROWS_MAX);

            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.rows()).extracting(HouseholdRow::line).containsExactly(2);
        }
    }
}
