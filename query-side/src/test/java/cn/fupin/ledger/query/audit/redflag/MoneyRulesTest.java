package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.query.audit.redflag.History.FUND;
import static cn.fupin.ledger.query.audit.redflag.History.VILLAGE;
import static cn.fupin.ledger.query.audit.redflag.History.grant;
import static cn.fupin.ledger.query.audit.redflag.History.notice;
import static cn.fupin.ledger.query.audit.redflag.History.project;
import static cn.fupin.ledger.query.audit.redflag.History.villagePayment;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules about money: idle funds, payments before publicity, split payments, amounts over the standard. */
class MoneyRulesTest {

    private static final RedFlagSettings SETTINGS = RedFlagSettings.defaults();

    private static FundsAppropriatedEvent appropriation(String id, long amountFen) {
        return new FundsAppropriatedEvent(FUND, id, 2086, FundSource.CENTRAL, amountFen, "财农〔2086〕1号", null);
    }

    @Nested
    class IdleFunds {

        final History history = new History(new IdleFundsRule(SETTINGS));

        @Test
        void moneyNeitherReservedNorPaidForAYearIsIdleAndForTwoYearsIdleForLong() {
            String old = history.at(0, appropriation("APPR-1", 1_000_000L));
            history.at(10, appropriation("APPR-2", 500_000L));
            history.at(20, new FundsReservedEvent(FUND, "PRJ-1", 600_000L, 600_000L, 900_000L));

            assertThat(history.findingsOn(364)).isEmpty();
            Finding year = history.findingsOn(400).get(0);
            assertThat(year.id()).isEqualTo("IDLE_FUNDS/" + FUND + "/365");
            assertThat(year.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(year.summary()).startsWith("9,000.00元");
            assertThat(year.evidence()).hasSize(2).startsWith(old);
            assertThat(year.since()).isEqualTo(History.day(365));

            Finding twoYears = history.findingsOn(731).get(0);
            assertThat(twoYears.id()).isEqualTo("IDLE_FUNDS/" + FUND + "/730");
            assertThat(twoYears.severity()).isEqualTo(Severity.HIGH);
            assertThat(twoYears.summary()).contains("of which 4,000.00元 after 730 days");
        }

        @Test
        void moneyReservedAndPaidIsNotIdleButAReleasedReservationIsIdleAgain() {
            history.at(0, appropriation("APPR-1", 1_000_000L));
            history.at(5, new FundsReservedEvent(FUND, "PRJ-1", 1_000_000L, 1_000_000L, 0L));
            history.at(6, new FundsDisbursedEvent(FUND, "PRJ-1", "DSB-1", 1_000_000L, 0L, 1_000_000L, 0L));
            assertThat(history.findingsOn(800)).isEmpty();

            History released = new History(new IdleFundsRule(SETTINGS));
            released.at(0, appropriation("APPR-1", 1_000_000L));
            released.at(5, new FundsReservedEvent(FUND, "PRJ-1", 1_000_000L, 1_000_000L, 0L));
            released.at(6, new FundReservationReleasedEvent(FUND, "PRJ-1", 300_000L, "CANCELLED", 700_000L, 300_000L));
            assertThat(released.findingsOn(400)).extracting(Finding::summary)
                    .anySatisfy(summary -> assertThat(summary).startsWith("3,000.00元"));
        }

        @Test
        void moneyReservedAndUnpaidPastTheProjectsEndIsIdle() {
            String proposed = history.at(0, project("PRJ-1", VILLAGE, LocalDate.of(2086, 6, 30), null));
            history.at(1, appropriation("APPR-1", 500_000L));
            String reserved = history.at(2, new FundsReservedEvent(FUND, "PRJ-1", 500_000L, 500_000L, 0L));
            history.at(3, new FundsDisbursedEvent(FUND, "PRJ-1", "DSB-1", 200_000L, 300_000L, 200_000L, 0L));

            assertThat(history.findingsOn(100)).as("before the end").isEmpty();
            Finding pastEnd = history.findingsOn(130).get(0);
            assertThat(pastEnd.id()).isEqualTo("IDLE_FUNDS/PRJ-1/past-end");
            assertThat(pastEnd.summary()).startsWith("3,000.00元");
            assertThat(pastEnd.evidence()).containsExactly(proposed, reserved);
        }
    }

    @Nested
    class PaidBeforePublicity {

        final History history = new History(new PaidBeforePublicityRule());

        @Test
        void aGrantListedOnAFinishedGrantListOfItsVillageWasPublic() {
            history.at(0, notice("NTC-1", NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, VILLAGE, List.of("DSB-1"), 0, 10,
                    null));
            history.at(11, grant("DSB-1", "PRJ-1", "H1", 300_000L));
            history.at(0, notice("NTC-2", NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE, VILLAGE, List.of("PRJ-2"), 0,
                    10, null));
            history.at(12, villagePayment("DSB-2", "PRJ-2", VILLAGE, 5_000_000L));
            assertThat(history.findingsOn(20)).isEmpty();
        }

