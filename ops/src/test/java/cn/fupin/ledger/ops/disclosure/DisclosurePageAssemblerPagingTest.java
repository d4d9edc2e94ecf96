package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.PlaceYearPage;
import cn.fupin.ledger.disclosure.page.TownshipPage;
import cn.fupin.ledger.disclosure.page.VillagePage;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.FindDisbursementsQuery;
import cn.fupin.ledger.shared.disbursement.FindGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.FindVillageGrantCoverageQuery;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.FindNoticeSummariesQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticesQuery;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.place.FindTownshipsQuery;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.FindProjectSummariesQuery;
import cn.fupin.ledger.shared.project.FindProjectsQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What the township and village pages ask the query side, and how they page it: the newest notices (one more, to
 * know of older ones) with every year's notices on the page of that year; a village's payments of the current year
 * with every year's on its page; projects as summaries; the villages' coverage in one query. The query side is played
 * by lists here that answer the keyset queries the way the read models do.
 */
class DisclosurePageAssemblerPagingTest {

    static final Gazetteer GAZETTEER = Gazetteer.forCounty("510824");
    static final String TOWNSHIP = "510824105";
    static final String VILLAGE = "510824105203";

    private final QueryGateway queries = mock(QueryGateway.class);
    private final DisclosurePageAssembler assembler =
            new DisclosurePageAssembler(queries, GAZETTEER, Clock.fixed(Notices.AS_OF, ZoneOffset.UTC));

    /** Notices of the township: 25 published in 2094 (one each day from 1 March), 3 in 2093 and 2 in 2091. */
    private final List<NoticeSummaryView> townshipNotices = new ArrayList<>();
    /** Payments to the village's households: 4 requested in 2093, 250 in 2094. */
    private final List<DisbursementView> payments = new ArrayList<>();

    static NoticeSummaryView notice(String id, Instant publishedAt) {
        return new NoticeSummaryView(id, "白桥镇公告 " + id, "项目计划公告", publishedAt, LocalDate.of(2094, 3, 1),
                LocalDate.of(2094, 3, 11), null);
    }

    static DisbursementView payment(String id, Instant requestedAt) {
        return new DisbursementView(id, "PRJ-GRANTS", PayeeKind.HOUSEHOLD, VILLAGE, TOWNSHIP, "T-" + id, "王*春",
                300_000L, List.of(), null, null, DisbursementStatus.APPROVED, "clerk", requestedAt, "approver",
                requestedAt, null, null, null);
    }

