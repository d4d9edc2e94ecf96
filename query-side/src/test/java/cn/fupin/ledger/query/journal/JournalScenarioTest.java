package cn.fupin.ledger.query.journal;

import cn.fupin.ledger.shared.journal.Accounts;
import cn.fupin.ledger.shared.journal.Posting;
import cn.fupin.ledger.shared.journal.Postings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.query.disbursement.Payments.CENTRAL;
import static cn.fupin.ledger.query.disbursement.Payments.COUNTY;
import static cn.fupin.ledger.query.disbursement.Payments.JINSUI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal's rules over a year of money, event by event, straight from {@link Postings#of}: every posting
 * balances, the books sum to zero after every event, no fund, reservation or payee account goes below zero and no
 * appropriation above it, and a fen is followed from its appropriation to the household it reached.
 */
class JournalScenarioTest {

    private static Map<String, Long> apply(Map<String, Long> balances, List<Posting> lines) {
        for (Posting line : lines) {
            balances.merge(line.account(), line.amountFen(), Math::addExact);
        }
        return balances;
    }

    @Test
    void everyPostingBalancesAndNoAccountEverHoldsABalanceItsKindRefuses() {
        Map<String, Long> balances = new TreeMap<>();
        for (MoneyScenario.Recorded event : MoneyScenario.events()) {
            List<Posting> lines = Postings.of(event.payload(), event.at());
            assertThat(lines.stream().mapToLong(Posting::amountFen).sum()).as(event.eventId()).isZero();
            apply(balances, lines);

            assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).as(event.eventId()).isZero();
            balances.forEach((account, balance) -> {
                if (account.startsWith(Accounts.APPROPRIATION)) {
                    assertThat(balance).as("%s after %s", account, event.eventId()).isLessThanOrEqualTo(0L);
                } else {
                    assertThat(balance).as("%s after %s", account, event.eventId()).isGreaterThanOrEqualTo(0L);
                }
                assertThat(Accounts.allows(account, balance)).isTrue();
            });
        }
    }

    @Test
    void theYearEndsWithEveryFenAccountedFor() {
        Map<String, Long> balances = new TreeMap<>();
        MoneyScenario.events().forEach(event -> apply(balances, Postings.of(event.payload(), event.at())));

        assertThat(balances).containsExactlyInAnyOrderEntriesOf(Map.of(
                Accounts.appropriation(CENTRAL), -1_000_000L,
                Accounts.appropriation(COUNTY), -500_000L,
                Accounts.fund(CENTRAL), 200_000L,
                Accounts.fund(COUNTY), 100_000L,
                Accounts.reserved("PRJ-PAY-V", CENTRAL), 600_000L,
                Accounts.reserved("PRJ-PAY-V", COUNTY), 400_000L,
                Accounts.reserved("PRJ-PAY-H", CENTRAL), 0L,
                Accounts.paidToVillage(JINSUI), 0L,
                Accounts.paidToHousehold("PAY-A"), 100_000L,
                Accounts.paidToHousehold("PAY-B"), 100_000L));
    }
}
