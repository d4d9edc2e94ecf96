package cn.fupin.ledger.shared.place;

import java.util.List;

/** A township and its villages, as {@code GET /api/places/townships} shows them. */
public record TownshipView(String code, String name, List<VillageView> villages) {

    /** A village; {@code poorVillageYears} are the years it was designated a poor village, ascending. */
    public record VillageView(String code, String name, boolean poorVillage, List<Integer> poorVillageYears) {
    }
}
