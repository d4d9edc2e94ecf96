package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.ProjectView;
import java.util.List;
import java.util.Map;

/**
 * What a village page shows: its projects in full (the page lists those that were approved), the start-up grants of
 * its households (head's masked name, amount, state), its coverage, and its notices. {@code disbursements} are the
 * payments to the village and its households; {@code projectNames} names the project of each (a grant may come from a
 * project of another village of the township).
 */
public record VillagePage(
        PlacePath path,
        TownshipView.VillageView village,
        List<ProjectView> projects,
        List<DisbursementView> disbursements,
        Map<String, String> projectNames,
        GrantCoverageView coverage,
        List<NoticeView> notices) {

    public VillagePage {
        if (path.village() == null) {
            throw new IllegalArgumentException("a village page's path ends at its village");
        }
        projects = List.copyOf(projects);
        disbursements = List.copyOf(disbursements);
        projectNames = Map.copyOf(projectNames);
        notices = List.copyOf(notices);
    }
}
