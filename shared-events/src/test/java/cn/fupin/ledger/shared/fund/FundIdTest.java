package cn.fupin.ledger.shared.fund;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FundIdTest {

    @Test
    void namesTheFundOfASourceForAYearOfACounty() {
        FundId fundId = FundId.of("510824", 2015, FundSource.COUNTY);

        assertThat(fundId.value()).isEqualTo("FUND-510824-2015-COUNTY");
        assertThat(fundId).hasToString("FUND-510824-2015-COUNTY");
        assertThat(fundId.countyCode()).isEqualTo("510824");
        assertThat(fundId.fiscalYear()).isEqualTo(2015);
        assertThat(fundId.source()).isEqualTo(FundSource.COUNTY);
    }

    @Test
    void theSameSourceAndYearOfTwoCountiesAreTwoFunds() {
        assertThat(FundId.of("510824", 2015, FundSource.COUNTY)).isNotEqualTo(FundId.of("510802", 2015, FundSource.COUNTY));
    }

    @Test
    void anIdWrittenBeforeTheCountyWasPartOfItReadsAsTodaysShape() {
        assertThat(FundId.withCounty("FUND-2015-COUNTY", "510824")).isEqualTo("FUND-510824-2015-COUNTY");
        assertThat(FundId.withCounty("FUND-2016-INTEGRATED_AGRICULTURE", "510802"))
                .isEqualTo("FUND-510802-2016-INTEGRATED_AGRICULTURE");
        assertThat(FundId.withCounty("FUND-510824-2015-COUNTY", "510802")).isEqualTo("FUND-510824-2015-COUNTY");
        assertThat(FundId.withCounty("PRJ-2015-COUNTY", "510824")).isEqualTo("PRJ-2015-COUNTY");
        assertThat(FundId.withCounty(null, "510824")).isNull();
    }

    @Test
    void readsBackTheYearAndSourceOfAnIdGivenAsText() {
        FundId fundId = new FundId("FUND-510824-2016-INTEGRATED_AGRICULTURE");

        assertThat(fundId.countyCode()).isEqualTo("510824");
        assertThat(fundId.fiscalYear()).isEqualTo(2016);
        assertThat(fundId.source()).isEqualTo(FundSource.INTEGRATED_AGRICULTURE);
        assertThat(fundId).isEqualTo(FundId.of("510824", 2016, FundSource.INTEGRATED_AGRICULTURE));
    }

    @ParameterizedTest
    @EnumSource(FundSource.class)
    void everySourceMakesAnIdThatReadsBackTheSame(FundSource source) {
        FundId fundId = FundId.of("510824", 2014, source);

        assertThat(new FundId(fundId.value())).isEqualTo(fundId);
        assertThat(fundId.source()).isEqualTo(source);
        assertThat(fundId.fiscalYear()).isEqualTo(2014);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "FUND-15-COUNTY", "FUND-2015-county", "FUND-2015-", "FUND-2015-COUNTY ",
            "fund-2015-COUNTY", "FUND-2015-UNKNOWN", "FUND-20150-COUNTY", "FUND-2015-COUNTY",
            "FUND-51082-2015-COUNTY", "FUND-510824-2015-county", "FUND-510824-15-COUNTY", "FUND-510824-2015-UNKNOWN"})
    void refusesTextThatIsNotTheIdOfAFund(String value) {
        assertThatThrownBy(() -> new FundId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAYearThatDoesNotHaveFourDigits() {
        assertThatThrownBy(() -> FundId.of("510824", 10000, FundSource.CENTRAL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FundId.of("510824", -1, FundSource.CENTRAL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FundId.of("5108", 2015, FundSource.CENTRAL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fiscalYearsFrom2000To2100AreAccepted() {
        assertThat(FiscalYear.isValid(FiscalYear.EARLIEST)).isTrue();
        assertThat(FiscalYear.isValid(FiscalYear.LATEST)).isTrue();
        assertThat(FiscalYear.isValid(1999)).isFalse();
        assertThat(FiscalYear.isValid(2101)).isFalse();
        assertThat(FiscalYear.EARLIEST).isEqualTo(2000);
        assertThat(FiscalYear.LATEST).isEqualTo(2100);
    }
}
