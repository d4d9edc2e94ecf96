package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.disclosure.OpenNoticeView;
import cn.fupin.ledger.shared.fund.AppropriationView;
import cn.fupin.ledger.shared.fund.CountyFloorView;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import java.util.List;

/**
 * What the county page shows, as the query side answers it: a page whose size does not grow with the years. The
 * summaries span every year (money received by year and source, the county's own budget against its floor, grant
 * coverage by township); the details are those of the current year (its appropriations with their document numbers,
 * its competitive rounds, the projects starting in it) and the newest county notices; every year's details and notices
 * are on that year's page ({@link CountyYearPage}), linked from here.
 *
 * @param years        every year with a fund, a round, a project or a county notice, newest first
 * @param funds        every fund (one per fiscal year and source): what was appropriated to it
 * @param currentYear  the newest fiscal year with a fund, a round or a project, shown in detail; {@code null} if none
 * @param notices      the newest county notices, at most {@link #LATEST_NOTICES}
 * @param olderNotices whether the county has notices older than those
 * @param openNotices  the notices of every level still open for objection (公示中), the newest first, at most
 *                     {@link #OPEN_NOTICES}
 * @param moreOpen     whether more notices than those are open
 */
public record CountyPage(
        PlacePath path,
        List<TownshipView> townships,
        List<Integer> years,
        List<FundView> funds,
        List<CountyFloorView> countyFloors,
        Integer currentYear,
        List<AppropriationView> appropriations,
        List<CompetitionView> competitions,
        List<ProjectSummaryView> projects,
        List<GrantCoverageView> townshipCoverage,
        List<NoticeView> notices,
        boolean olderNotices,
        List<OpenNoticeView> openNotices,
        boolean moreOpen) {

    /** How many of the newest county notices the county page lists. */
    public static final int LATEST_NOTICES = 20;

    /** How many notices open for objection the county page's summary lists (the newest). */
    public static final int OPEN_NOTICES = 30;

    public CountyPage {
        townships = List.copyOf(townships);
        years = List.copyOf(years);
        funds = List.copyOf(funds);
        countyFloors = List.copyOf(countyFloors);
        appropriations = List.copyOf(appropriations);
        competitions = List.copyOf(competitions);
        projects = List.copyOf(projects);
        townshipCoverage = List.copyOf(townshipCoverage);
        notices = List.copyOf(notices);
        openNotices = List.copyOf(openNotices);
        if (notices.size() > LATEST_NOTICES) {
            throw new IllegalArgumentException("the county page lists at most " + LATEST_NOTICES + " notices");
        }
        if (openNotices.size() > OPEN_NOTICES) {
            throw new IllegalArgumentException("the county page lists at most " + OPEN_NOTICES + " open notices");
        }
    }

    /** A county page with no notice open for objection (a ledger before its notices, and the older tests). */
    public CountyPage(PlacePath path, List<TownshipView> townships, List<Integer> years, List<FundView> funds,
                      List<CountyFloorView> countyFloors, Integer currentYear, List<AppropriationView> appropriations,
                      List<CompetitionView> competitions, List<ProjectSummaryView> projects,
                      List<GrantCoverageView> townshipCoverage, List<NoticeView> notices, boolean olderNotices) {
        this(path, townships, years, funds, countyFloors, currentYear, appropriations, competitions, projects,
                townshipCoverage, notices, olderNotices, List.of(), false);
    }
}