        @Test
        void aPaymentBeforeThePeriodEndedOrOnTheWrongNoticeWasNotPublic() {
            history.at(0, notice("NTC-1", NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, VILLAGE, List.of("DSB-1"), 0, 10,
                    null));
            String early = history.at(5, grant("DSB-1", "PRJ-1", "H1", 300_000L));
            history.at(0, notice("NTC-2", NoticeKind.PROJECT_LIST, NoticeLevel.COUNTY, "510824", List.of("PRJ-2"), 0,
                    10, null));
            history.at(12, villagePayment("DSB-2", "PRJ-2", VILLAGE, 5_000_000L));
            history.at(13, grant("DSB-3", "PRJ-1", "H3", 300_000L));

            List<Finding> findings = history.findingsOn(20);
            assertThat(findings).extracting(Finding::subject).containsExactly("DSB-1", "DSB-2", "DSB-3");
            assertThat(findings.get(0).evidence()).containsExactly(early);
            assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        }

        @Test
        void aWithdrawnItemIsPublicOnlyOnItsCorrection() {
            history.at(0, notice("NTC-1", NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, VILLAGE, List.of("DSB-1"), 0, 10,
                    null));
            history.at(3, new ObjectionResolvedEvent("NTC-1", "OBJ-1", "DSB-1", ObjectionResolution.UPHELD, "核实",
                    "approver", true));
            history.at(11, grant("DSB-1", "PRJ-1", "H1", 300_000L));
            assertThat(history.findingsOn(12)).hasSize(1);

            history.at(12, notice("NTC-2", NoticeKind.CORRECTION, NoticeLevel.VILLAGE, VILLAGE, List.of("DSB-1"), 12,
                    22, "NTC-1"));
            history.at(23, grant("DSB-1", "PRJ-1", "H1", 300_000L));
            assertThat(history.findingsOn(24)).as("the correction, of a grant list, disclosed it").hasSize(1);
        }
    }

    @Nested
    class SplitPayments {

        final History history = new History(new SplitPaymentsRule(SETTINGS));

        @Test
        void paymentsJustBelowTheThresholdWithinThirtyDaysSummingAboveItAreSplit() {
            String first = history.at(0, villagePayment("DSB-1", "PRJ-1", VILLAGE, 950_000L));
            String second = history.at(29, villagePayment("DSB-2", "PRJ-1", VILLAGE, 990_000L));
            List<Finding> findings = history.findingsOn(40);
            assertThat(findings).extracting(Finding::id).containsExactlyInAnyOrder(
                    "SPLIT_PAYMENTS/" + VILLAGE + "/DSB-1", "SPLIT_PAYMENTS/PRJ-1/DSB-1");
            assertThat(findings.get(0).evidence()).containsExactly(first, second);
            assertThat(findings.get(0).summary()).contains("together 19,400.00元");
        }

        @Test
        void paymentsFarApartOrWellBelowOrAtTheThresholdAreNot() {
            history.at(0, villagePayment("DSB-1", "PRJ-1", VILLAGE, 950_000L));
            history.at(31, villagePayment("DSB-2", "PRJ-1", VILLAGE, 950_000L));
            history.at(40, villagePayment("DSB-3", "PRJ-1", VILLAGE, 500_000L));
            history.at(41, villagePayment("DSB-4", "PRJ-1", VILLAGE, 1_000_000L));
            history.at(42, villagePayment("DSB-5", "PRJ-2", "510824100202", 899_999L));
            history.at(43, villagePayment("DSB-6", "PRJ-2", "510824100202", 899_999L));
            assertThat(history.findingsOn(60)).isEmpty();
        }
    }

    @Nested
    class OverStandard {

        final History history = new History(new OverStandardRule());

        @Test
        void aGrantAboveTheProjectsStandardIsOver() {
            String proposed = history.at(0, project("PRJ-1", VILLAGE, LocalDate.of(2086, 12, 31), 300_000L));
            String paid = history.at(1, grant("DSB-1", "PRJ-1", "H1", 350_000L));
            Finding over = history.findingsOn(2).get(0);
            assertThat(over.id()).isEqualTo("OVER_STANDARD/PRJ-1/DSB-1");
            assertThat(over.evidence()).containsExactly(proposed, paid);
        }

        @Test
        void aSecondGrantPaidToOneHouseholdIsOverUnlessTheFirstWasReversed() {
            history.at(0, project("PRJ-1", VILLAGE, LocalDate.of(2086, 12, 31), 300_000L));
            history.at(1, grant("DSB-1", "PRJ-1", "H1", 300_000L));
            history.at(2, new DisbursementReversedEvent("DSB-1", "PRJ-1", PayeeKind.HOUSEHOLD, VILLAGE, "H1",
                    300_000L, List.of(), "账户注销", "approver"));
            history.at(3, grant("DSB-2", "PRJ-1", "H1", 300_000L));
            assertThat(history.findingsOn(4)).as("at the standard, and one grant standing").isEmpty();

            history.at(4, grant("DSB-3", "PRJ-1", "H1", 300_000L));
            assertThat(history.findingsOn(5)).extracting(Finding::id).containsExactly("OVER_STANDARD/H1/grants");
        }
    }
}
