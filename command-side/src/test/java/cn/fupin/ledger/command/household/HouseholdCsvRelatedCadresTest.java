package cn.fupin.ledger.command.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.household.HouseholdRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The register's optional last column {@code relatedCadres}: cadres the head is a relative of (优亲厚友). */
class HouseholdCsvRelatedCadresTest {

    static final String HEADER = HouseholdCsvParserTest.HEADER + ",relatedCadres";
    static final String ROW = "HK-0001,王大山,510824198507150018,510824100001,4,false,6222021234567890128";
    static final String OTHER_ROW = "HK-0002,李秀英,11010519491231002x,510824104001,1,是,4111111111111111";

    @Test
    void eachCadreOfTheColumnIsReadOnceAndARowMayNameNoneOrLeaveTheCellOut() {
        HouseholdCsvParser.Parsed parsed = HouseholdCsvParserTest.parse(HEADER,
                ROW + ", township ；approver;township;", OTHER_ROW);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(HouseholdRow::relatedCadres)
                .containsExactly(List.of("township", "approver"), List.of());
    }

    @Test
    void aRegisterWithoutTheColumnNamesNoCadre() {
        HouseholdCsvParser.Parsed parsed = HouseholdCsvParserTest.parse(HouseholdCsvParserTest.HEADER, ROW);

        assertThat(parsed.rows()).singleElement().extracting(HouseholdRow::relatedCadres)
                .isEqualTo(List.of());
    }

    @Test
    void aCadreThatIsNoUserNameOrTooManyCadresAreNamedByLine() {
        HouseholdCsvParser.Parsed parsed = HouseholdCsvParserTest.parse(HEADER, ROW + ",王 书记",
                OTHER_ROW + ",a;b;c;d;e;f;g;h;i;j;k");

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple(2, "relatedCadres", "CADRE_INVALID"),
                        tuple(3, "relatedCadres", "TOO_MANY_CADRES"));
    }

    @Test
    void anEighthColumnOfAnotherNameIsNoHeader() {
        HouseholdCsvParser.Parsed parsed = HouseholdCsvParserTest.parse(HouseholdCsvParserTest.HEADER + ",remarks", ROW);

        assertThat(parsed.problems()).extracting(FieldProblem::code).containsExactly("HEADER_INVALID");
    }

    @Test
    void aRowWithACellBeyondTheColumnIsTheWrongNumberOfCells() {
        HouseholdCsvParser.Parsed parsed = HouseholdCsvParserTest.parse(HEADER, ROW + ",township,extra");

        assertThat(parsed.problems()).extracting(FieldProblem::code).containsExactly("COLUMN_COUNT");
    }
}
