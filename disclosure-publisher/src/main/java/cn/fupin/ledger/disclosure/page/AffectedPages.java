package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import cn.fupin.ledger.shared.audit.AuditEventsViewedEvent;
import cn.fupin.ledger.shared.audit.FourEyesRefusalRecordedEvent;
import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import cn.fupin.ledger.shared.audit.ScreeningListUploadedEvent;
import cn.fupin.ledger.shared.audit.SharedNumberRefusalRecordedEvent;
import cn.fupin.ledger.shared.redflag.RedFlagReviewedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationRetriedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import cn.fupin.ledger.shared.competition.SubmissionsClosedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchApprovedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchRejectedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePeriodEndedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeSupersededEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionDismissedAsDuplicateEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.household.CadreRelativeDeclaredEvent;
import cn.fupin.ledger.shared.household.HouseholdBankCardCorrectedEvent;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdPersonalDataViewedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisterImportedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantReleasedEvent;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import cn.fupin.ledger.shared.place.PoorVillageDesignatedEvent;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectCompletedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentRequestedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProjectRejectedEvent;
import cn.fupin.ledger.shared.project.ProjectSelectedEvent;
import cn.fupin.ledger.shared.project.ProjectStartedEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSubmittedToCompetitionEvent;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which public pages an event can change, as their paths in the site ({@link Site}): a pure function of the event,
 * the gazetteer and a few facts recorded earlier in the ledger (where a project, a payment, a household and a notice
 * belong, for the events that name only their subject), so that a new fact re-renders only the pages that show it.
 * <p>
 * The rule for each event follows from what the renderers show, page by page:
 * <ul>
 * <li>county ({@code index.html}): appropriations and the county's own budget against its floor, the competitive
 * rounds (open rounds only as "under review" with their number of proposals, closed ones with the ranking), the
 * approved projects, grant coverage by township, the county's notices (the newest of them, and the years that have
 * any: the county's pages by year, {@code years/<year>.html}, are rendered at each request and never stored, so no
 * rule names them), and in its summary every notice of any level open for objection (公示中), which a notice's
 * publication, its correction and its period's end change;</li>
 * <li>township ({@code <9 digits>/index.html}): its villages with their poor-village years, project money and grant
 * coverage, its approved projects (what each paid, in how many payments), its newest notices and the years that have
 * any;</li>
 * <li>village ({@code <12 digits>/index.html}): its poor-village years, its approved projects in full (paid so far
 * included), the payments to it and the grants to its households of the current year with their state, its coverage,
 * its newest notices, and the years that have any of these. The pages by year of a township or a village
 * ({@code <code>/<year>.html}) are, like the county's, rendered at each request and never stored, so no rule names
 * them: every event that changes one also changes its place's own page, which the rules here name;</li>
 * <li>a notice ({@code notices/<id>.html|.json|.csv}): its content as published (JSON and CSV show nothing else), and
 * on the HTML page its correction and its objections with how each was handled.</li>
 * </ul>
 * A notice is listed only on the page of its own level and place, and on the county page's summary while it is open
 * for objection: its publication touches no other page above it. No page shows a fund's balances, a pending amount, a reviewer's score or a township's assessment; the
 * events that change only those affect no page. Every event type of the ledger has a rule here (an event without
 * one is a programmer error and fails): the table in {@code AffectedPagesTest} names the pages of each.
 */
public final class AffectedPages {

    /** The facts recorded before an event that names only its subject: where that subject belongs. */
    public interface Subjects {

        /** The village (12 digits) of a project, or its township (9 digits) when it belongs to no village. */
        Optional<String> placeOfProject(String projectId);

        /** The village of a payment: the village paid, or the village of the household paid. */
        Optional<String> villageOfDisbursement(String disbursementId);

        /** The village of a registered household now (after its last correction of village, if any). */
        Optional<String> villageOfHousehold(String cardNo);

        /** The level and place a notice was published for. */
        Optional<NoticePlace> placeOfNotice(String noticeId);
    }

    /** Where a notice belongs: its level and the code of its place (the county's, a township's or a village's). */
    public record NoticePlace(NoticeLevel level, String placeCode) {
    }

