package cn.fupin.ledger.disclosure.page;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the pages write shares, places, funds, dates and paths. */
class FormatsTest {

    @Test
    void aShareIsAPercentageWithOneDecimalRoundedHalfUp() {
        assertThat(Formats.percent(1, 3)).isEqualTo("33.3%");
        assertThat(Formats.percent(2, 3)).isEqualTo("66.7%");
        assertThat(Formats.percent(1, 8)).isEqualTo("12.5%");
        assertThat(Formats.percent(1, 2000)).isEqualTo("0.1%");
        assertThat(Formats.percent(287, 287)).isEqualTo("100.0%");
        assertThat(Formats.percent(0, 0)).isEqualTo("—");
    }

    @Test
    void aVillageIsNamedWithoutItsCommitteesTitle() {
        assertThat(Formats.place("宝珠村村民委员会")).isEqualTo("宝珠村");
        assertThat(Formats.place("马桑社区居民委员会")).isEqualTo("马桑社区");
        assertThat(Formats.place("九龙山农场虚拟生活区")).isEqualTo("九龙山农场虚拟生活区");
        assertThat(Formats.place("白桥镇")).isEqualTo("白桥镇");
    }

    @Test
    void aFundIsNamedByItsYearAndSourceAndAnythingElseAsItIs() {
        assertThat(Formats.fund("FUND-510824-2094-INTEGRATED_AGRICULTURE")).isEqualTo("2094年整合涉农资金");
        assertThat(Formats.fund("not-a-fund")).isEqualTo("not-a-fund");
    }

    @Test
    void instantsAreShownInChinaTimeWhateverTheMachinesZone() {
        assertThat(Formats.dateTime(Instant.parse("2094-03-31T16:00:00Z"))).isEqualTo("2094年4月1日 00:00");
        assertThat(Formats.date(Instant.parse("2094-03-31T15:59:59Z"))).isEqualTo("2094年3月31日");
        assertThat(Formats.period(LocalDate.of(2094, 5, 6), LocalDate.of(2094, 5, 16))).isEqualTo("2094年5月6日 至 2094年5月16日");
    }

    @Test
    void aNoticeIdThatIsNotASafeFileNameIsPercentEncodedInLinks() {
        assertThat(Site.notice("N-2094-0001", Site.NoticeFormat.CSV)).isEqualTo("notices/N-2094-0001.csv");
        assertThat(Site.notice("../公告 1", Site.NoticeFormat.HTML)).isEqualTo("notices/..%2F%E5%85%AC%E5%91%8A%201.html");
        assertThat(Site.isSafeNoticeId("N-2094-0001")).isTrue();
        assertThat(Site.isSafeNoticeId("../x")).isFalse();
        assertThat(Site.isSafeNoticeId(".hidden")).isFalse();
        assertThat(Site.isSafeNoticeId("")).isFalse();
    }
}
