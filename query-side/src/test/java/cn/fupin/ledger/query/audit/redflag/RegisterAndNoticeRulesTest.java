package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.shared.audit.RefusedNumber;
import cn.fupin.ledger.shared.audit.SharedNumberRefusalRecordedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.ObjectionDismissedAsDuplicateEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.disclosure.WorkingCalendar;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.query.audit.redflag.History.FUND;
import static cn.fupin.ledger.query.audit.redflag.History.OTHER_TOWNSHIP_VILLAGE;
import static cn.fupin.ledger.query.audit.redflag.History.VILLAGE;
import static cn.fupin.ledger.query.audit.redflag.History.grant;
import static cn.fupin.ledger.query.audit.redflag.History.household;
import static cn.fupin.ledger.query.audit.redflag.History.notice;
import static cn.fupin.ledger.query.audit.redflag.History.project;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules about households and notices: ineligible grants, shared payees, late notices, ignored objections. */
class RegisterAndNoticeRulesTest {

    private static final RedFlagSettings SETTINGS = RedFlagSettings.defaults();
    private static final LocalDate END = LocalDate.of(2086, 12, 31);

    @Nested
    class GrantToIneligible {

        final History history = new History(new GrantToIneligibleRule());

        @Test
        void aGrantToARegisteredHouseholdOfTheProjectsTownshipIsEligibleAlsoAfterItReturned() {
            history.at(0, project("PRJ-1", VILLAGE, END, 300_000L));
            history.at(0, household("H1", "510824100202", "i1", "c1"));
            history.at(1, new HouseholdExitedEvent("H1", 2086, "脱贫"));
            history.at(2, new HouseholdReturnedEvent("H1", 2086, "返贫"));
            history.at(3, grant("DSB-1", "PRJ-1", "H1", 300_000L));
            assertThat(history.findingsOn(4)).isEmpty();
        }

        @Test
        void aGrantToAnExitedAnUnregisteredOrAnotherTownshipsHouseholdIsNot() {
            history.at(0, project("PRJ-1", VILLAGE, END, 300_000L));
            String registered = history.at(0, household("H1", VILLAGE, "i1", "c1"));
            String exited = history.at(1, new HouseholdExitedEvent("H1", 2086, "脱贫"));
            String paidExited = history.at(2, grant("DSB-1", "PRJ-1", "H1", 300_000L));
            history.at(2, grant("DSB-2", "PRJ-1", "H9", 300_000L));
            history.at(2, household("H3", OTHER_TOWNSHIP_VILLAGE, "i3", "c3"));
            history.at(3, grant("DSB-3", "PRJ-1", "H3", 300_000L));

            List<Finding> findings = history.findingsOn(4);
            assertThat(findings).extracting(Finding::id).containsExactly(
                    "GRANT_TO_INELIGIBLE/H1/DSB-1/EXITED", "GRANT_TO_INELIGIBLE/H9/DSB-2/NOT_REGISTERED",
                    "GRANT_TO_INELIGIBLE/H3/DSB-3/OUTSIDE_PROJECT");
            assertThat(findings.get(0).evidence()).containsExactly(exited, paidExited).doesNotContain(registered);
            assertThat(findings.get(1).severity()).isEqualTo(Severity.HIGH);
        }
    }

    @Nested
    class SharedPayee {

        /** "Opening" a sealed number here is reading the test's ciphertext as the plain number; "x" does not open. */
        final History history = new History(new SharedPayeeRule((kind, sealed, cardNo, field) ->
                sealed.equals("x") ? null : kind + "#" + sealed));

        @Test
        void oneBankCardOnTwoHouseholdsIsShared() {
            String first = history.at(0, household("H1", VILLAGE, "id-1", "card-1"));
            String second = history.at(30, household("H2", VILLAGE, "id-2", "card-1"));
            Finding shared = history.findingsOn(31).get(0);
            assertThat(shared.id()).isEqualTo("SHARED_PAYEE/H1/BANK_CARD");
            assertThat(shared.evidence()).containsExactly(first, second);
            assertThat(shared.since()).isEqualTo(History.day(30));
            assertThat(shared.summary()).contains("***************1234", "H1, H2").doesNotContain("card-1");
        }

