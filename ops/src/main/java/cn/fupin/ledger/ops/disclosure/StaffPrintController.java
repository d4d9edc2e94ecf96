package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.GrantListPrint;
import cn.fupin.ledger.disclosure.page.Pages;
import cn.fupin.ledger.disclosure.page.PlacePath;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.FindDisbursementsQuery;
import cn.fupin.ledger.shared.household.FindVillageHeadNamesQuery;
import cn.fupin.ledger.shared.household.HeadNameView;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The copy of a village's grant list that staff print for the village notice board
 * ({@code GET /api/print/villages/{code}/grant-list}, CLERK, APPROVER, AUDITOR): with the heads' full names unless
 * {@code ledger.disclosure.print-full-names} is off, because on the board neighbours check neighbours. Under
 * {@code /api}, so it needs a login; the public pages under {@code /disclosure/} only ever show masked names.
 */
@RestController
class StaffPrintController {

    private final QueryGateway queries;
    private final Gazetteer gazetteer;
    private final boolean fullNames;

    StaffPrintController(QueryGateway queries, Gazetteer gazetteer,
                         @Value("${ledger.disclosure.print-full-names:true}") boolean fullNames) {
        this.queries = queries;
        this.gazetteer = gazetteer;
        this.fullNames = fullNames;
    }

    @GetMapping("/api/print/villages/{code}/grant-list")
    ResponseEntity<byte[]> grantList(@PathVariable String code) {
        Place village = gazetteer.village(code)
                .orElseThrow(() -> Refusal.notFound("VILLAGE_NOT_FOUND", "no village of the county has this code"));
        Place township = gazetteer.township(village.parentCode()).orElseThrow();
        List<DisbursementView> grants = queries.query(new FindDisbursementsQuery(null, code, null, null),
                ResponseTypes.multipleInstancesOf(DisbursementView.class)).join();
        Map<String, String> names = new HashMap<>();
        if (fullNames) {
            queries.query(new FindVillageHeadNamesQuery(code), ResponseTypes.multipleInstancesOf(HeadNameView.class))
                    .join().forEach(name -> names.put(name.cardNo(), name.headName()));
        }
        byte[] html = Pages.grantListPrint(new GrantListPrint(PlacePath.village(gazetteer.county(), township, village),
                grants, names, fullNames));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(html);
    }
}
