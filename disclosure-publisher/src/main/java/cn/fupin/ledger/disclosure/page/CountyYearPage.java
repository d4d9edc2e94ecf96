package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.fund.AppropriationView;
import cn.fupin.ledger.shared.fund.CountyFloorView;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import java.util.List;

/**
 * What the county's page of one year shows ({@link Site#year}): the fiscal year's appropriations, the county's own
 * budget against its floor, its competitive rounds and the projects starting in it, and every county notice published
 * in that year (on the county's notice board's calendar).
 *
 * @param years       every year that has a page, newest first (to walk from one to another)
 * @param countyFloor the county's own budget of the year against its floor, or {@code null} when it has none
 */
public record CountyYearPage(
        PlacePath path,
        int year,
        List<Integer> years,
        List<TownshipView> townships,
        List<AppropriationView> appropriations,
        CountyFloorView countyFloor,
        List<CompetitionView> competitions,
        List<ProjectSummaryView> projects,
        List<NoticeView> notices) {

    public CountyYearPage {
        years = List.copyOf(years);
        townships = List.copyOf(townships);
        appropriations = List.copyOf(appropriations);
        competitions = List.copyOf(competitions);
        projects = List.copyOf(projects);
        notices = List.copyOf(notices);
    }
}