        @Test
        void oneIdNumberOnTwoHouseholdsIsSharedToo() {
            history.at(0, household("H1", VILLAGE, "id-1", "card-1"));
            history.at(1, household("H2", VILLAGE, "id-1", "card-2"));
            assertThat(history.findingsOn(2)).extracting(Finding::id).containsExactly("SHARED_PAYEE/H1/ID_NUMBER");
        }

        @Test
        void differentNumbersTheSameHouseholdAgainOrNumbersThatDoNotOpenAreNotShared() {
            history.at(0, household("H1", VILLAGE, "id-1", "card-1"));
            history.at(1, household("H1", VILLAGE, "id-1", "card-1"));
            history.at(2, household("H2", VILLAGE, "id-2", "card-2"));
            history.at(3, household("H3", VILLAGE, "x", "x"));
            history.at(4, household("H4", VILLAGE, "x", "x"));
            assertThat(history.findingsOn(5)).isEmpty();
        }

        @Test
        void aRefusedImportOfferingAnotherHouseholdsCardIsAnAttemptAboutTheHolder() {
            String holder = history.at(0, household("H1", VILLAGE, "id-1", "card-1"));
            String refused = history.at(5, refusal(new RefusedNumber(3, "H7", "BANK_CARD", "BANK_CARD#card-1",
                    "********0001", "BANK_CARD_REGISTERED")));

            Finding attempt = history.findingsOn(6).get(0);
            assertThat(attempt.id()).isEqualTo("SHARED_PAYEE/H1/attempt/BANK_CARD/IMPORT-1/3");
            assertThat(attempt.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(attempt.evidence()).containsExactly(holder, refused);
            assertThat(attempt.since()).isEqualTo(History.day(5));
            assertThat(attempt.summary()).contains("********0001", "household H1", "household H7", "clerk",
                    "BANK_CARD_REGISTERED").doesNotContain("card-1");
        }

        @Test
        void twoRowsOfOneRefusedFileWithOneIdNumberAreAnAttemptAboutTheFirstRowsHousehold() {
            history.at(0, household("H1", VILLAGE, "id-1", "card-1"));
            history.at(1, refusal(new RefusedNumber(4, "H8", "ID_NUMBER", "ID_NUMBER#id-9", "****0009",
                    "DUPLICATE_IN_FILE")));
            assertThat(history.findingsOn(2)).extracting(Finding::id)
                    .containsExactly("SHARED_PAYEE/H8/attempt/ID_NUMBER/IMPORT-1/4");
        }

        @Test
        void aRefusalThatNamesNoNumberIsNoAttempt() {
            history.at(0, household("H1", VILLAGE, "id-1", "card-1"));
            history.at(1, new SharedNumberRefusalRecordedEvent("IMPORT-1", "补录.csv", "ab", List.of(), "clerk",
                    "CLERK", "req-1"));
            assertThat(history.findingsOn(2)).isEmpty();
        }

        private SharedNumberRefusalRecordedEvent refusal(RefusedNumber number) {
            return new SharedNumberRefusalRecordedEvent("IMPORT-1", "补录.csv", "ab", List.of(number), "clerk", "CLERK",
                    "req-1");
        }
    }

    @Nested
    class LateNotice {

        final History history = new History(new LateNoticeRule(SETTINGS));

        private FundsAppropriatedEvent appropriation(String id) {
            return new FundsAppropriatedEvent(FUND, id, 2086, FundSource.CENTRAL, 1_000_000L, "财农〔2086〕1号", null);
        }

        @Test
        void anAllocationNoticeWithinFifteenWorkingDaysIsOnTime() {
            history.at(0, appropriation("APPR-1"));
            history.at(21, notice("NTC-1", NoticeKind.FUND_ALLOCATION, NoticeLevel.COUNTY, "510824",
                    List.of("APPR-1"), 21, 31, null));
            assertThat(history.findingsOn(60)).isEmpty();
        }

