package cn.fupin.ledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.fupin.ledger.shared.audit.ScreeningEntry;
import cn.fupin.ledger.shared.audit.ScreeningListKind;
import cn.fupin.ledger.shared.common.FieldProblem;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScreeningListParserTest {

    static final String ID = "510824198507150018";
    static final String ID_X = "11010519491231002X";

    /** A stand-in for the keyed fingerprint that keeps the test readable. */
    static ScreeningListParser.Parsed parse(String text, ScreeningListKind kind) {
        return ScreeningListParser.parse(text, kind, plain -> "fp:" + plain);
    }

    @Test
    void readsIdNumbersWithOrWithoutAHeaderAndDatesOfDeath() {
        ScreeningListParser.Parsed parsed = parse("\uFEFFidNumber,dateOfDeath\r\n" + ID + ",2016-05-01\r\n\r\n"
                + "11010519491231002x\r\n", ScreeningListKind.DECEASED);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.entries()).containsExactly(new ScreeningEntry("fp:" + ID, LocalDate.of(2016, 5, 1)),
                new ScreeningEntry("fp:" + ID_X, null));
    }

    @Test
    void everyBadLineIsNamedWithoutRepeatingItsNumber() {
        ScreeningListParser.Parsed parsed = parse(ID + "\n510824198507150019\n" + ID_X + ",2016/05/01\n" + ID
                + "\n" + ID_X + ",2016-01-01,x\n", ScreeningListKind.DECEASED);

        assertThat(parsed.problems()).extracting(FieldProblem::line, FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple(2, "idNumber", "ID_NUMBER_INVALID"), tuple(3, "dateOfDeath", "DATE_INVALID"),
                        tuple(4, "idNumber", "DUPLICATE_IN_FILE"), tuple(5, "row", "COLUMN_COUNT"));
        assertThat(parsed.problems().toString()).doesNotContain(ID, "510824198507150019");
    }

    @Test
    void onlyAListOfTheDeceasedGivesDates() {
        assertThat(parse(ID + ",2016-05-01\n", ScreeningListKind.PUBLIC_EMPLOYEE).problems())
                .extracting(FieldProblem::code).containsExactly("DATE_OF_DEATH_NOT_ALLOWED");
    }

    @Test
    void anEmptyListAndOneTooLongAreRefused() {
        assertThat(parse("idNumber\n\n", ScreeningListKind.DECEASED).problems()).extracting(FieldProblem::code)
                .containsExactly("NO_ROWS");
        String tooMany = IntStream.rangeClosed(0, ScreeningListParser.ENTRIES_MAX).mapToObj(n -> ID)
                .collect(Collectors.joining("\n"));
        assertThat(ScreeningListParser.parse(tooMany, ScreeningListKind.DECEASED, plain -> plain).problems())
                .extracting(FieldProblem::code).contains("TOO_MANY_ROWS");
    }
}
