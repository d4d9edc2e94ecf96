package cn.fupin.ledger.query.coverage;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.FindGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.FindTownshipGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/grants/coverage?level=county|township|village&code=}: registered households, those granted and the
 * fen granted, for the county (the code may be left out), a township (9 digits) or a village (12 digits). A level
 * left out is the county. A bad level or a code of the wrong shape is a 422 naming the parameter; a place outside
 * the county is a 404. {@code GET /api/grants/coverage/townships}: every township of the county with its coverage.
 */
@RestController
class CoverageQueryController {

    private final QueryGateway queries;

    CoverageQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/grants/coverage")
    GrantCoverageView coverage(@RequestParam(required = false) String level,
                               @RequestParam(required = false) String code) {
        String kind = level == null || level.isBlank() ? CoverageQueries.COUNTY : level.toUpperCase(Locale.ROOT);
        code = code == null || code.isBlank() ? null : code;
        switch (kind) {
            case CoverageQueries.COUNTY -> requireShape(code, "\\d{6}", true, "INVALID_COUNTY_CODE",
                    "a county code has 6 digits");
            case CoverageQueries.TOWNSHIP -> requireShape(code, "\\d{9}", false, "INVALID_TOWNSHIP_CODE",
                    "a township code has 9 digits");
            case CoverageQueries.VILLAGE -> requireShape(code, "\\d{12}", false, "INVALID_VILLAGE_CODE",
                    "a village code has 12 digits");
            default -> throw Refusal.invalidField("INVALID_COVERAGE_LEVEL", "level",
                    "the level is county, township or village");
        }
        Optional<GrantCoverageView> found = queries.query(new FindGrantCoverageQuery(kind, code),
                ResponseTypes.optionalInstanceOf(GrantCoverageView.class)).join();
        return found.orElseThrow(() -> Refusal.notFound("PLACE_NOT_FOUND", "no such place in the county"));
    }

    @GetMapping("/api/grants/coverage/townships")
    List<GrantCoverageView> townships() {
        return queries.query(new FindTownshipGrantCoverageQuery(null),
                ResponseTypes.multipleInstancesOf(GrantCoverageView.class)).join();
    }

    private static void requireShape(String code, String shape, boolean optional, String refusal, String message) {
        if (code == null ? !optional : !code.matches(shape)) {
            throw Refusal.invalidField(refusal, "code", message);
        }
    }
}
