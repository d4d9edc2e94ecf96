package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import java.util.List;
import java.util.Map;

/**
 * What a village page shows, in a size that does not grow with the years: its projects in full but without their
 * steps (the page lists those that were approved, each with what it has paid and in how many payments), its coverage
 * over every year, the payments to the village and the start-up grants of its households (head's masked name, amount,
 * state) requested in the current year, and its newest notices. Every other year's payments and grants, and every
 * notice, are on the page of their year ({@link PlaceYearPage}), linked from here.
 *
 * @param currentYear   the newest year in which a payment to the village or its households was requested, whose
 *                      payments the page lists; {@code null} when there is none
 * @param disbursements the payments to the village and its households requested in {@code currentYear}
 * @param projectNames  the name of the project of each payment (a grant may come from a project of another village)
 * @param notices       the newest village notices, at most {@link #LATEST_NOTICES}
 * @param olderNotices  whether the village has notices older than those
 * @param years         every year with a payment or a village notice, newest first (each has a page)
 */
public record VillagePage(
        PlacePath path,
        TownshipView.VillageView village,
        List<ProjectSummaryView> projects,
        Integer currentYear,
        List<DisbursementView> disbursements,
        Map<String, String> projectNames,
        GrantCoverageView coverage,
        List<NoticeSummaryView> notices,
        boolean olderNotices,
        List<Integer> years) {

    /** How many of the newest notices a village page lists, as many as the county page does. */
    public static final int LATEST_NOTICES = CountyPage.LATEST_NOTICES;

    public VillagePage {
        if (path.village() == null) {
            throw new IllegalArgumentException("a village page's path ends at its village");
        }
        projects = List.copyOf(projects);
        disbursements = List.copyOf(disbursements);
        projectNames = Map.copyOf(projectNames);
        notices = List.copyOf(notices);
        years = List.copyOf(years);
        if (notices.size() > LATEST_NOTICES) {
            throw new IllegalArgumentException("a village page lists at most " + LATEST_NOTICES + " notices");
        }
        if (currentYear == null && !disbursements.isEmpty()) {
            throw new IllegalArgumentException("a village page's payments are those of its current year");
        }
    }
}
