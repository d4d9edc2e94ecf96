package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.ProjectView;
import java.util.List;

/**
 * What a township page shows: its villages (poor villages marked) with the project money allocated to each and their
 * start-up grant coverage, the township's projects (the page lists those that were approved), and its notices.
 */
public record TownshipPage(
        PlacePath path,
        TownshipView township,
        List<ProjectView> projects,
        List<GrantCoverageView> villageCoverage,
        List<NoticeView> notices) {

    public TownshipPage {
        if (path.township() == null || path.village() != null) {
            throw new IllegalArgumentException("a township page's path ends at its township");
        }
        projects = List.copyOf(projects);
        villageCoverage = List.copyOf(villageCoverage);
        notices = List.copyOf(notices);
    }
}
