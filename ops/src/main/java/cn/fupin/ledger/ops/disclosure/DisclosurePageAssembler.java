package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.CountyPage;
import cn.fupin.ledger.disclosure.page.NoticePage;
import cn.fupin.ledger.disclosure.page.PlacePath;
import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.disclosure.page.TownshipPage;
import cn.fupin.ledger.disclosure.page.VillagePage;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.FindCompetitionsQuery;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.FindDisbursementsQuery;
import cn.fupin.ledger.shared.disbursement.FindGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.FindTownshipGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disclosure.FindNoticeQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticesQuery;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticeView;
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
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.FindProjectsQuery;
import cn.fupin.ledger.shared.project.ProjectView;
import java.time.Clock;
import java.util.ArrayList;
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

    public CountyPage county() {
        Place county = gazetteer.county();
        List<AppropriationView> appropriations = list(new FindAppropriationsQuery(null), AppropriationView.class);
        TreeSet<Integer> years = new TreeSet<>();
        appropriations.forEach(appropriation -> years.add(appropriation.fiscalYear()));
        list(new FindFundsQuery(null), FundView.class).forEach(fund -> years.add(fund.fiscalYear()));
        List<CountyFloorView> floors = new ArrayList<>();
        for (int year : years) {
            floors.add(join(queries.query(new FindCountyFloorQuery(year), CountyFloorView.class)));
        }
        return new CountyPage(PlacePath.county(county), townships(), appropriations, floors,
                list(new FindCompetitionsQuery(null), CompetitionView.class),
                list(new FindProjectsQuery(null, null, null), ProjectView.class),
                list(new FindTownshipGrantCoverageQuery(county.code()), GrantCoverageView.class),
                notices(NoticeLevel.COUNTY, county.code()));
    }

    /** The page of the township (9 digits) or village (12 digits) with this code, or empty when there is none. */
    public Optional<TownshipPage> township(String code) {
        Optional<Place> township = gazetteer.township(code);
        if (township.isEmpty()) {
            return Optional.empty();
        }
        Optional<TownshipView> view = townships().stream().filter(t -> t.code().equals(code)).findFirst();
        if (view.isEmpty()) {
            return Optional.empty();
        }
        List<GrantCoverageView> coverage = new ArrayList<>();
        for (TownshipView.VillageView village : view.get().villages()) {
            coverage(village.code()).ifPresent(coverage::add);
        }
        return Optional.of(new TownshipPage(PlacePath.township(gazetteer.county(), township.get()), view.get(),
                list(new FindProjectsQuery(code, null, null), ProjectView.class), coverage,
                notices(NoticeLevel.TOWNSHIP, code)));
    }

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
        List<ProjectView> projects = list(new FindProjectsQuery(null, code, null), ProjectView.class);
        List<DisbursementView> disbursements = list(new FindDisbursementsQuery(null, code, null, null),
                DisbursementView.class);
        Map<String, String> projectNames = new HashMap<>();
        projects.forEach(project -> projectNames.put(project.projectId(), project.name()));
        // A household's grant may come from a project of another village of the township: name it too.
        for (DisbursementView disbursement : disbursements) {
            if (!projectNames.containsKey(disbursement.projectId())) {
                join(queries.query(new FindProjectQuery(disbursement.projectId()),
                        ResponseTypes.optionalInstanceOf(ProjectView.class)))
                        .ifPresent(project -> projectNames.put(project.projectId(), project.name()));
            }
        }
        return Optional.of(new VillagePage(PlacePath.village(gazetteer.county(), township.get(), village.get()),
                view.get(), projects, disbursements, projectNames, coverage(code).orElse(null),
                notices(NoticeLevel.VILLAGE, code)));
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

    /** The notices published for a place; none while the ledger has no notice read model to ask. */
    List<NoticeView> notices(NoticeLevel level, String placeCode) {
        return whenAnswered(() -> list(new FindNoticesQuery(level, placeCode), NoticeView.class), List.of());
    }

    private PlacePath pathOf(NoticeContent notice) {
        String code = notice.placeCode() == null ? "" : notice.placeCode();
        Optional<Place> village = gazetteer.village(code);
        if (village.isPresent()) {
            Optional<Place> township = gazetteer.township(village.get().parentCode());
            if (township.isPresent()) {
                return PlacePath.village(gazetteer.county(), township.get(), village.get());
            }
        }
        return gazetteer.township(code)
                .map(township -> PlacePath.township(gazetteer.county(), township))
                .orElseGet(() -> PlacePath.county(gazetteer.county()));
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
