package cn.fupin.ledger.query.journal;

import cn.fupin.ledger.query.common.StorePositions;
import cn.fupin.ledger.shared.journal.Accounts;
import cn.fupin.ledger.shared.journal.AccountPostingView;
import cn.fupin.ledger.shared.journal.FindAccountPostingsQuery;
import cn.fupin.ledger.shared.journal.FindTrialBalanceQuery;
import cn.fupin.ledger.shared.journal.Posting;
import cn.fupin.ledger.shared.journal.TrialBalanceView;
import cn.fupin.ledger.shared.journal.TrialBalanceView.AccountBalance;
import cn.fupin.ledger.shared.stored.StoredForm;
import cn.fupin.ledger.shared.stored.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static cn.fupin.ledger.query.disbursement.Payments.CENTRAL;
import static cn.fupin.ledger.query.disbursement.Payments.COUNTY;
import static cn.fupin.ledger.query.disbursement.Payments.JINSUI;
import static cn.fupin.ledger.query.journal.MoneyScenario.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The journal read model over a year of money: balances summed by the database as of any instant, one account's
 * postings in order, and replays that post nothing twice. (The self-check compares the journal with the event store,
 * so it is tested over the running ledger: ops JournalChecksApiTest.)
 */
@DataJpaTest(showSql = false)
class JournalProjectionTest {

    static final Instant YEAR_END = Instant.parse("2074-12-31T16:00:00Z");

    @Autowired
    JournalPostingRepository postings;

    JournalProjection projection;
    /** Where each event stands in the store, as the store would answer. */
    final Map<String, Long> positions = new HashMap<>();
    JournalQueries queries;

    @BeforeEach
    void wire() {
        projection = new JournalProjection(postings, new StorePositions(null) {
            @Override
            public long globalIndexOf(String eventId) {
                return positions.get(eventId);
            }
        });
        queries = new JournalQueries(postings);
    }

    /** Every event of the scenario, each at its position in the store (1, 2, …). */
    void replay() {
        List<MoneyScenario.Recorded> events = MoneyScenario.events();
        for (int i = 0; i < events.size(); i++) {
            record(events.get(i), i + 1);
        }
    }

    void record(MoneyScenario.Recorded event, long globalIndex) {
        positions.put(event.eventId(), globalIndex);
        projection.on(event.payload(), event.eventId(), event.at());
    }

    long balance(TrialBalanceView trialBalance, String account) {
        return trialBalance.accounts().stream().filter(a -> a.account().equals(account))
                .mapToLong(AccountBalance::balanceFen).findFirst().orElseThrow();
    }

    @Test
    void theTrialBalanceListsEveryAccountInOrderAndSumsToZero() {
        replay();

        TrialBalanceView trialBalance = queries.handle(new FindTrialBalanceQuery(YEAR_END));
        assertThat(trialBalance.asOf()).isEqualTo(YEAR_END);
        assertThat(trialBalance.totalFen()).isZero();
        assertThat(trialBalance.accounts()).containsExactly(
                new AccountBalance(Accounts.appropriation(CENTRAL), -1_000_000L),
                new AccountBalance(Accounts.appropriation(COUNTY), -500_000L),
                new AccountBalance(Accounts.fund(CENTRAL), 200_000L),
                new AccountBalance(Accounts.fund(COUNTY), 100_000L),
                new AccountBalance(Accounts.paidToHousehold("PAY-A"), 100_000L),
                new AccountBalance(Accounts.paidToHousehold("PAY-B"), 100_000L),
                new AccountBalance(Accounts.paidToVillage(JINSUI), 0L),
                new AccountBalance(Accounts.reserved("PRJ-PAY-H", CENTRAL), 0L),
                new AccountBalance(Accounts.reserved("PRJ-PAY-V", CENTRAL), 600_000L),
                new AccountBalance(Accounts.reserved("PRJ-PAY-V", COUNTY), 400_000L));
    }

