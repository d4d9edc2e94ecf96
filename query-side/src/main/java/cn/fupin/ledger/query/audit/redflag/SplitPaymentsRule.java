package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPLIT_PAYMENTS (拆分规避审批): two or more payments to one payee (a household's card number, a village's code) or
 * from one project, approved within {@code splitWindowDays} days of the first, each just below the approval threshold
 * ({@code splitThresholdFen}, less at most {@code splitMarginPercent} percent of it) and together above it. A run is
 * taken greedily from its first payment, and the next run starts after its last; one finding per run, about the payee
 * or the project, keyed by the run's first payment. Severity MEDIUM.
 */
final class SplitPaymentsRule implements RedFlagRule {

    static final String RULE = "SPLIT_PAYMENTS";

    private record Payment(String disbursementId, long amountFen, Instant at, String eventId) {
    }

    private final RedFlagSettings settings;
    /** The payments just below the threshold, by payee and by project, in order of approval. */
    private final Map<String, List<Payment>> near = new LinkedHashMap<>();

    SplitPaymentsRule(RedFlagSettings settings) {
        this.settings = settings;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        if (event.payload() instanceof DisbursementApprovedEvent e && e.amountFen() >= settings.splitNearFen()
                && e.amountFen() < settings.splitThresholdFen()) {
            Payment payment = new Payment(e.disbursementId(), e.amountFen(), event.timestamp(), event.eventId());
            String payee = e.payeeKind() == PayeeKind.HOUSEHOLD ? e.cardNo() : e.villageCode();
            near.computeIfAbsent(payee, key -> new ArrayList<>()).add(payment);
            near.computeIfAbsent(e.projectId(), key -> new ArrayList<>()).add(payment);
        }
    }

    @Override
    public List<Finding> findings(Instant now) {
        List<Finding> findings = new ArrayList<>();
        Duration window = Duration.ofDays(settings.splitWindowDays());
        near.forEach((subject, payments) -> {
            int first = 0;
            while (first < payments.size()) {
                int last = first;
                long totalFen = payments.get(first).amountFen();
                while (last + 1 < payments.size()
                        && !payments.get(last + 1).at().isAfter(payments.get(first).at().plus(window))) {
                    last++;
                    totalFen = Math.addExact(totalFen, payments.get(last).amountFen());
                }
                if (last > first && totalFen > settings.splitThresholdFen()) {
                    List<Payment> run = payments.subList(first, last + 1);
                    findings.add(new Finding(RULE, Severity.MEDIUM, subject, run.get(0).disbursementId(),
                            run.size() + " payments of " + Money.yuan(settings.splitNearFen()) + " to just below "
                                    + Money.yuan(settings.splitThresholdFen()) + " within "
                                    + settings.splitWindowDays() + " days, together " + Money.yuan(totalFen),
                            run.get(run.size() - 1).at(), run.stream().map(Payment::eventId).toList()));
                }
                first = last + 1;
            }
        });
        return findings;
    }
}