    /**
     * Events whose facts no public page shows: fund balances (payments show through their disbursements and projects),
     * proposals before approval, pending amounts, scores and conflicts before a round closes (the closing event holds
     * the ranking), the close of submissions (an unclosed round reads "under review" either way), township
     * assessments, a household's grant claim (the grant shows through its disbursement), a corrected bank card, viewing personal data, the
     * import receipt, and the grant batch events (each item has its own disbursement events); nor the facts only
     * auditors read (refused four-eyes attempts and register rows, declared relatives of cadres, screening lists, reviews
     * of red flags, auditors' views of the event history, the recorded results of the reconciliation, the
     * publisher's skipped notices and their retries: a notice that is published after all shows through its own
     * publication).
     */
    private static final Set<Class<?>> NO_PAGE = Set.of(
            FundsReservedEvent.class, FundReservationReleasedEvent.class, FundsDisbursedEvent.class,
            FundDisbursementReversedEvent.class, TownshipAssessedEvent.class, ProposalScoredEvent.class,
            ConflictOfInterestDeclaredEvent.class, SubmissionsClosedEvent.class, ProjectProposedEvent.class,
            ProjectSubmittedToCompetitionEvent.class, ProjectSelectedEvent.class, ProjectRejectedEvent.class,
            ProjectPaymentRequestedEvent.class, GrantBatchSubmittedEvent.class, GrantBatchApprovedEvent.class,
            GrantBatchRejectedEvent.class, HouseholdStartupGrantClaimedEvent.class,
            HouseholdStartupGrantReleasedEvent.class, HouseholdPersonalDataViewedEvent.class,
            HouseholdBankCardCorrectedEvent.class,
            HouseholdRegisterImportedEvent.class, FourEyesRefusalRecordedEvent.class,
            CadreRelativeDeclaredEvent.class, ScreeningListUploadedEvent.class,
            SharedNumberRefusalRecordedEvent.class, RedFlagReviewedEvent.class, AuditEventsViewedEvent.class,
            ReconciliationRecordedEvent.class, NoticePublicationSkippedEvent.class,
            NoticePublicationRetriedEvent.class);

    /** Events that change pages, each with its rule in {@link #of(Object)}. */
    private static final Set<Class<?>> SOME_PAGES = Set.of(
            FundsAppropriatedEvent.class, CompetitionOpenedEvent.class, ProposalSubmittedEvent.class,
            ProposalWithdrawnEvent.class, CompetitionClosedEvent.class, ProjectApprovedEvent.class,
            ProjectStartedEvent.class, ProjectCompletedEvent.class, ProjectAcceptedEvent.class,
            ProjectCancelledEvent.class, ProjectPaymentSettledEvent.class, DisbursementRequestedEvent.class,
            DisbursementApprovedEvent.class, DisbursementRejectedEvent.class, DisbursementReversedEvent.class,
            HouseholdRegisteredEvent.class, HouseholdExitedEvent.class, HouseholdReturnedEvent.class,
            HouseholdVillageCorrectedEvent.class,
            PoorVillageDesignatedEvent.class, NoticePublishedEvent.class, NoticeSupersededEvent.class,
            ObjectionFiledEvent.class, ObjectionResolvedEvent.class, ObjectionDismissedAsDuplicateEvent.class,
            NoticePeriodEndedEvent.class);

    private final Gazetteer gazetteer;
    private final Subjects subjects;

    public AffectedPages(Gazetteer gazetteer, Subjects subjects) {
        this.gazetteer = gazetteer;
        this.subjects = subjects;
    }

    /** Whether the event type has a rule here (one that names pages, or says it names none). */
    public static boolean hasRuleFor(Class<?> eventType) {
        return NO_PAGE.contains(eventType) || SOME_PAGES.contains(eventType);
    }

