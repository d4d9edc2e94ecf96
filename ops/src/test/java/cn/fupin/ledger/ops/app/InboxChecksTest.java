package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.inbox.ListingNoticeView;
import cn.fupin.ledger.shared.inbox.ListingNoticeView.Objection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inbox's reading of the notices, rule by rule as the notice aggregate holds a payment and discloses it: period,
 * pending and upheld objections, corrections, the resolver's own payment, and the kind, level and village of the
 * notice that makes a payment public.
 */
class InboxChecksTest {

    static final String VILLAGE = "510824111227";
    static final Instant ENDS = Instant.parse("2007-05-11T16:00:00Z");
    static final Instant DURING = ENDS.minusSeconds(60);
    static final Instant AFTER = ENDS.plusSeconds(60);

    static ListingNoticeView notice(String id, NoticeKind kind, NoticeLevel level, String place, String supersedes,
                                    String supersededBy, List<String> listed, List<Objection> objections) {
        return new ListingNoticeView(id, "公示 " + id, kind, level, place, LocalDate.of(2007, 5, 11), ENDS, supersedes,
                supersededBy, listed, objections);
    }

    static ListingNoticeView plan(String id, List<Objection> objections) {
        return notice(id, NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE, VILLAGE, null, null, List.of("PRJ-1"),
                objections);
    }

    static List<String> codes(List<InboxChecks.Block> blocks) {
        return blocks.stream().map(InboxChecks.Block::code).toList();
    }

    @Test
    void aNoticeListingThePaymentHoldsItUntilItsPeriodEndsThenDisclosesIt() {
        List<ListingNoticeView> notices = List.of(plan("N1", List.of()));
        assertThat(codes(InboxChecks.holds(notices, List.of("DSB-1", "PRJ-1"), "approver", DURING)))
                .containsExactly("DISCLOSURE_PERIOD_OPEN");
        assertThat(InboxChecks.holds(notices, List.of("DSB-1", "PRJ-1"), "approver", AFTER)).isEmpty();
        assertThat(InboxChecks.disclosed(notices, InboxChecks.Disclosure.ofVillagePayment("PRJ-1", VILLAGE), DURING))
                .isFalse();
        assertThat(InboxChecks.disclosed(notices, InboxChecks.Disclosure.ofVillagePayment("PRJ-1", VILLAGE), AFTER))
                .isTrue();
    }

    @Test
    void aPendingObjectionHoldsEvenAfterThePeriodAndAnUpheldOneHoldsUntilCorrected() {
        List<ListingNoticeView> pending = List.of(plan("N1", List.of(new Objection("O1", "PRJ-1", "PENDING", null))));
        assertThat(codes(InboxChecks.holds(pending, List.of("PRJ-1"), "approver", AFTER)))
                .containsExactly("OBJECTION_PENDING");
        List<ListingNoticeView> upheld = List.of(plan("N1", List.of(new Objection("O1", "PRJ-1", "UPHELD", "deputy"))));
        assertThat(codes(InboxChecks.holds(upheld, List.of("PRJ-1"), "approver", AFTER)))
                .containsExactly("CORRECTION_DUE");
        assertThat(InboxChecks.disclosed(upheld, InboxChecks.Disclosure.ofVillagePayment("PRJ-1", VILLAGE), AFTER))
                .isFalse();
        List<ListingNoticeView> corrected = List.of(
                notice("N1", NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE, VILLAGE, null, "N2", List.of("PRJ-1"),
                        List.of(new Objection("O1", "PRJ-1", "UPHELD", "deputy"))));
        assertThat(InboxChecks.holds(corrected, List.of("PRJ-1"), "approver", AFTER)).isEmpty();
    }

    @Test
    void whoeverResolvedAnObjectionOnThePaymentDoesNotAlsoPayIt() {
        List<ListingNoticeView> notices = List.of(plan("N1", List.of(new Objection("O1", "PRJ-1", "DISMISSED",
                "approver"))));
        assertThat(codes(InboxChecks.holds(notices, List.of("PRJ-1"), "approver", AFTER)))
                .containsExactly("SAME_RESOLVER_AND_APPROVER");
        assertThat(InboxChecks.holds(notices, List.of("PRJ-1"), "deputy", AFTER)).isEmpty();
    }

    @Test
    void onlyAVillageNoticeOfTheRightKindAtTheRightVillageDisclosesAndACorrectionTakesTheKindItCorrects() {
        InboxChecks.Disclosure grant = InboxChecks.Disclosure.ofGrant("DSB-1", VILLAGE);
        assertThat(InboxChecks.disclosed(List.of(notice("N1", NoticeKind.GRANT_LIST, NoticeLevel.COUNTY, "510824",
                null, null, List.of("DSB-1"), List.of())), grant, AFTER)).isFalse();
        assertThat(InboxChecks.disclosed(List.of(notice("N1", NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE,
                "510824111228", null, null, List.of("DSB-1"), List.of())), grant, AFTER)).isFalse();
        assertThat(InboxChecks.disclosed(List.of(notice("N1", NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE, VILLAGE,
                null, null, List.of("DSB-1"), List.of())), grant, AFTER)).isFalse();
        List<ListingNoticeView> corrected = List.of(
                notice("N1", NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, VILLAGE, null, "N2", List.of("DSB-1"),
                        List.of()),
                notice("N2", NoticeKind.CORRECTION, NoticeLevel.VILLAGE, VILLAGE, "N1", null, List.of("DSB-1"),
                        List.of()));
        assertThat(InboxChecks.disclosed(corrected, grant, AFTER)).isTrue();
        assertThat(InboxChecks.disclosed(corrected.subList(1, 2), grant, AFTER)).isFalse();
    }
}
