package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.RequestDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ReverseDisbursementCommand;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.journal.Accounts;
import cn.fupin.ledger.shared.journal.Posting;
import cn.fupin.ledger.shared.journal.Postings;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CancelProjectCommand;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import static cn.fupin.ledger.command.disbursement.PaymentLedger.APPROVER;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CENTRAL;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.CLERK;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.COUNTY;
import static cn.fupin.ledger.command.disbursement.PaymentLedger.JINSUI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random sequences of appropriations, project approvals, payments, rejections, reversals and cancellations —
 * refused or not — the journal built from the stored events balances after every event, no account goes where it
 * may not (no fund, reservation or payment below zero), the journal agrees with what the aggregates hold, and a journal
 * kept incrementally with events delivered at least once (duplicates skipped by their identity) equals one rebuilt
 * from zero.
 */
class MoneyPropertiesTest {

    enum Kind { APPROPRIATE, PROPOSE_AND_APPROVE, CANCEL, REQUEST_VILLAGE, REQUEST_GRANT, APPROVE, REJECT, REVERSE }

    record Step(Kind kind, int pick, long amountFen) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.frequency(
                        net.jqwik.api.Tuple.of(1, Kind.APPROPRIATE), net.jqwik.api.Tuple.of(2, Kind.PROPOSE_AND_APPROVE),
                        net.jqwik.api.Tuple.of(1, Kind.CANCEL), net.jqwik.api.Tuple.of(4, Kind.REQUEST_VILLAGE),
                        net.jqwik.api.Tuple.of(3, Kind.REQUEST_GRANT), net.jqwik.api.Tuple.of(6, Kind.APPROVE),
                        net.jqwik.api.Tuple.of(1, Kind.REJECT), net.jqwik.api.Tuple.of(2, Kind.REVERSE)),
                Arbitraries.integers().between(0, 1_000),
                Arbitraries.longs().between(1, 1_500_000)).as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 40)
    void theJournalBalancesNothingGoesNegativeAndItEqualsARebuild(@ForAll("histories") List<Step> history,
                                                                  @ForAll long seed) {
        try (PaymentLedger ledger = PaymentLedger.withApprovedProjects()) {
            List<String> projects = new ArrayList<>(List.of(PaymentLedger.ROAD, PaymentLedger.GRANTS));
            List<String> villageProjects = new ArrayList<>(List.of(PaymentLedger.ROAD));
            List<String> households = List.of(PaymentLedger.WANG, PaymentLedger.LI, PaymentLedger.ZHAO);
            int n = 0;
            for (Step step : history) {
                int k = ++n;
                String id = "P" + k;
                attempt(() -> {
                    switch (step.kind()) {
                        case APPROPRIATE -> ledger.appropriate(new FundId(step.pick() % 2 == 0 ? CENTRAL : COUNTY),
                                step.amountFen());
                        case PROPOSE_AND_APPROVE -> {
                            String projectId = "PRJ-Q-" + id;
                            ledger.send(PaymentLedger.proposal(projectId, "ROADS", Beneficiary.VILLAGE,
                                    List.of(new BudgetLine(CENTRAL, step.amountFen()),
                                            new BudgetLine(COUNTY, step.amountFen() / 2 + 1))));
                            projects.add(projectId);
                            villageProjects.add(projectId);
                            ledger.send(new ApproveProjectCommand(new ProjectId(projectId), "批〔" + k + "〕", APPROVER));
                        }
                        case CANCEL -> ledger.send(new CancelProjectCommand(new ProjectId(pick(projects, step)),
                                "撤销" + k, APPROVER));
                        case REQUEST_VILLAGE -> ledger.send(new RequestDisbursementCommand(new DisbursementId("DSB-" + id),
                                new ProjectId(pick(villageProjects, step)), JINSUI, null, step.amountFen(),
                                "V-" + k, CLERK));
                        case REQUEST_GRANT -> ledger.send(PaymentLedger.grant("DSB-" + id, pick(households, step),
                                300_000 + step.amountFen() % 400_000, "V-" + k));
                        case APPROVE -> {
                            String payment = pickDisbursement(ledger, step, "REQUESTED");
                            ledger.disclose(payment);
                            ledger.send(PaymentLedger.approval(payment));
                        }
                        case REJECT -> ledger.send(new RejectDisbursementCommand(
                                new DisbursementId(pickDisbursement(ledger, step, "REQUESTED")), "驳回" + k, APPROVER));
                        case REVERSE -> ledger.send(new ReverseDisbursementCommand(
                                new DisbursementId(pickDisbursement(ledger, step, "APPROVED")), "冲销" + k, APPROVER));
                    }
                });
            }

            List<Object> events = ledger.allEvents();
            // The histories must exercise payments and reversals, or the property proves little.
            Statistics.label("paid").collect(events.stream().anyMatch(DisbursementApprovedEvent.class::isInstance));
            Statistics.label("reversed").collect(events.stream().anyMatch(DisbursementReversedEvent.class::isInstance));
            Statistics.label("paid").coverage(coverage -> coverage.check(true).percentage(p -> p >= 50));
            Statistics.label("reversed").coverage(coverage -> coverage.check(true).percentage(p -> p >= 10));
            Instant at = Instant.parse("2016-06-01T00:00:00Z");
            Map<String, Long> rebuilt = new HashMap<>();
            for (Object event : events) {
                for (Posting line : Postings.of(event, at)) {
                    rebuilt.merge(line.account(), line.amountFen(), Math::addExact);
                }
                // After every event: balanced, and every account where it may be.
                assertThat(rebuilt.values().stream().mapToLong(Long::longValue).sum()).isZero();
                rebuilt.forEach((account, balance) ->
                        assertThat(Accounts.allows(account, balance)).as(account + " " + balance).isTrue());
            }

            // Kept incrementally, events delivered at least once (some twice, in a shuffled redelivery of a suffix).
            Map<String, Long> incremental = new HashMap<>();
            Set<Integer> seen = new LinkedHashSet<>();
            Random random = new Random(seed);
            for (int i = 0; i < events.size(); i++) {
                deliver(i, events.get(i), at, seen, incremental);
                if (random.nextInt(4) == 0) {
                    int again = random.nextInt(i + 1);
                    deliver(again, events.get(again), at, seen, incremental);
                }
            }
            incremental.values().removeIf(balance -> balance == 0);
            Map<String, Long> nonZero = new HashMap<>(rebuilt);
            nonZero.values().removeIf(balance -> balance == 0);
            assertThat(incremental).isEqualTo(nonZero);

            // The journal agrees with what the aggregates hold.
            for (String fundId : List.of(CENTRAL, COUNTY)) {
                long available = ledger.read(Fund.class, fundId, Fund::availableFen);
                assertThat(available).isNotNegative();
                assertThat(rebuilt.getOrDefault(Accounts.fund(fundId), 0L)).isEqualTo(available);
                assertThat(ledger.read(Fund.class, fundId, Fund::disbursedFen)).isNotNegative();
                for (String projectId : projects) {
                    if (!ledger.events(projectId).isEmpty()) {
                        long reserved = ledger.read(Fund.class, fundId, fund -> fund.reservedFor(projectId));
                        assertThat(reserved).isNotNegative();
                        assertThat(rebuilt.getOrDefault(Accounts.reserved(projectId, fundId), 0L)).isEqualTo(reserved);
                    }
                }
            }
            for (String projectId : projects) {
                if (!ledger.events(projectId).isEmpty()) {
                    assertThat(ledger.read(Project.class, projectId, Project::leftToPayFen)).isNotNegative();
                }
            }
        }
    }

    private static void deliver(int index, Object event, Instant at, Set<Integer> seen, Map<String, Long> balances) {
        if (!seen.add(index)) {
            return;
        }
        for (Posting line : Postings.of(event, at)) {
            balances.merge(line.account(), line.amountFen(), Math::addExact);
        }
    }

    /** Runs a step whose refusal is a normal outcome of a random history (bad input never breaks the books). */
    private static void attempt(Runnable step) {
        try {
            step.run();
        } catch (Refusal | NoSuchElement refused) {
            // refused: nothing recorded, which the journal checks below confirm
        }
    }

    private static String pick(List<String> from, Step step) {
        return from.get(step.pick() % from.size());
    }

    /** A disbursement now in the given state, or {@link NoSuchElement} when there is none. */
    private static String pickDisbursement(PaymentLedger ledger, Step step, String state) {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        for (Object event : ledger.allEvents()) {
            if (event instanceof DisbursementRequestedEvent e) {
                states.put(e.disbursementId(), "REQUESTED");
            } else if (event instanceof DisbursementApprovedEvent e) {
                states.put(e.disbursementId(), "APPROVED");
            } else if (event instanceof DisbursementRejectedEvent e) {
                states.put(e.disbursementId(), "REJECTED");
            } else if (event instanceof DisbursementReversedEvent e) {
                states.put(e.disbursementId(), "REVERSED");
            }
        }
        List<String> candidates = states.entrySet().stream().filter(e -> e.getValue().equals(state))
                .map(Map.Entry::getKey).toList();
        if (candidates.isEmpty()) {
            throw new NoSuchElement();
        }
        return candidates.get(step.pick() % candidates.size());
    }

    /** No disbursement in the state a step needs: the step is skipped. */
    private static final class NoSuchElement extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
