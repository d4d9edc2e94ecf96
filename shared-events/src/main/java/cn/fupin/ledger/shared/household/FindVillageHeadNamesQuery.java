package cn.fupin.ledger.shared.household;

/**
 * The heads' full names of a village's registered households, for the copy staff print for the village notice board
 * (neighbours checking neighbours). Never for a public page.
 */
public record FindVillageHeadNamesQuery(String villageCode) {
}
