package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disbursement.DisbursementView;
import java.util.List;
import java.util.Map;

/**
 * The copy of a village's start-up grant list that staff print for the village notice board (张贴用): its purpose is
 * neighbours checking neighbours, so it shows the heads' full names when {@code fullNames} is on (the setting
 * {@code ledger.disclosure.print-full-names}, default on) and the masked names otherwise. Served only to logged-in
 * staff, never under {@code /disclosure/}; still no ID number, bank card, phone, health status or cause of poverty.
 *
 * @param headNames the heads' full names by card number (only read when {@code fullNames} is on)
 */
public record GrantListPrint(PlacePath path, List<DisbursementView> grants, Map<String, String> headNames,
                             boolean fullNames) {

    public GrantListPrint {
        if (path.village() == null) {
            throw new IllegalArgumentException("a grant list belongs to a village");
        }
        grants = List.copyOf(grants);
        headNames = Map.copyOf(headNames);
    }
}
