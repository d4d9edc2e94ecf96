package cn.fupin.ledger.query.disbursement;

import cn.fupin.ledger.query.common.Readers;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.query.common.KeysetPage;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.FindDisbursementsQuery;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.ProjectId;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/disbursements?project=&village=&cardNo=&status=}: every filter optional (an empty parameter is no
 * filter), ordered by request time, then id. A status that is not one of {@link DisbursementStatus}, or an id or code
 * of the wrong shape, is a 422 naming the parameter. Paged by {@link KeysetPage} ({@code size}, {@code after}). A TOWNSHIP reader lists only payments to its own township
 * (a village or a household of it): the scope is added to whatever filters are given, never replaced by them.
 */
@RestController
class DisbursementQueryController {

    private final QueryGateway queries;

    DisbursementQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/disbursements")
    ResponseEntity<List<DisbursementView>> disbursements(@RequestParam(required = false) String project,
                                                         @RequestParam(required = false) String village,
                                                         @RequestParam(required = false) String cardNo,
                                                         @RequestParam(required = false) DisbursementStatus status,
                                                         @RequestParam(required = false) Integer size,
                                                         @RequestParam(required = false) String after) {
        KeysetPage page = KeysetPage.of("disbursements", size, after);
        project = given(project);
        village = given(village);
        cardNo = given(cardNo);
        require(project, ProjectId::new, "INVALID_PROJECT_ID", "project", "a project id looks like PRJ-2016-0001");
        require(village, VillageCode::new, "INVALID_VILLAGE_CODE", "village", "a village code has 12 digits");
        require(cardNo, HouseholdCardNo::new, "INVALID_CARD_NO", "cardNo",
                "a household card number is 1 to 32 letters, digits or hyphens");
        Actor reader = Readers.current();
        String township = null;
        if ("TOWNSHIP".equals(reader.role())) {
            if (reader.townshipCode() == null) {
                return ResponseEntity.ok(List.of());
            }
            township = reader.townshipCode();
        }
        List<DisbursementView> fetched = queries.query(new FindDisbursementsQuery(project, village, cardNo, status,
                township, page.afterInstant(), page.afterId(), page.fetch()),
                ResponseTypes.multipleInstancesOf(DisbursementView.class)).join();
        return page.answer(fetched, DisbursementView::requestedAt, DisbursementView::disbursementId);
    }

    /** An empty parameter ({@code ?village=}) means no filter, as an omitted one does. */
    private static String given(String parameter) {
        return parameter == null || parameter.isBlank() ? null : parameter;
    }

    private static void require(String value, Consumer<String> shape, String code, String field, String message) {
        if (value == null) {
            return;
        }
        try {
            shape.accept(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField(code, field, message);
        }
    }
}