        @Test
        void anAllocationNoticeLaterIsLateByTheWorkingDaysAfterItsDueDate() {
            String appropriated = history.at(0, appropriation("APPR-1"));
            String published = history.at(35, notice("NTC-1", NoticeKind.FUND_ALLOCATION, NoticeLevel.COUNTY,
                    "510824", List.of("APPR-1"), 35, 45, null));
            Finding late = history.findingsOn(60).get(0);
            int expected = WorkingCalendar.weekdays().lateBy(LocalDate.of(2086, 3, 2), 15, LocalDate.of(2086, 4, 6));
            assertThat(late.id()).isEqualTo("LATE_NOTICE/NTC-1");
            assertThat(late.summary()).contains(expected + " working days");
            assertThat(late.evidence()).containsExactly(appropriated, published);
        }

        @Test
        void anAppropriationOnNoNoticeAfterItsDueDateIsLateAndNotBefore() {
            history.at(0, appropriation("APPR-1"));
            LocalDate due = WorkingCalendar.weekdays().dueDate(LocalDate.of(2086, 3, 2), 15);
            assertThat(history.findingsOn(20)).as("due on " + due).isEmpty();
            assertThat(history.findingsOn(30)).extracting(Finding::id).containsExactly("LATE_NOTICE/APPR-1/unpublished");
        }

        @Test
        void holidaysAreNotWorkingDays() {
            Set<LocalDate> holidays = Set.of(LocalDate.of(2086, 3, 5), LocalDate.of(2086, 3, 6),
                    LocalDate.of(2086, 3, 9), LocalDate.of(2086, 3, 10), LocalDate.of(2086, 3, 11));
            History withHolidays = new History(new LateNoticeRule(new RedFlagSettings(365, 730, 1_000_000L, 10, 30, 20,
                    new WorkingCalendar(holidays, Set.of()))));
            withHolidays.at(0, appropriation("APPR-1"));
            withHolidays.at(25, notice("NTC-1", NoticeKind.FUND_ALLOCATION, NoticeLevel.COUNTY, "510824",
                    List.of("APPR-1"), 25, 35, null));
            assertThat(withHolidays.findingsOn(40)).isEmpty();
            history.at(0, appropriation("APPR-1"));
            history.at(25, notice("NTC-1", NoticeKind.FUND_ALLOCATION, NoticeLevel.COUNTY, "510824",
                    List.of("APPR-1"), 25, 35, null));
            assertThat(history.findingsOn(40)).as("late on weekdays alone").hasSize(1);
        }
    }

    @Nested
    class ObjectionIgnored {

        final History history = new History(new ObjectionIgnoredRule(SETTINGS));

        private ObjectionFiledEvent objection(String id, long day) {
            return new ObjectionFiledEvent("NTC-1", id, "DSB-1", "不符合条件", null, History.day(day));
        }

        @Test
        void anObjectionUnresolvedPastTwentyDaysIsIgnored() {
            String filed = history.at(0, objection("OBJ-1", 0));
            assertThat(history.findingsOn(20)).isEmpty();
            Finding ignored = history.findingsOn(21).get(0);
            assertThat(ignored.id()).isEqualTo("OBJECTION_IGNORED/OBJ-1");
            assertThat(ignored.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(ignored.evidence()).containsExactly(filed);
            assertThat(history.findingsOn(41).get(0).severity()).isEqualTo(Severity.HIGH);
        }

        @Test
        void anObjectionResolvedOrDismissedAsADuplicateIsNot() {
            history.at(0, objection("OBJ-1", 0));
            history.at(0, objection("OBJ-2", 0));
            history.at(30, new ObjectionResolvedEvent("NTC-1", "OBJ-1", "DSB-1", ObjectionResolution.DISMISSED,
                    "核实无误", "approver", false));
            history.at(30, new ObjectionDismissedAsDuplicateEvent("NTC-1", "OBJ-2", "DSB-1", "OBJ-1", "重复",
                    "approver"));
            assertThat(history.findingsOn(31)).isEmpty();
        }
    }
}
