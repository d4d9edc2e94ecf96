package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.fund.AppropriationView;
import cn.fupin.ledger.shared.fund.CountyFloorView;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.ProjectView;
import java.util.List;

/**
 * What the county page shows, as the query side answers it: appropriations with their document numbers, the county's
 * own budget against its floor per year, the competitive rounds, the county's projects (the page lists those that were
 * approved), grant coverage by township, the townships to walk down to, and the county's notices.
 */
public record CountyPage(
        PlacePath path,
        List<TownshipView> townships,
        List<AppropriationView> appropriations,
        List<CountyFloorView> countyFloors,
        List<CompetitionView> competitions,
        List<ProjectView> projects,
        List<GrantCoverageView> townshipCoverage,
        List<NoticeView> notices) {

    public CountyPage {
        townships = List.copyOf(townships);
        appropriations = List.copyOf(appropriations);
        countyFloors = List.copyOf(countyFloors);
        competitions = List.copyOf(competitions);
        projects = List.copyOf(projects);
        townshipCoverage = List.copyOf(townshipCoverage);
        notices = List.copyOf(notices);
    }
}
