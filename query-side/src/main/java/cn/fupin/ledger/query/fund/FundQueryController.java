package cn.fupin.ledger.query.fund;

import cn.fupin.ledger.query.common.KeysetPage;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.fund.AppropriationView;
import cn.fupin.ledger.shared.fund.CountyFloorView;
import cn.fupin.ledger.shared.fund.FindAppropriationsQuery;
import cn.fupin.ledger.shared.fund.FindCountyFloorQuery;
import cn.fupin.ledger.shared.fund.FindFundsQuery;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.fund.FundView;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Fund balances, appropriations and the county-budget floor. */
@RestController
class FundQueryController {

    private final QueryGateway queries;

    FundQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/funds")
    List<FundView> funds(@RequestParam(required = false) Integer fiscalYear) {
        requireYear(fiscalYear);
        return queries.query(new FindFundsQuery(fiscalYear), ResponseTypes.multipleInstancesOf(FundView.class)).join();
    }

    /** Oldest first (recording time, then id), paged by {@link KeysetPage} ({@code size}, {@code after}). */
    @GetMapping("/api/funds/appropriations")
    ResponseEntity<List<AppropriationView>> appropriations(@RequestParam(required = false) Integer fiscalYear,
                                                           @RequestParam(required = false) Integer size,
                                                           @RequestParam(required = false) String after) {
        KeysetPage page = KeysetPage.of("appropriations", size, after);
        requireYear(fiscalYear);
        List<AppropriationView> fetched = queries.query(new FindAppropriationsQuery(fiscalYear, page.afterInstant(),
                page.afterId(), page.fetch()), ResponseTypes.multipleInstancesOf(AppropriationView.class)).join();
        return page.answer(fetched, AppropriationView::recordedAt, AppropriationView::appropriationId);
    }

    @GetMapping("/api/funds/county-floor")
    CountyFloorView countyFloor(@RequestParam int fiscalYear) {
        requireYear(fiscalYear);
        return queries.query(new FindCountyFloorQuery(fiscalYear), CountyFloorView.class).join();
    }

    private static void requireYear(Integer fiscalYear) {
        if (fiscalYear != null && !FiscalYear.isValid(fiscalYear)) {
            throw Refusal.invalidField("FISCAL_YEAR_OUT_OF_RANGE", "fiscalYear", "the fiscal year is outside 2000-2100");
        }
    }
}
