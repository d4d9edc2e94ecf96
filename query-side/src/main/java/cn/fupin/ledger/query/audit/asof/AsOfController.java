package cn.fupin.ledger.query.audit.asof;

import cn.fupin.ledger.query.audit.AuditCsv;
import cn.fupin.ledger.query.audit.LedgerEvents;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.journal.TrialBalanceView;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * As-of views for auditors, each computed by one walk over the events recorded at or before {@code asOf} (ledger
 * time; now when left out), not from today's read models: {@code GET /api/audit/trial-balance/from-events},
 * {@code /api/audit/funds}, {@code /api/audit/projects} and {@code /api/audit/coverage}; JSON or CSV.
 */
@RestController
class AsOfController {

    private final LedgerEvents events;
    private final Clock clock;

    AsOfController(LedgerEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Funds as of the instant. */
    record FundsAsOf(Instant asOf, List<FundView> funds) {
    }

    /** Projects as of the instant. */
    record ProjectsAsOf(Instant asOf, List<LedgerAsOf.ProjectAsOf> projects) {
    }

    /** Coverage as of the instant. */
    record CoverageAsOfView(Instant asOf, List<LedgerAsOf.CoverageAsOf> places) {
    }

    @GetMapping("/api/audit/trial-balance/from-events")
    ResponseEntity<?> trialBalance(@RequestParam(required = false) String asOf,
                                   @RequestHeader(value = "Accept", required = false) String accept) {
        TrialBalanceView view = replay(asOf).trialBalance();
        return answer(accept, view, "account,balanceFen", view.accounts(),
                a -> Arrays.asList(a.account(), a.balanceFen()));
    }

    @GetMapping("/api/audit/funds")
    ResponseEntity<?> funds(@RequestParam(required = false) String asOf,
                            @RequestHeader(value = "Accept", required = false) String accept) {
        LedgerAsOf ledger = replay(asOf);
        FundsAsOf view = new FundsAsOf(ledger.asOf(), ledger.funds());
        return answer(accept, view, "fundId,fiscalYear,source,appropriatedFen,reservedFen,disbursedFen,availableFen",
                view.funds(), f -> Arrays.asList(f.fundId(), f.fiscalYear(), f.source(), f.appropriatedFen(),
                        f.reservedFen(), f.disbursedFen(), f.availableFen()));
    }

    @GetMapping("/api/audit/projects")
    ResponseEntity<?> projects(@RequestParam(required = false) String asOf,
                               @RequestHeader(value = "Accept", required = false) String accept) {
        LedgerAsOf ledger = replay(asOf);
        ProjectsAsOf view = new ProjectsAsOf(ledger.asOf(), ledger.projects());
        return answer(accept, view, "projectId,name,villageCode,townshipCode,status,budgetTotalFen,reservedFen,"
                + "pendingFen,paidFen", view.projects(), p -> Arrays.asList(p.projectId(), p.name(), p.villageCode(),
                p.townshipCode(), p.status(), p.budgetTotalFen(), p.reservedFen(), p.pendingFen(), p.paidFen()));
    }

    @GetMapping("/api/audit/coverage")
    ResponseEntity<?> coverage(@RequestParam(required = false) String asOf,
                               @RequestHeader(value = "Accept", required = false) String accept) {
        LedgerAsOf ledger = replay(asOf);
        CoverageAsOfView view = new CoverageAsOfView(ledger.asOf(), ledger.coverage());
        return answer(accept, view, "level,code,registered,granted,grantedFen", view.places(),
                c -> Arrays.asList(c.level(), c.code(), c.registered(), c.granted(), c.grantedFen()));
    }

    private LedgerAsOf replay(String asOf) {
        LedgerAsOf ledger = new LedgerAsOf(AuditCsv.asOf(asOf, clock));
        events.walk(-1, event -> {
            ledger.accept(event);
            return true;
        });
        return ledger;
    }

    private static <T> ResponseEntity<?> answer(String accept, Object json, String header, List<T> rows,
                                                Function<T, List<Object>> cells) {
        if (AuditCsv.wanted(accept)) {
            return ResponseEntity.ok().contentType(AuditCsv.TEXT_CSV)
                    .body(AuditCsv.of(header, rows.stream().map(cells).toList()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }
}
