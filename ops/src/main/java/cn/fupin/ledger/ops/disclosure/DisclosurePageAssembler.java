package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.CountyPage;
import cn.fupin.ledger.disclosure.page.CountyYearPage;
import cn.fupin.ledger.disclosure.page.NoticePage;
import cn.fupin.ledger.disclosure.page.PlacePath;
import cn.fupin.ledger.disclosure.page.PlaceYearPage;
import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.disclosure.page.TownshipPage;
import cn.fupin.ledger.disclosure.page.VillagePage;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.FindCompetitionsQuery;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.FindDisbursementsQuery;
import cn.fupin.ledger.shared.disbursement.FindGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.FindTownshipGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.FindVillageGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disclosure.FindNoticeQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticeSummariesQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticesQuery;
import cn.fupin.ledger.shared.disclosure.FindOpenNoticesQuery;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.disclosure.OpenNoticeView;
import cn.fupin.ledger.shared.fund.AppropriationView;
import cn.fupin.ledger.shared.fund.CountyFloorView;
import cn.fupin.ledger.shared.fund.FindAppropriationsQuery;
import cn.fupin.ledger.shared.fund.FindCountyFloorQuery;
import cn.fupin.ledger.shared.fund.FindFundsQuery;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.place.FindTownshipsQuery;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.FindProjectStartYearsQuery;
import cn.fupin.ledger.shared.project.FindProjectSummariesQuery;
import cn.fupin.ledger.shared.project.FindProjectsStartingInQuery;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Gathers what each public page shows, by asking the query side through Axon's {@link QueryGateway} with the query
 * messages of shared-events, and hands it to the pure renderers as one record per page. It decides nothing: which
 * projects are public, how amounts read, what is escaped — all of that is the renderers'.
 */
@Component
public class DisclosurePageAssembler {

    private static final String VILLAGE = "VILLAGE";
    /** How many notices a year's page reads at a time. */
    private static final int NOTICE_PAGE = 200;
    /** How many payments a village's year reads at a time. */
    private static final int DISBURSEMENT_PAGE = 200;

    private final QueryGateway queries;
    private final Gazetteer gazetteer;
    private final Clock clock;

