package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.ops.audit.LastReconciliation;
import cn.fupin.ledger.query.audit.reconciliation.Reconciliation;
import cn.fupin.ledger.query.audit.reconciliation.ReconciliationView;
import cn.fupin.ledger.shared.audit.ReconciliationDifference;
import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import cn.fupin.ledger.shared.journal.CheckJournalQuery;
import cn.fupin.ledger.shared.journal.JournalCheckView;
import cn.fupin.ledger.shared.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Verifying the ledger (核对账本), the auditor's question "do the books agree with the events?": the last
 * reconciliation recorded (the hourly task's result, an event itself), a reconciliation run now on request (the
 * journal, the aggregates' own rules over their events and the read models compared fund by fund and project by
 * project, as {@code GET /api/audit/reconciliation} runs it), and the journal's self-check as of a day (as
 * {@code GET /api/audit/journal-check}). Both runs read much of the store, so they run only when asked (a button),
 * never on opening the page. Reading changes nothing, so the buttons are plain GET forms.
 */
@Controller
class LedgerCheckScreen {

    static final String PATH = "/app/audit/checks";
    /** At most this many differences are shown; the API names them all. */
    static final int DIFFERENCES_SHOWN = 100;

    /** The journal's checks by their stable names, in Chinese. */
    private static final Map<String, String> CHECKS = Map.of(
            "EVENT_POSTINGS_BALANCE", "每个事件的分录借贷相等",
            "POSTINGS_HAVE_EVENTS", "每条分录都有产生它的事件",
            "EVENTS_POSTED", "每个涉及资金的事件都已记账",
            "ACCOUNT_SIGNS", "各账户余额方向正确（无负余额）",
            "APPROPRIATIONS_MATCH", "资金下达总额与总账一致");

    /** The measures a reconciliation compares, in Chinese. */
    private static final Map<String, String> MEASURES = Map.of(
            "appropriated", "已下达", "available", "可用", "reserved", "已预留", "paid", "已支付");

    private final LastReconciliation last;
    private final Reconciliation reconciliation;
    private final QueryGateway queries;
    private final Clock clock;

    LedgerCheckScreen(LastReconciliation last, Reconciliation reconciliation, QueryGateway queries, Clock clock) {
        this.last = last;
        this.reconciliation = reconciliation;
        this.queries = queries;
        this.clock = clock;
    }

    /** One difference as the page lists it. */
    record Difference(String subject, String measure, String journal, String aggregate, String readModel,
                      String difference) {

        static Difference of(ReconciliationDifference difference) {
            return new Difference(difference.subject(), MEASURES.getOrDefault(difference.measure(),
                    difference.measure()), yuan(difference.journal()), yuan(difference.aggregate()),
                    yuan(difference.readModel()), Money.yuan(difference.difference()));
        }

        private static String yuan(Long fen) {
            return fen == null ? "—" : Money.yuan(fen);
        }
    }

    /** One of the journal's checks as the page lists it. */
    record CheckLine(String name, boolean ok, List<String> failures) {
    }

    @GetMapping(PATH)
    String show(@RequestParam(name = "run", required = false) String run,
                @RequestParam(name = "asOf", required = false) String asOf, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        model.addAttribute("errors", errors);
        model.addAttribute("asOf", asOf == null ? "" : asOf);
        ReconciliationRecordedEvent recorded = last.last().orElse(null);
        model.addAttribute("recorded", recorded);
        if (recorded != null) {
            model.addAttribute("recordedAt", AuditDays.shown(recorded.checkedAt()));
            model.addAttribute("recordedDifferences", recorded.differences().stream().map(Difference::of).toList());
        }
        if ("reconciliation".equals(run)) {
            ReconciliationView now = reconciliation.run();
            model.addAttribute("now", now);
            model.addAttribute("nowAt", AuditDays.shown(now.checkedAt()));
            model.addAttribute("nowDifferences", now.differences().stream().limit(DIFFERENCES_SHOWN)
                    .map(Difference::of).toList());
        }
        if ("journal".equals(run)) {
            LocalDate day = AuditDays.day(asOf, "asOf", errors);
            if (errors.isEmpty()) {
                LocalDate shown = day == null ? AuditDays.today(clock) : day;
                JournalCheckView check = queries.query(new CheckJournalQuery(AuditDays.end(shown)),
                        JournalCheckView.class).join();
                model.addAttribute("journalDay", shown.toString());
                model.addAttribute("journal", check);
                model.addAttribute("journalChecks", check.checks().stream().map(line -> new CheckLine(
                        CHECKS.getOrDefault(line.check(), line.check()), line.ok(), line.failures())).toList());
            }
        }
        return "app/audit-checks";
    }
}