    @Test
    void aBalanceAsOfAnEarlierInstantLeavesOutWhatCameLater() {
        replay();

        // Day 7 ends after the grants were paid and before the village payment was reversed on day 8.
        TrialBalanceView day7 = queries.handle(new FindTrialBalanceQuery(day(7)));
        assertThat(day7.totalFen()).isZero();
        assertThat(balance(day7, Accounts.paidToVillage(JINSUI))).isEqualTo(50_000L);
        assertThat(balance(day7, Accounts.reserved("PRJ-PAY-H", CENTRAL))).isEqualTo(100_000L);
        assertThat(balance(day7, Accounts.fund(CENTRAL))).isEqualTo(100_000L);

        TrialBalanceView beforeAnything = queries.handle(new FindTrialBalanceQuery(day(0).minusNanos(1_000)));
        assertThat(beforeAnything.accounts()).isEmpty();
        assertThat(beforeAnything.totalFen()).isZero();

        TrialBalanceView firstDay = queries.handle(new FindTrialBalanceQuery(day(0)));
        assertThat(firstDay.accounts()).containsExactly(
                new AccountBalance(Accounts.appropriation(CENTRAL), -1_000_000L),
                new AccountBalance(Accounts.fund(CENTRAL), 1_000_000L));
    }

    @Test
    void anAccountsPostingsComeInTheOrderTheyWereRecorded() {
        replay();

        List<Posting> village = queries.handle(new FindAccountPostingsQuery(Accounts.paidToVillage(JINSUI), YEAR_END))
                .stream().map(AccountPostingView::posting).toList();
        assertThat(village).extracting(Posting::amountFen, Posting::at, Posting::eventType, Posting::reference)
                .containsExactly(
                        tuple(30_000L, day(5), "DisbursementApprovedEvent", "DSB-PAY-1"),
                        tuple(20_000L, day(5), "DisbursementApprovedEvent", "DSB-PAY-1"),
                        tuple(-30_000L, day(8), "DisbursementReversedEvent", "DSB-PAY-1"),
                        tuple(-20_000L, day(8), "DisbursementReversedEvent", "DSB-PAY-1"));
        assertThat(queries.handle(new FindAccountPostingsQuery(Accounts.paidToVillage(JINSUI), day(7)))).hasSize(2);
        assertThat(queries.handle(new FindAccountPostingsQuery(Accounts.fund(CENTRAL), YEAR_END)))
                .extracting(line -> line.posting().amountFen()).containsExactly(1_000_000L, -600_000L, -300_000L, 100_000L);
    }

    @Test
    void anAccountWithoutPostingsHasNone() {
        replay();

        assertThat(queries.handle(new FindAccountPostingsQuery("FUND:FUND-510824-2074-DONATION", YEAR_END))).isEmpty();
    }

    @Test
    void theWholeStreamDeliveredTwicePostsEveryLineOnce() {
        replay();
        long lines = postings.count();
        TrialBalanceView once = queries.handle(new FindTrialBalanceQuery(YEAR_END));
        replay();

        assertThat(postings.count()).isEqualTo(lines).isEqualTo(24);
        assertThat(queries.handle(new FindTrialBalanceQuery(YEAR_END))).isEqualTo(once);
    }

    @Test
    void eventsThatMoveNoMoneyPostNothing() {
        record(new MoneyScenario.Recorded("E-R", day(4), MoneyScenario.ROAD), 1);

        assertThat(postings.count()).isZero();
    }

    @Test
    void aResetEmptiesTheJournal() {
        replay();
        projection.reset();

        assertThat(postings.count()).isZero();
        assertThat(queries.handle(new FindTrialBalanceQuery(YEAR_END)).accounts()).isEmpty();
    }

    @Test
    void anEventOfATypeThisCodeDoesNotKnowStopsTheJournalInsteadOfPostingNothing() {
        UnknownSerializedType unknown = new UnknownSerializedType(StoredForm.serializer(), new SimpleSerializedObject<>(
                "{\"amountFen\":100}".getBytes(StandardCharsets.UTF_8), byte[].class,
                "cn.fupin.ledger.shared.fund.FundsMisplacedEvent", "1"));

        assertThatThrownBy(() -> projection.on(unknown, "event-of-unknown-type", YEAR_END))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("event-of-unknown-type")
                .hasMessageContaining("cn.fupin.ledger.shared.fund.FundsMisplacedEvent");
        assertThat(postings.count()).isZero();
    }
}
