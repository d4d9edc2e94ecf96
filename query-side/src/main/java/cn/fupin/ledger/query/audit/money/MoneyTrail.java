package cn.fupin.ledger.query.audit.money;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * The path of every fen, folded from the events the journal posts (appropriation, reservation, release, a
 * disbursement's approval and its reversal), each step split by the appropriations its money came from.
 *
 * <p>OLDEST_MONEY_FIRST: a fund's money carries no label, so the trail attributes it. A reservation draws on the
 * fund's oldest appropriations that still hold unreserved money; a release gives back the project's newest drawn
 * money first (what was drawn last is returned first, so the oldest stays committed); a payment from a project's
 * reservation in a fund takes the project's oldest reserved money first; a reversal returns exactly the shares its
 * payment took to the project's reservation. Where events would take more than is there (the journal's check names
 * such a fund), the excess is attributed to no appropriation ({@code appropriationId} null).
 */
final class MoneyTrail {

    static final String APPROPRIATED = "APPROPRIATED";
    static final String RESERVED = "RESERVED";
    static final String RELEASED = "RELEASED";
    static final String PAID = "PAID";
    static final String REVERSED = "REVERSED";

    /** An appropriation and what of it is neither reserved nor paid. */
    private static final class Appropriation {
        final String fundId;
        final String id;
        final String documentNo;
        long unreservedFen;

        Appropriation(String fundId, String id, String documentNo, long amountFen) {
            this.fundId = fundId;
            this.id = id;
            this.documentNo = documentNo;
            this.unreservedFen = amountFen;
        }
    }

    /** One appropriation's share of money. */
    private record Share(String fundId, Appropriation from, long amountFen) {
    }

    private final Map<String, List<Appropriation>> funds = new HashMap<>();
    /** Per project and fund: reserved, unpaid money by appropriation, in the order of the fund's appropriations. */
    private final Map<String, LinkedHashMap<Appropriation, Long>> reserved = new HashMap<>();
    private final Map<String, List<Share>> paidShares = new HashMap<>();
    private final List<TraceStep> steps = new ArrayList<>();
    private final Set<String> households = new HashSet<>();
    private final Set<String> villages = new HashSet<>();
    private final Map<String, String> householdVillages = new HashMap<>();

