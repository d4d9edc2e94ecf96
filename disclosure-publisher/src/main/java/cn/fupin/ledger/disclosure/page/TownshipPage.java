package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import java.util.List;

/**
 * What a township page shows, in a size that does not grow with the years' payments and notices: its villages (poor
 * villages marked) with the project money allocated to each and their start-up grant coverage, the township's projects
 * as summaries (the page lists those that were approved, each with what it has paid and in how many payments, never
 * a row per payment), and its newest notices; every notice is on the page of the year it was published in
 * ({@link PlaceYearPage}), linked from here.
 *
 * @param notices      the newest township notices, at most {@link #LATEST_NOTICES}
 * @param olderNotices whether the township has notices older than those
 * @param years        every year in which the township published a notice, newest first (each has a page)
 */
public record TownshipPage(
        PlacePath path,
        TownshipView township,
        List<ProjectSummaryView> projects,
        List<GrantCoverageView> villageCoverage,
        List<NoticeSummaryView> notices,
        boolean olderNotices,
        List<Integer> years) {

    /** How many of the newest notices a township page lists, as many as the county page does. */
    public static final int LATEST_NOTICES = CountyPage.LATEST_NOTICES;

    public TownshipPage {
        if (path.township() == null || path.village() != null) {
            throw new IllegalArgumentException("a township page's path ends at its township");
        }
        projects = List.copyOf(projects);
        villageCoverage = List.copyOf(villageCoverage);
        notices = List.copyOf(notices);
        years = List.copyOf(years);
        if (notices.size() > LATEST_NOTICES) {
            throw new IllegalArgumentException("a township page lists at most " + LATEST_NOTICES + " notices");
        }
    }
}
