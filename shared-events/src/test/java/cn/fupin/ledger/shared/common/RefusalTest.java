package cn.fupin.ledger.shared.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefusalTest {

    @Test
    void aConflictCarriesItsCodeAndKind() {
        Refusal refusal = Refusal.conflict("FUND_OVERDRAWN", "the fund holds less than that");

        assertThat(refusal.code()).isEqualTo("FUND_OVERDRAWN");
        assertThat(refusal.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(refusal.getMessage()).isEqualTo("the fund holds less than that");
        assertThat(refusal.problems()).isEmpty();
    }

    @Test
    void aMissingThingIsNotFound() {
        Refusal refusal = Refusal.notFound("VILLAGE_NOT_FOUND", "no village of the county has this code");

        assertThat(refusal.kind()).isEqualTo(RefusalKind.NOT_FOUND);
        assertThat(refusal.code()).isEqualTo("VILLAGE_NOT_FOUND");
    }

    @Test
    void anInvalidFieldIsNamedInItsOneProblem() {
        Refusal refusal = Refusal.invalidField("AMOUNT_NOT_POSITIVE", "amountFen", "an appropriation is positive");

        assertThat(refusal.kind()).isEqualTo(RefusalKind.INVALID);
        assertThat(refusal.problems()).containsExactly(
                new FieldProblem(0, "amountFen", "AMOUNT_NOT_POSITIVE", "an appropriation is positive"));
    }

    @Test
    void theProblemsOfARefusalCannotBeChangedAfterwards() {
        java.util.List<FieldProblem> problems = new java.util.ArrayList<>();
        problems.add(FieldProblem.atLine(2, "idNumber", "ID_NUMBER_INVALID", "wrong check character"));
        Refusal refusal = Refusal.invalid("HOUSEHOLD_IMPORT_INVALID", "1 problem", problems);
        problems.clear();

        assertThat(refusal.problems()).hasSize(1);
        assertThatThrownBy(() -> refusal.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"fund_overdrawn", "Fund-Overdrawn", "_FUND", "1FUND", "FUND OVERDRAWN"})
    void codesAreUpperSnakeCase(String code) {
        assertThatThrownBy(() -> Refusal.conflict(code, "message")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusalIsCheapBecauseItCarriesNoStackTrace() {
        assertThat(Refusal.conflict("FUND_OVERDRAWN", "message").getStackTrace()).isEmpty();
    }
}