    void accept(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof FundsAppropriatedEvent e) {
            Appropriation appropriation = new Appropriation(e.fundId(), e.appropriationId(), e.documentNo(), e.amountFen());
            funds.computeIfAbsent(e.fundId(), id -> new ArrayList<>()).add(appropriation);
            steps.add(step(APPROPRIATED, event, e.fundId(), appropriation, null, null, null, null, e.amountFen()));
        } else if (payload instanceof FundsReservedEvent e) {
            reserve(event, e);
        } else if (payload instanceof FundReservationReleasedEvent e) {
            release(event, e);
        } else if (payload instanceof DisbursementApprovedEvent e) {
            List<Share> shares = new ArrayList<>();
            for (BudgetLine line : e.fromFunds()) {
                for (Share share : take(line.fundId(), pool(e.projectId(), line.fundId()), line.amountFen(), false)) {
                    shares.add(share);
                    steps.add(step(PAID, event, line.fundId(), share.from(), e.projectId(), e.disbursementId(),
                            e.payeeKind(), payee(e.payeeKind(), e.villageCode(), e.cardNo()), share.amountFen()));
                }
            }
            paidShares.put(e.disbursementId(), shares);
        } else if (payload instanceof DisbursementReversedEvent e) {
            reverse(event, e);
        } else if (payload instanceof HouseholdRegisteredEvent e) {
            households.add(e.cardNo());
            villages.add(e.villageCode());
            householdVillages.putIfAbsent(e.cardNo(), e.villageCode());
        } else if (payload instanceof ProjectProposedEvent e) {
            villages.add(e.villageCode());
        }
    }

    private void reserve(LedgerEvent event, FundsReservedEvent e) {
        long left = e.amountFen();
        LinkedHashMap<Appropriation, Long> pool = pool(e.projectId(), e.fundId());
        for (Appropriation appropriation : funds.getOrDefault(e.fundId(), List.of())) {
            long share = Math.min(left, appropriation.unreservedFen);
            if (share <= 0) {
                continue;
            }
            appropriation.unreservedFen -= share;
            pool.merge(appropriation, share, Long::sum);
            left -= share;
            steps.add(step(RESERVED, event, e.fundId(), appropriation, e.projectId(), null, null, null, share));
        }
        if (left > 0) {
            steps.add(step(RESERVED, event, e.fundId(), null, e.projectId(), null, null, null, left));
        }
    }

    private void release(LedgerEvent event, FundReservationReleasedEvent e) {
        for (Share share : take(e.fundId(), pool(e.projectId(), e.fundId()), e.amountFen(), true)) {
            if (share.from() != null) {
                share.from().unreservedFen += share.amountFen();
            }
            steps.add(step(RELEASED, event, e.fundId(), share.from(), e.projectId(), null, null, null,
                    share.amountFen()));
        }
    }

    private void reverse(LedgerEvent event, DisbursementReversedEvent e) {
        String payee = payee(e.payeeKind(), e.villageCode(), e.cardNo());
        List<Share> shares = paidShares.remove(e.disbursementId());
        if (shares == null) {
            // A reversal of no payment seen: attributed to no appropriation, so the totals still match the journal.
            for (BudgetLine line : e.fromFunds()) {
                steps.add(step(REVERSED, event, line.fundId(), null, e.projectId(), e.disbursementId(), e.payeeKind(),
                        payee, line.amountFen()));
            }
            return;
        }
        for (Share share : shares) {
            String fundId = share.fundId();
            if (share.from() != null) {
                pool(e.projectId(), fundId).merge(share.from(), share.amountFen(), Long::sum);
            }
            steps.add(step(REVERSED, event, fundId, share.from(), e.projectId(), e.disbursementId(), e.payeeKind(),
                    payee, share.amountFen()));
        }
    }

    /** Takes {@code amountFen} from the pool, oldest appropriation first (newest first when {@code newestFirst}). */
    private static List<Share> take(String fundId, LinkedHashMap<Appropriation, Long> pool, long amountFen,
                                    boolean newestFirst) {
        List<Appropriation> order = new ArrayList<>(pool.keySet());
        if (newestFirst) {
            java.util.Collections.reverse(order);
        }
        List<Share> shares = new ArrayList<>();
        long left = amountFen;
        for (Appropriation appropriation : order) {
            long share = Math.min(left, pool.get(appropriation));
            if (share <= 0) {
                continue;
            }
            pool.merge(appropriation, -share, Long::sum);
            shares.add(new Share(fundId, appropriation, share));
            left -= share;
        }
        if (left > 0) {
            shares.add(new Share(fundId, null, left));
        }
        return shares;
    }

    private LinkedHashMap<Appropriation, Long> pool(String projectId, String fundId) {
        return reserved.computeIfAbsent(projectId + "\n" + fundId, key -> new LinkedHashMap<>());
    }

    private String payee(PayeeKind kind, String villageCode, String cardNo) {
        if (kind == PayeeKind.HOUSEHOLD) {
            households.add(cardNo);
            return cardNo;
        }
        villages.add(villageCode);
        return villageCode;
    }

    private static TraceStep step(String step, LedgerEvent event, String fundId, Appropriation from, String projectId,
                                  String disbursementId, PayeeKind payeeKind, String payee, long amountFen) {
        String actor = event.meta("actor");
        return new TraceStep(step, event.eventId(), event.globalIndex(), event.timestamp(), actor,
                event.type(), fundId, from == null ? null : from.id, from == null ? null : from.documentNo, projectId,
                disbursementId, payeeKind == null ? null : payeeKind.name(), payee, amountFen);
    }

    List<TraceStep> steps() {
        return steps;
    }

    /** The village a household was registered in, or null. */
    String villageOf(String cardNo) {
        return householdVillages.get(cardNo);
    }

    boolean knowsHousehold(String cardNo) {
        return households.contains(cardNo);
    }

    boolean knowsVillage(String villageCode) {
        return villages.contains(villageCode);
    }

    boolean knowsFund(String fundId) {
        return funds.containsKey(fundId);
    }

    /** The appropriation named by its id or its document number, or null. */
    String appropriationId(String idOrDocument) {
        return funds.values().stream().flatMap(List::stream)
                .filter(a -> a.id.equals(idOrDocument) || idOrDocument.equals(a.documentNo))
                .map(a -> a.id).findFirst().orElse(null);
    }
}
