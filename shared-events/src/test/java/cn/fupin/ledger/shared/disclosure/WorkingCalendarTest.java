package cn.fupin.ledger.shared.disclosure;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Working days for the due date of allocation notices: Monday to Friday, without holidays, with the weekend days worked
 * in exchange. 2016's National Day week (the State Council's holiday arrangement for 2016): 1–7 October off, Saturday
 * 8 and Sunday 9 October worked.
 */
class WorkingCalendarTest {

    static final Set<LocalDate> NATIONAL_DAY_2016 = Set.of(LocalDate.of(2016, 10, 3), LocalDate.of(2016, 10, 4),
            LocalDate.of(2016, 10, 5), LocalDate.of(2016, 10, 6), LocalDate.of(2016, 10, 7));
    static final Set<LocalDate> WORKED_WEEKEND_2016 = Set.of(LocalDate.of(2016, 10, 8), LocalDate.of(2016, 10, 9));
    static final WorkingCalendar CALENDAR_2016 = new WorkingCalendar(NATIONAL_DAY_2016, WORKED_WEEKEND_2016);

    @Test
    void fifteenWorkingDaysAfterAMondayAreThreeWeeksLaterOnTheFollowingMonday() {
        // Monday 2 May 2016: the day itself is not counted; 15 working days end on Monday 23 May.
        assertThat(WorkingCalendar.weekdays().dueDate(LocalDate.of(2016, 5, 2), 15))
                .isEqualTo(LocalDate.of(2016, 5, 23));
    }

    @Test
    void anAllocationOnAFridayCountsFromTheMondayAfter() {
        assertThat(WorkingCalendar.weekdays().dueDate(LocalDate.of(2016, 5, 6), 1)).isEqualTo(LocalDate.of(2016, 5, 9));
    }

    @Test
    void holidaysDoNotCountAndWorkedWeekendDaysDo() {
        // From Friday 30 September: 3-7 October are off, Saturday 8 and Sunday 9 are worked.
        assertThat(CALENDAR_2016.dueDate(LocalDate.of(2016, 9, 30), 1)).isEqualTo(LocalDate.of(2016, 10, 8));
        assertThat(CALENDAR_2016.dueDate(LocalDate.of(2016, 9, 30), 3)).isEqualTo(LocalDate.of(2016, 10, 10));
        assertThat(WorkingCalendar.weekdays().dueDate(LocalDate.of(2016, 9, 30), 3))
                .isEqualTo(LocalDate.of(2016, 10, 5));
    }

    @Test
    void aNoticePublishedOnItsDueDateIsOnTime() {
        assertThat(WorkingCalendar.weekdays().lateBy(LocalDate.of(2016, 5, 2), 15, LocalDate.of(2016, 5, 23))).isZero();
        assertThat(WorkingCalendar.weekdays().lateBy(LocalDate.of(2016, 5, 2), 15, LocalDate.of(2016, 5, 3))).isZero();
    }

    @Test
    void aNoticePublishedLaterIsLateByTheWorkingDaysAfterItsDueDate() {
        // Due Monday 23 May; published Monday 30 May: 24-27 and 30 May are five working days late.
        assertThat(WorkingCalendar.weekdays().lateBy(LocalDate.of(2016, 5, 2), 15, LocalDate.of(2016, 5, 30)))
                .isEqualTo(5);
        // A weekend after the due date adds nothing: published Sunday 29 May, four days late.
        assertThat(WorkingCalendar.weekdays().lateBy(LocalDate.of(2016, 5, 2), 15, LocalDate.of(2016, 5, 29)))
                .isEqualTo(4);
    }

    @Test
    void aNegativeCountIsAProgrammingError() {
        assertThatThrownBy(() -> WorkingCalendar.weekdays().dueDate(LocalDate.of(2016, 5, 2), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noCountWalksMoreThanTwentyYears() {
        assertThatThrownBy(() -> WorkingCalendar.weekdays().dueDate(LocalDate.of(2016, 5, 2), 10_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingCalendar.weekdays().workingDaysAfter(LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