    public DisclosurePageAssembler(QueryGateway queries, Gazetteer gazetteer, Clock clock) {
        this.queries = queries;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /**
     * The county page: summaries over every year, details of the current year, the newest county notices, and the
     * notices of every level open for objection now (one more is read, to know whether more are open). What it
     * asks costs the same however many years the ledger holds, but for one small query per year (the floors, and the
     * years that have notices).
     */
    public CountyPage county() {
        Place county = gazetteer.county();
        List<FundView> funds = list(new FindFundsQuery(null), FundView.class);
        TreeSet<Integer> fiscalYears = fiscalYears(funds);
        Integer current = fiscalYears.isEmpty() ? null : fiscalYears.last();
        List<NoticeView> newest = whenAnswered(() -> list(new FindNoticesQuery(NoticeLevel.COUNTY, county.code(), null,
                null, CountyPage.LATEST_NOTICES + 1), NoticeView.class), List.of());
        boolean older = newest.size() > CountyPage.LATEST_NOTICES;
        List<OpenNoticeView> open = whenAnswered(() -> list(new FindOpenNoticesQuery(CountyPage.OPEN_NOTICES + 1),
                OpenNoticeView.class), List.of());
        boolean moreOpen = open.size() > CountyPage.OPEN_NOTICES;
        return new CountyPage(PlacePath.county(county), townships(), years(fiscalYears, county.code()), funds,
                countyFloors(funds),
                current,
                current == null ? List.of() : list(new FindAppropriationsQuery(current, null, null, null),
                        AppropriationView.class),
                current == null ? List.of() : list(new FindCompetitionsQuery(current, null), CompetitionView.class),
                current == null ? List.of() : list(new FindProjectsStartingInQuery(current), ProjectSummaryView.class),
                list(new FindTownshipGrantCoverageQuery(county.code()), GrantCoverageView.class),
                older ? newest.subList(0, CountyPage.LATEST_NOTICES) : newest,
                older,
                moreOpen ? open.subList(0, CountyPage.OPEN_NOTICES) : open,
                moreOpen);
    }

    /**
     * The county's page of one year, or empty for a year without a fund, a project or a county notice (a year
     * outside 1000 to 9999 has none: the page's address holds four digits).
     */
    public Optional<CountyYearPage> countyYear(int year) {
        Place county = gazetteer.county();
        List<FundView> funds = list(new FindFundsQuery(null), FundView.class);
        List<Integer> years = years(fiscalYears(funds), county.code());
        if (!years.contains(year)) {
            return Optional.empty();
        }
        CountyFloorView floor = funds.stream().anyMatch(fund -> fund.fiscalYear() == year)
                ? join(queries.query(new FindCountyFloorQuery(year), CountyFloorView.class)) : null;
        return Optional.of(new CountyYearPage(PlacePath.county(county), year, years, townships(),
                list(new FindAppropriationsQuery(year, null, null, null), AppropriationView.class), floor,
                list(new FindCompetitionsQuery(year, null), CompetitionView.class),
                list(new FindProjectsStartingInQuery(year), ProjectSummaryView.class),
                countyNoticesOf(year, county.code())));
    }

    /** The years that have a county page of their own, newest first (what the county page links to). */
    public List<Integer> countyYears() {
        return years(fiscalYears(list(new FindFundsQuery(null), FundView.class)), gazetteer.county().code());
    }

    /** The fiscal years with a fund or a project starting in them (a round spends a fund of its year). */
    private TreeSet<Integer> fiscalYears(List<FundView> funds) {
        TreeSet<Integer> years = new TreeSet<>();
        funds.forEach(fund -> years.add(fund.fiscalYear()));
        years.addAll(list(new FindProjectStartYearsQuery(), Integer.class));
        return years;
    }

    /** The county's own budget against its floor, for every year with a fund. */
    private List<CountyFloorView> countyFloors(List<FundView> funds) {
        List<CountyFloorView> floors = new ArrayList<>();
        for (int year : new TreeSet<>(funds.stream().map(FundView::fiscalYear).toList())) {
            floors.add(join(queries.query(new FindCountyFloorQuery(year), CountyFloorView.class)));
        }
        return floors;
    }

    /** The fiscal years, and the years in which the county published notices, newest first. */
    private List<Integer> years(TreeSet<Integer> fiscalYears, String countyCode) {
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.addAll(fiscalYears);
        years.addAll(noticeYears(NoticeLevel.COUNTY, countyCode));
        return List.copyOf(years);
    }

    /** Every county notice published in {@code year}, newest first, read page by page from the year's end. */
    private List<NoticeView> countyNoticesOf(int year, String countyCode) {
        Instant start = Site.startOf(year);
        List<NoticeView> ofYear = new ArrayList<>();
        List<NoticeView> page = countyNoticesBefore(countyCode, Site.startOf(year + 1), NOTICE_PAGE);
        while (true) {
            for (NoticeView notice : page) {
                if (notice.publishedAt().isBefore(start)) {
                    return ofYear;
                }
                ofYear.add(notice);
            }
            if (page.size() < NOTICE_PAGE) {
                return ofYear;
            }
            NoticeView last = page.get(page.size() - 1);
            page = list(new FindNoticesQuery(NoticeLevel.COUNTY, countyCode, last.publishedAt(),
                    last.content().noticeId(), NOTICE_PAGE), NoticeView.class);
        }
    }

    /**
     * The newest county notices published before {@code before} ({@code null}: the newest of all), at most
     * {@code limit}. The notices' keyset takes those after a (time, id) in newest-first order; a microsecond before
     * {@code before} with the lowest id is that, at the precision the read model keeps ({@code DATETIME(6)}).
     */
    private List<NoticeView> countyNoticesBefore(String countyCode, Instant before, int limit) {
        return whenAnswered(() -> list(before == null
                ? new FindNoticesQuery(NoticeLevel.COUNTY, countyCode, null, null, limit)
                : new FindNoticesQuery(NoticeLevel.COUNTY, countyCode, before.minus(1, ChronoUnit.MICROS), "", limit),
                NoticeView.class), List.of());
    }

    /**
     * The page of the township with this code, or empty when there is none: its projects as summaries (no step is
     * read, however many payments a project made), its villages' coverage in one query, its newest notices (one more
     * is read, to know whether older ones exist) and the years that have notices, each a page of its own.
     */
    public Optional<TownshipPage> township(String code) {
        Optional<Place> township = gazetteer.township(code);
        if (township.isEmpty()) {
            return Optional.empty();
        }
        Optional<TownshipView> view = townships().stream().filter(t -> t.code().equals(code)).findFirst();
        if (view.isEmpty()) {
            return Optional.empty();
        }
        List<NoticeSummaryView> newest = noticesBefore(NoticeLevel.TOWNSHIP, code, null,
                TownshipPage.LATEST_NOTICES + 1);
        boolean older = newest.size() > TownshipPage.LATEST_NOTICES;
        return Optional.of(new TownshipPage(PlacePath.township(gazetteer.county(), township.get()), view.get(),
                list(FindProjectSummariesQuery.ofTownship(code), ProjectSummaryView.class),
                list(new FindVillageGrantCoverageQuery(code), GrantCoverageView.class),
                older ? newest.subList(0, TownshipPage.LATEST_NOTICES) : newest, older,
                noticeYears(NoticeLevel.TOWNSHIP, code)));
    }

    /**
     * The page of the village with this code, or empty when there is none: its projects as summaries, the payments
     * of the current year (the newest year with one), its newest notices, and the years that have payments or
     * notices, each a page of its own.
     */
    public Optional<VillagePage> village(String code) {
        Optional<Place> village = gazetteer.village(code);
        if (village.isEmpty()) {
            return Optional.empty();
        }
        Optional<Place> township = gazetteer.township(village.get().parentCode());
        Optional<TownshipView.VillageView> view = townships().stream()
                .flatMap(t -> t.villages().stream())
                .filter(v -> v.code().equals(code))
                .findFirst();
        if (township.isEmpty() || view.isEmpty()) {
            return Optional.empty();
        }
        List<ProjectSummaryView> projects = list(FindProjectSummariesQuery.ofVillage(code), ProjectSummaryView.class);
        List<Integer> paymentYears = disbursementYears(code);
        Integer current = paymentYears.isEmpty() ? null : paymentYears.get(0);
        List<DisbursementView> disbursements = current == null ? List.of() : disbursementsOf(current, code);
        List<NoticeSummaryView> newest = noticesBefore(NoticeLevel.VILLAGE, code, null, VillagePage.LATEST_NOTICES + 1);
        boolean older = newest.size() > VillagePage.LATEST_NOTICES;
        return Optional.of(new VillagePage(PlacePath.village(gazetteer.county(), township.get(), village.get()),
                view.get(), projects, current, disbursements, projectNames(projects, disbursements),
                coverage(code).orElse(null), older ? newest.subList(0, VillagePage.LATEST_NOTICES) : newest, older,
                placeYears(code, paymentYears)));
    }

    /**
     * The page of one year of a township or a village, or empty for a place of no page or a year without its notices
     * (or, for a village, its payments).
     */
    public Optional<PlaceYearPage> placeYear(String code, int year) {
        Optional<PlacePath> path = placePath(code);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        boolean isVillage = path.get().village() != null;
        List<Integer> years = placeYears(code);
        if (!years.contains(year)) {
            return Optional.empty();
        }
        List<DisbursementView> disbursements = isVillage ? disbursementsOf(year, code) : List.of();
        return Optional.of(new PlaceYearPage(path.get(), year, years,
                noticesOf(isVillage ? NoticeLevel.VILLAGE : NoticeLevel.TOWNSHIP, code, year), disbursements,
                projectNames(List.of(), disbursements)));
    }

    /**
     * The years that have a page of a township (those with its notices) or of a village (those with its notices or
     * its payments), newest first; empty for a code of no township or village.
     */
    public List<Integer> placeYears(String code) {
        if (gazetteer.hasVillage(code)) {
            return placeYears(code, disbursementYears(code));
        }
        return gazetteer.township(code).isPresent() ? noticeYears(NoticeLevel.TOWNSHIP, code) : List.of();
    }

    private List<Integer> placeYears(String villageCode, List<Integer> paymentYears) {
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.addAll(paymentYears);
        years.addAll(noticeYears(NoticeLevel.VILLAGE, villageCode));
        return List.copyOf(years);
    }

    private Optional<PlacePath> placePath(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<Place> village = gazetteer.village(code);
        if (village.isPresent()) {
            return gazetteer.township(village.get().parentCode())
                    .map(township -> PlacePath.village(gazetteer.county(), township, village.get()));
        }
        return gazetteer.township(code).map(township -> PlacePath.township(gazetteer.county(), township));
    }

    /**
     * The name of each project the page names: those it lists, and the project of each payment it lists (a
     * household's grant may come from a project of another village), read for all of these at once, as summaries.
     */
    private Map<String, String> projectNames(List<ProjectSummaryView> listed, List<DisbursementView> disbursements) {
        Map<String, String> names = new HashMap<>();
        listed.forEach(project -> names.put(project.projectId(), project.name()));
        List<String> missing = disbursements.stream().map(DisbursementView::projectId)
                .filter(id -> id != null && !names.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            list(FindProjectSummariesQuery.withIds(missing), ProjectSummaryView.class)
                    .forEach(project -> names.put(project.projectId(), project.name()));
        }
        return names;
    }

    /**
     * The years in which a payment to the village or its households was requested, newest first: the first payment,
     * then the first one from the start of the next year on, and so on, one payment read per year.
     */
    private List<Integer> disbursementYears(String villageCode) {
        List<Integer> years = new ArrayList<>();
        Instant from = null;
        while (true) {
            List<DisbursementView> first = list(from == null
                    ? new FindDisbursementsQuery(null, villageCode, null, null, null, null, null, 1)
                    : new FindDisbursementsQuery(null, villageCode, null, null, null, from, "", 1),
                    DisbursementView.class);
            if (first.isEmpty()) {
                List<Integer> newestFirst = new ArrayList<>(years);
                Collections.reverse(newestFirst);
                return List.copyOf(newestFirst);
            }
            int year = Site.yearOf(first.get(0).requestedAt());
            if (!years.isEmpty() && year <= years.get(years.size() - 1)) {
                throw new IllegalStateException("the payments of village " + villageCode + " did not move past "
                        + year);
            }
            years.add(year);
            // The keyset takes those after (time, id) oldest first: after (the next year's start, "") is from it on.
            from = Site.startOf(year + 1);
        }
    }

    /** The payments to the village and its households requested in {@code year}, read page by page. */
    private List<DisbursementView> disbursementsOf(int year, String villageCode) {
        Instant end = Site.startOf(year + 1);
        List<DisbursementView> ofYear = new ArrayList<>();
        Instant afterAt = Site.startOf(year);
        String afterId = "";
        while (true) {
            List<DisbursementView> page = list(new FindDisbursementsQuery(null, villageCode, null, null, null, afterAt,
                    afterId, DISBURSEMENT_PAGE), DisbursementView.class);
            for (DisbursementView disbursement : page) {
                if (!disbursement.requestedAt().isBefore(end)) {
                    return ofYear;
                }
                ofYear.add(disbursement);
            }
            if (page.size() < DISBURSEMENT_PAGE) {
                return ofYear;
            }
            DisbursementView last = page.get(page.size() - 1);
            afterAt = last.requestedAt();
            afterId = last.disbursementId();
        }
    }

    /**
     * The years in which the county, a township or a village published notices, newest first: the newest notice, then the newest
     * one before the start of its year, and so on, one notice read per year.
     */
    private List<Integer> noticeYears(NoticeLevel level, String placeCode) {
        List<Integer> years = new ArrayList<>();
        Instant before = null;
        while (true) {
            List<NoticeSummaryView> newest = noticesBefore(level, placeCode, before, 1);
            if (newest.isEmpty()) {
                return years;
            }
            int year = Site.yearOf(newest.get(0).publishedAt());
            years.add(year);
            before = Site.startOf(year);
        }
    }

    /** Every notice of a township or a village published in {@code year}, newest first, read page by page. */
    private List<NoticeSummaryView> noticesOf(NoticeLevel level, String placeCode, int year) {
        Instant start = Site.startOf(year);
        List<NoticeSummaryView> ofYear = new ArrayList<>();
        List<NoticeSummaryView> page = noticesBefore(level, placeCode, Site.startOf(year + 1), NOTICE_PAGE);
        while (true) {
            for (NoticeSummaryView notice : page) {
                if (notice.publishedAt().isBefore(start)) {
                    return ofYear;
                }
                ofYear.add(notice);
            }
            if (page.size() < NOTICE_PAGE) {
                return ofYear;
            }
            NoticeSummaryView last = page.get(page.size() - 1);
            page = whenAnswered(() -> list(new FindNoticeSummariesQuery(level, placeCode, last.publishedAt(),
                    last.noticeId(), NOTICE_PAGE), NoticeSummaryView.class), List.of());
        }
    }

    /**
     * The newest notices of a township or a village published before {@code before} ({@code null}: the newest of
     * all), at most {@code limit}, as summaries (never their published bytes); see {@link #countyNoticesBefore}.
     */
    private List<NoticeSummaryView> noticesBefore(NoticeLevel level, String placeCode, Instant before, int limit) {
        return whenAnswered(() -> list(before == null
                ? new FindNoticeSummariesQuery(level, placeCode, null, null, limit)
                : new FindNoticeSummariesQuery(level, placeCode, before.minus(1, ChronoUnit.MICROS), "", limit),
                NoticeSummaryView.class), List.of());
    }

    /**
     * A published notice's page as the ledger serves it, as of now by the ledger's clock (which decides whether the
     * page offers the objection form), or empty when there is no such notice (or the id cannot name a file of the
     * static site, which no notice id of the ledger does).
     */
    public Optional<NoticePage> notice(String noticeId) {
        if (!Site.isSafeNoticeId(noticeId)) {
            return Optional.empty();
        }
        Optional<NoticeView> notice = whenAnswered(() -> join(queries.query(new FindNoticeQuery(noticeId),
                ResponseTypes.optionalInstanceOf(NoticeView.class))), Optional.empty());
        return notice.filter(view -> view.content() != null)
                .map(view -> NoticePage.live(pathOf(view.content()), view, clock.instant()));
    }

    private PlacePath pathOf(NoticeContent notice) {
        return placePath(notice.placeCode()).orElseGet(() -> PlacePath.county(gazetteer.county()));
    }

    private List<TownshipView> townships() {
        return list(new FindTownshipsQuery(), TownshipView.class);
    }

    private Optional<GrantCoverageView> coverage(String villageCode) {
        return join(queries.query(new FindGrantCoverageQuery(VILLAGE, villageCode),
                ResponseTypes.optionalInstanceOf(GrantCoverageView.class)));
    }

    private <R> List<R> list(Object query, Class<R> type) {
        return join(queries.query(query, ResponseTypes.multipleInstancesOf(type)));
    }

    /**
     * The answer, or {@code fallback} when no handler answers the query at all. Only Axon's "no handler" counts: it
     * means the read model is not part of this ledger yet (the notice read model arrives with the notices); any other
     * failure is a failure and propagates.
     */
    static <T> T whenAnswered(Supplier<T> query, T fallback) {
        try {
            return query.get();
        } catch (NoHandlerForQueryException e) {
            return fallback;
        }
    }

    /** Waits for the answer; a failed query throws its own cause, not a wrapper. */
    private static <T> T join(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
