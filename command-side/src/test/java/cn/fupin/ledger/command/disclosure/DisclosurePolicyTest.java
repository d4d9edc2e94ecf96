package cn.fupin.ledger.command.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configured publicity period may be longer than ten days, never shorter; and how a period is counted. */
class DisclosurePolicyTest {

    @Test
    void tenDaysAndMoreAreTaken() {
        assertThat(new DisclosurePolicy(10).periodDays()).isEqualTo(10);
        assertThat(new DisclosurePolicy(15).periodDays()).isEqualTo(15);
    }

    @Test
    void aConfigurationBelowTenDaysStopsTheLedgerFromStarting() {
        assertThatThrownBy(() -> new DisclosurePolicy(9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ledger.disclosure.period-days");
        assertThatThrownBy(() -> new DisclosurePolicy(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisclosurePolicy(366)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDayOfPublicationIsNotCountedSoTenDaysAreTenWholeDays() {
        // Published at 23:59 on 1 May (Cangxi): the ten days are 2 to 11 May, over at midnight after 11 May.
        PublicityPeriod period = PublicityPeriod.of(Instant.parse("2016-05-01T15:59:00Z"), 10);

        assertThat(period.firstDay()).isEqualTo(LocalDate.of(2016, 5, 1));
        assertThat(period.lastDay()).isEqualTo(LocalDate.of(2016, 5, 11));
        assertThat(period.endsAt()).isEqualTo(Instant.parse("2016-05-11T16:00:00Z"));
    }
}
