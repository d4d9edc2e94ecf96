package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import java.util.List;
import java.util.Map;

/**
 * What the page of one year of a township or a village shows ({@link Site#placeYear}): every notice of the place
 * published in that year (on the county's notice board's calendar) and, for a village, the payments to the village and
 * the start-up grants of its households requested in that year. A year's page lists one year however long the
 * history, so the place's own page can list only the newest.
 *
 * @param years         every year of the place that has a page, newest first (to walk from one to another)
 * @param disbursements a village's payments requested in {@code year}; always empty for a township
 * @param projectNames  the name of the project of each payment
 */
public record PlaceYearPage(
        PlacePath path,
        int year,
        List<Integer> years,
        List<NoticeSummaryView> notices,
        List<DisbursementView> disbursements,
        Map<String, String> projectNames) {

    public PlaceYearPage {
        if (path.township() == null) {
            throw new IllegalArgumentException("a year's page of a place is a township's or a village's");
        }
        if (path.village() == null && !disbursements.isEmpty()) {
            throw new IllegalArgumentException("a township's year page lists no payments");
        }
        years = List.copyOf(years);
        notices = List.copyOf(notices);
        disbursements = List.copyOf(disbursements);
        projectNames = Map.copyOf(projectNames);
    }

    /** The township or village whose year it is. */
    public String placeCode() {
        return path.place().code();
    }
}