    @BeforeEach
    void aTownshipWithYearsOfNoticesAndAVillageWithYearsOfPayments() {
        for (int day = 0; day < 25; day++) {
            townshipNotices.add(notice("N-2094-" + (1000 + day), Instant.parse("2094-03-01T02:00:00Z")
                    .plusSeconds(86_400L * day)));
        }
        // The first instant of 2094 in China is still 2093 in UTC: it belongs to 2094.
        townshipNotices.add(notice("N-2094-0999", Instant.parse("2093-12-31T16:00:00Z")));
        townshipNotices.add(notice("N-2093-0001", Instant.parse("2093-12-31T15:59:59.999999Z")));
        townshipNotices.add(notice("N-2093-0002", Instant.parse("2093-06-01T02:00:00Z")));
        townshipNotices.add(notice("N-2091-0001", Instant.parse("2091-06-01T02:00:00Z")));
        townshipNotices.add(notice("N-2091-0002", Instant.parse("2091-06-01T02:00:00Z")));
        for (int n = 0; n < 4; n++) {
            payments.add(payment("DSB-2093-" + n, Instant.parse("2093-11-01T02:00:00Z").plusSeconds(n)));
        }
        for (int n = 0; n < 250; n++) {
            payments.add(payment(String.format("DSB-2094-%03d", n), Instant.parse("2094-04-01T02:00:00Z")
                    .plusSeconds(60L * n)));
        }
        TownshipView baiqiao = new TownshipView(TOWNSHIP, "白桥镇", GAZETTEER.villagesOf(TOWNSHIP).stream()
                .map(village -> new TownshipView.VillageView(village.code(), village.name(), false, List.of()))
                .toList());
        when(queries.query(any(FindTownshipsQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of(baiqiao)));
        when(queries.query(any(FindProjectSummariesQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of()));
        when(queries.query(any(FindVillageGrantCoverageQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of()));
        when(queries.query(any(FindGrantCoverageQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));
        when(queries.query(any(FindNoticeSummariesQuery.class), any(ResponseType.class))).thenAnswer(call -> {
            FindNoticeSummariesQuery query = call.getArgument(0);
            List<NoticeSummaryView> of = query.level() == NoticeLevel.TOWNSHIP && query.placeCode().equals(TOWNSHIP)
                    ? townshipNotices : List.of();
            return CompletableFuture.completedFuture(of.stream()
                    .sorted(Comparator.comparing(NoticeSummaryView::publishedAt).reversed()
                            .thenComparing(NoticeSummaryView::noticeId))
                    .filter(n -> query.afterPublishedAt() == null || n.publishedAt().isBefore(query.afterPublishedAt())
                            || (n.publishedAt().equals(query.afterPublishedAt())
                            && n.noticeId().compareTo(query.afterId()) > 0))
                    .limit(query.limit()).toList());
        });
        when(queries.query(any(FindDisbursementsQuery.class), any(ResponseType.class))).thenAnswer(call -> {
            FindDisbursementsQuery query = call.getArgument(0);
            List<DisbursementView> of = VILLAGE.equals(query.villageCode()) ? payments : List.of();
            return CompletableFuture.completedFuture(of.stream()
                    .sorted(Comparator.comparing(DisbursementView::requestedAt)
                            .thenComparing(DisbursementView::disbursementId))
                    .filter(d -> query.afterRequestedAt() == null || d.requestedAt().isAfter(query.afterRequestedAt())
                            || (d.requestedAt().equals(query.afterRequestedAt())
                            && d.disbursementId().compareTo(query.afterId()) > 0))
                    .limit(query.limit() == null ? Long.MAX_VALUE : query.limit()).toList());
        });
    }

    @Test
    void aTownshipWithMoreThanTwentyNoticesShowsTheNewestTwentyAndTheYearsThatHoldThemAll() {
        TownshipPage page = assembler.township(TOWNSHIP).orElseThrow();

        assertThat(page.notices()).hasSize(TownshipPage.LATEST_NOTICES)
                .extracting(NoticeSummaryView::noticeId).startsWith("N-2094-1024").endsWith("N-2094-1005");
        assertThat(page.olderNotices()).isTrue();
        assertThat(page.years()).containsExactly(2094, 2093, 2091);
    }

    @Test
    void everyYearWithNoticesHasAPageListingEachOfThatYearsNotices() {
        List<NoticeSummaryView> listed = new ArrayList<>();
        for (int year : assembler.placeYears(TOWNSHIP)) {
            PlaceYearPage page = assembler.placeYear(TOWNSHIP, year).orElseThrow();
            assertThat(page.notices()).allSatisfy(notice -> assertThat(notice.publishedAt()
                    .atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear()).isEqualTo(year));
            assertThat(page.disbursements()).isEmpty();
            listed.addAll(page.notices());
        }

        assertThat(listed).containsExactlyInAnyOrderElementsOf(townshipNotices);
        assertThat(assembler.placeYear(TOWNSHIP, 2094).orElseThrow().notices()).hasSize(26);
        assertThat(assembler.placeYear(TOWNSHIP, 2092)).isEmpty();
    }

    @Test
    void aTownshipPageReadsNoProjectStepsNorAllNoticesNorOneCoveragePerVillage() {
        assembler.township(TOWNSHIP).orElseThrow();

        verify(queries, never()).query(any(FindProjectsQuery.class), any(ResponseType.class));
        verify(queries, never()).query(any(FindNoticesQuery.class), any(ResponseType.class));
        verify(queries, never()).query(any(FindGrantCoverageQuery.class), any(ResponseType.class));
    }

    @Test
    void aVillagePageListsTheCurrentYearsPaymentsAndItsYearPagesTheOthers() {
        VillagePage page = assembler.village(VILLAGE).orElseThrow();

        assertThat(page.currentYear()).isEqualTo(2094);
        assertThat(page.disbursements()).hasSize(250)
                .allSatisfy(payment -> assertThat(payment.disbursementId()).startsWith("DSB-2094-"));
        assertThat(page.years()).containsExactly(2094, 2093);
        assertThat(assembler.placeYear(VILLAGE, 2093).orElseThrow().disbursements())
                .extracting(DisbursementView::disbursementId)
                .containsExactly("DSB-2093-0", "DSB-2093-1", "DSB-2093-2", "DSB-2093-3");
        assertThat(assembler.placeYear(VILLAGE, 2094).orElseThrow().disbursements()).hasSize(250);
        verify(queries, never()).query(any(FindProjectsQuery.class), any(ResponseType.class));
        verify(queries, never()).query(any(FindProjectQuery.class), any(ResponseType.class));
    }
}
