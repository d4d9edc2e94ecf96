package cn.fupin.ledger.shared.household;

import org.axonframework.serialization.Revision;

/**
 * A household's village was corrected, for {@code reason}: it belongs to {@code villageCode} in
 * {@code townshipCode} from now on, no longer to {@code previousVillageCode} in {@code previousTownshipCode}. Both
 * places are named, so that whatever is counted by village (grant coverage, the village's lists) moves the household
 * without looking anything up.
 */
@Revision("1")
public record HouseholdVillageCorrectedEvent(
        String cardNo,
        String previousVillageCode,
        String previousTownshipCode,
        String villageCode,
        String townshipCode,
        String reason) {
}