    /**
     * The paths of the pages the event can change, sorted; empty for an event no page shows.
     *
     * @throws IllegalArgumentException for an event type without a rule (a programmer error: add the rule)
     */
    public SortedSet<String> of(Object event) {
        if (event == null || !hasRuleFor(event.getClass())) {
            throw new IllegalArgumentException("no rule names the public pages of "
                    + (event == null ? "null" : event.getClass().getName()));
        }
        SortedSet<String> pages = new TreeSet<>();
        if (event instanceof FundsAppropriatedEvent || event instanceof CompetitionOpenedEvent
                || event instanceof ProposalSubmittedEvent || event instanceof ProposalWithdrawnEvent
                || event instanceof CompetitionClosedEvent) {
            pages.add(Site.COUNTY);
        } else if (event instanceof ProjectApprovedEvent e) {
            project(pages, e.projectId());
        } else if (event instanceof ProjectStartedEvent e) {
            project(pages, e.projectId());
        } else if (event instanceof ProjectCompletedEvent e) {
            project(pages, e.projectId());
        } else if (event instanceof ProjectAcceptedEvent e) {
            project(pages, e.projectId());
        } else if (event instanceof ProjectCancelledEvent e) {
            // Only an approved project is public; a proposal withdrawn before its approval was never shown.
            if (e.previousStatus() == ProjectStatus.APPROVED || e.previousStatus() == ProjectStatus.IMPLEMENTING) {
                project(pages, e.projectId());
            }
        } else if (event instanceof ProjectPaymentSettledEvent e) {
            // What the project has paid, and in how many payments, shows on its village's page and in its township's
            // list of projects; a rejected payment was never paid.
            if (!"REJECTED".equals(e.outcome())) {
                subjects.placeOfProject(e.projectId()).ifPresent(place -> placeAndTownship(pages, place));
            }
        } else if (event instanceof DisbursementRequestedEvent e) {
            village(pages, e.villageCode());
        } else if (event instanceof DisbursementApprovedEvent e) {
            payment(pages, e.payeeKind(), e.villageCode());
        } else if (event instanceof DisbursementRejectedEvent e) {
            // A rejection was never paid, so coverage stays; the payment's state changes on its village's page.
            subjects.villageOfDisbursement(e.disbursementId()).ifPresent(village -> village(pages, village));
        } else if (event instanceof DisbursementReversedEvent e) {
            payment(pages, e.payeeKind(), e.villageCode());
        } else if (event instanceof HouseholdRegisteredEvent e) {
            coverage(pages, e.villageCode());
        } else if (event instanceof HouseholdVillageCorrectedEvent e) {
            // The household leaves one village's coverage and joins another's (perhaps in another township).
            coverage(pages, e.previousVillageCode());
            coverage(pages, e.villageCode());
        } else if (event instanceof HouseholdExitedEvent e) {
            subjects.villageOfHousehold(e.cardNo()).ifPresent(village -> coverage(pages, village));
        } else if (event instanceof HouseholdReturnedEvent e) {
            subjects.villageOfHousehold(e.cardNo()).ifPresent(village -> coverage(pages, village));
        } else if (event instanceof PoorVillageDesignatedEvent e) {
            village(pages, e.villageCode());
            gazetteer.village(e.villageCode()).ifPresent(village -> pages.add(Site.place(village.parentCode())));
        } else if (event instanceof NoticePublishedEvent e) {
            if (Site.isSafeNoticeId(e.noticeId())) {
                for (Site.NoticeFormat format : Site.NoticeFormat.values()) {
                    pages.add(Site.notice(e.noticeId(), format));
                }
            }
            listing(pages, new NoticePlace(e.level(), e.placeCode()));
            // The county page's summary lists every notice open for objection (公示中), of whatever level.
            pages.add(Site.COUNTY);
        } else if (event instanceof NoticeSupersededEvent e) {
            // The superseded notice's page points to its correction, and its listing is marked as corrected; a
            // superseded notice leaves the county's list of notices open for objection.
            noticePage(pages, e.noticeId());
            subjects.placeOfNotice(e.noticeId()).ifPresent(place -> listing(pages, place));
            pages.add(Site.COUNTY);
        } else if (event instanceof ObjectionFiledEvent e) {
            noticePage(pages, e.noticeId());
        } else if (event instanceof ObjectionResolvedEvent e) {
            noticePage(pages, e.noticeId());
        } else if (event instanceof ObjectionDismissedAsDuplicateEvent e) {
            noticePage(pages, e.noticeId());
        } else if (event instanceof NoticePeriodEndedEvent e) {
            // The period's end is a fact of the notice: today its page shows the period's dates only (the same bytes),
            // but whatever it shows about the period is then re-rendered from the event, never from a clock.
            noticePage(pages, e.noticeId());
            // Its period's end takes it off the county page's list of notices open for objection (公示中).
            pages.add(Site.COUNTY);
        }
        return Collections.unmodifiableSortedSet(pages);
    }

    /** An approved project shows on the county's list, its township's and its village's. */
    private void project(SortedSet<String> pages, String projectId) {
        pages.add(Site.COUNTY);
        subjects.placeOfProject(projectId).ifPresent(place -> placeAndTownship(pages, place));
    }

    /** A payment shows on its village's page; a household's grant also counts in coverage up to the county. */
    private void payment(SortedSet<String> pages, PayeeKind kind, String villageCode) {
        if (kind == PayeeKind.HOUSEHOLD) {
            coverage(pages, villageCode);
        } else {
            village(pages, villageCode);
        }
    }

    /** Start-up grant coverage: the village, its township's table of villages, the county's table of townships. */
    private void coverage(SortedSet<String> pages, String villageCode) {
        Optional<Place> village = villageCode == null ? Optional.empty() : gazetteer.village(villageCode);
        if (village.isPresent()) {
            pages.add(Site.COUNTY);
            placeAndTownship(pages, village.get().code());
        }
    }

    private void village(SortedSet<String> pages, String villageCode) {
        if (villageCode != null && gazetteer.hasVillage(villageCode)) {
            pages.add(Site.place(villageCode));
        }
    }

    /** The page of a village and of its township, or of a township alone; nothing for a code of no page. */
    private void placeAndTownship(SortedSet<String> pages, String code) {
        Optional<Place> village = gazetteer.village(code);
        if (village.isPresent()) {
            pages.add(Site.place(code));
            gazetteer.township(village.get().parentCode())
                    .ifPresent(township -> pages.add(Site.place(township.code())));
        } else if (gazetteer.township(code).isPresent()) {
            pages.add(Site.place(code));
        }
    }

    /** The page that lists the notices of the level and place: only a notice's own place lists it. */
    private void listing(SortedSet<String> pages, NoticePlace place) {
        if (place.level() == null || place.placeCode() == null) {
            return;
        }
        switch (place.level()) {
            case COUNTY -> {
                if (place.placeCode().equals(gazetteer.county().code())) {
                    pages.add(Site.COUNTY);
                }
            }
            case TOWNSHIP -> gazetteer.township(place.placeCode()).ifPresent(t -> pages.add(Site.place(t.code())));
            case VILLAGE -> village(pages, place.placeCode());
        }
    }

    private static void noticePage(SortedSet<String> pages, String noticeId) {
        if (Site.isSafeNoticeId(noticeId)) {
            pages.add(Site.notice(noticeId, Site.NoticeFormat.HTML));
        }
    }
}
