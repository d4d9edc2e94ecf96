package cn.fupin.ledger.query.household;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.household.FindHouseholdQuery;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdPersonalData;
import cn.fupin.ledger.shared.household.HouseholdView;
import cn.fupin.ledger.shared.household.RevealHouseholdPersonalDataCommand;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/households/{cardNo}}: ID and bank card masked (last four characters) for everyone but an
 * AUDITOR. An auditor's unmasked view is a command, so that the view itself is recorded as an event.
 */
@RestController
class HouseholdQueryController {

    static final String AUDITOR = "AUDITOR";

    private final QueryGateway queries;
    private final CommandGateway commands;

    HouseholdQueryController(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping("/api/households/{cardNo}")
    HouseholdView household(@PathVariable String cardNo, @RequestParam(required = false) String reason,
                            HttpServletRequest request) {
        HouseholdCardNo card;
        try {
            card = new HouseholdCardNo(cardNo);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        Optional<HouseholdView> found = queries.query(new FindHouseholdQuery(card.value()),
                ResponseTypes.optionalInstanceOf(HouseholdView.class)).join();
        HouseholdView view = found.orElseThrow(HouseholdQueryController::notFound);
        if (!request.isUserInRole(AUDITOR)) {
            return view;
        }
        HouseholdPersonalData plain = commands.sendAndWait(new RevealHouseholdPersonalDataCommand(card, reason));
        return new HouseholdView(view.cardNo(), view.headName(), plain.idNumber(), plain.bankCard(), view.villageCode(),
                view.villageName(), view.townshipCode(), view.townshipName(), view.members(), view.migrant(),
                view.status(), view.history(), view.grants());
    }

    private static Refusal notFound() {
        return Refusal.notFound("HOUSEHOLD_NOT_FOUND", "no household has this card number");
    }
}
