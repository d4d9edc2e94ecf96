package cn.fupin.ledger.shared.disclosure;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days (工作日) for the due dates of notices: Monday to Friday, except the configured public {@code holidays},
 * plus the configured {@code workingWeekendDays} (the Saturdays and Sundays worked in exchange for a long holiday,
 * 调休). Allocation results are due on the public pages within {@value #ALLOCATION_DUE_WORKING_DAYS} working days of the
 * allocation (DOMAIN.md, "Disclosure").
 */
public record WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {

    /** Working days within which an allocation must be on the public pages. */
    public static final int ALLOCATION_DUE_WORKING_DAYS = 15;

    /** The most days any count here walks: a bound, so that no input makes it loop for long. */
    static final int DAYS_MAX = 366 * 20;

    public WorkingCalendar {
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        workingWeekendDays = workingWeekendDays == null ? Set.of() : Set.copyOf(workingWeekendDays);
    }

    /** Monday to Friday, no holiday, or a worked weekend day. */
    public static WorkingCalendar weekdays() {
        return new WorkingCalendar(Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workingWeekendDays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** The day on which {@code workingDays} working days after {@code start} have passed, {@code start} not counted. */
    public LocalDate dueDate(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("a number of working days is not negative");
        }
        LocalDate date = start;
        int counted = 0;
        for (int walked = 0; counted < workingDays; walked++) {
            if (walked > DAYS_MAX) {
                throw new IllegalArgumentException("no " + workingDays + " working days within twenty years");
            }
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** The working days after {@code due} up to and including {@code date}; 0 when {@code date} is not after it. */
    public int workingDaysAfter(LocalDate due, LocalDate date) {
        if (!date.isAfter(due)) {
            return 0;
        }
        if (due.plusDays(DAYS_MAX).isBefore(date)) {
            throw new IllegalArgumentException("more than twenty years apart");
        }
        int count = 0;
        for (LocalDate day = due.plusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * How many working days late a notice published on {@code publishedOn} is, when it was due within
     * {@code dueWorkingDays} working days of {@code start} (e.g. the allocation it announces): 0 when on time.
     */
    public int lateBy(LocalDate start, int dueWorkingDays, LocalDate publishedOn) {
        return workingDaysAfter(dueDate(start, dueWorkingDays), publishedOn);
    }
}
