package cn.fupin.ledger.shared.stored;

import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import cn.fupin.ledger.shared.audit.AuditEventsViewedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationRetriedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
import cn.fupin.ledger.shared.audit.ReconciliationDifference;
import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import cn.fupin.ledger.shared.audit.FourEyesRefusalRecordedEvent;
import cn.fupin.ledger.shared.audit.RefusedNumber;
import cn.fupin.ledger.shared.audit.ScreeningListUploadedEvent;
import cn.fupin.ledger.shared.audit.SharedNumberRefusalRecordedEvent;
import cn.fupin.ledger.shared.competition.AssessmentUsed;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.competition.SubmissionsClosedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchApprovedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchRejectedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
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
import cn.fupin.ledger.shared.place.PoorVillageDesignatedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
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
import cn.fupin.ledger.shared.project.ProjectSubmittedToCompetitionEvent;
import cn.fupin.ledger.shared.redflag.RedFlagReviewedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The subjects an event names — household cards, village and township codes, projects, funds, appropriations,
 * notices, objections, competitive rounds, payments, grant batches, imports, lists and findings — by which the
 * auditors' event history finds it. An event belongs to every subject it names, not only to its aggregate: a grant's
 * approval is found under its household, its village, its project, its payment, its batch and each fund it draws on.
 *
 * <p>One exception: an auditor's view of the history ({@link AuditEventsViewedEvent}) is found under its own id, not
 * under the subject it filtered by (see its rule). Every event type has its rule here; a type without one fails loudly ({@link #of}), as handlers of every event do
 * with a type they do not know, so that a new event type cannot slip into the ledger unfindable ({@code SubjectsTest}
 * has a row per stored event type).
 */
public final class Subjects {

    private static final Map<Class<?>, Function<Object, List<String>>> RULES = new HashMap<>();

    static {
        // assessment
        rule(TownshipAssessedEvent.class, e -> List.of(e.townshipCode()));
        // audit
        rule(FourEyesRefusalRecordedEvent.class, e -> List.of(e.subjectId()));
        rule(SharedNumberRefusalRecordedEvent.class, e -> join(List.of(e.importId()),
                e.numbers().stream().map(RefusedNumber::cardNo).toList()));
        rule(ScreeningListUploadedEvent.class, e -> List.of(e.listId()));
        // A view's subject filter is what an auditor asked, not a fact about that subject: indexed under it, every look
        // at a household would add to the household's history, and paging it oldest first would chase its own records.
        rule(AuditEventsViewedEvent.class, e -> list(e.viewId()));
        // a reconciliation is found under "reconciliation" (the red flag's subject) and every fund or project it found
        // differing; a skipped notice under the notice and the record whose event called for it
        rule(ReconciliationRecordedEvent.class, e -> join(List.of("reconciliation"),
                e.differences().stream().map(ReconciliationDifference::subject).toList()));
        rule(NoticePublicationSkippedEvent.class, e -> list(e.noticeId(), e.causeAggregateId()));
        rule(NoticePublicationRetriedEvent.class, e -> list(e.noticeId()));
        // competition
        rule(CompetitionOpenedEvent.class, e -> list(e.competitionId(), e.fundId()));
        rule(ProposalSubmittedEvent.class, e -> list(e.competitionId(), e.projectId(), e.townshipCode(),
                e.villageCode()));
        rule(ProposalWithdrawnEvent.class, e -> list(e.competitionId(), e.projectId()));
        rule(ProposalScoredEvent.class, e -> list(e.competitionId(), e.projectId()));
        rule(ConflictOfInterestDeclaredEvent.class, e -> list(e.competitionId(), e.townshipCode()));
        rule(SubmissionsClosedEvent.class, e -> list(e.competitionId()));
        rule(CompetitionClosedEvent.class, e -> join(List.of(e.competitionId()),
                e.assessments().stream().map(AssessmentUsed::townshipCode).toList(),
                e.ranking().stream().map(RankedProposal::projectId).toList(),
                e.ranking().stream().map(RankedProposal::townshipCode).toList()));
        // disbursement
        rule(DisbursementRequestedEvent.class, e -> join(list(e.disbursementId(), e.projectId(), e.villageCode(),
                e.townshipCode(), e.cardNo(), e.batchId()), funds(e.fromFunds())));
        rule(DisbursementApprovedEvent.class, e -> join(list(e.disbursementId(), e.projectId(), e.villageCode(),
                e.cardNo(), e.batchId()), funds(e.fromFunds())));
        rule(DisbursementRejectedEvent.class, e -> list(e.disbursementId(), e.projectId(), e.cardNo(), e.batchId()));
        rule(DisbursementReversedEvent.class, e -> join(list(e.disbursementId(), e.projectId(), e.villageCode(),
                e.cardNo()), funds(e.fromFunds())));
        rule(GrantBatchSubmittedEvent.class, e -> join(list(e.batchId(), e.projectId()), e.disbursementIds()));
        rule(GrantBatchApprovedEvent.class, e -> list(e.batchId(), e.projectId()));
        rule(GrantBatchRejectedEvent.class, e -> list(e.batchId(), e.projectId()));
        // disclosure
        rule(NoticePublishedEvent.class, e -> join(list(e.noticeId(), e.placeCode(), e.supersedes()), e.items()));
        rule(NoticePeriodEndedEvent.class, e -> list(e.noticeId()));
        rule(NoticeSupersededEvent.class, e -> list(e.noticeId(), e.supersededBy()));
        rule(ObjectionFiledEvent.class, e -> list(e.noticeId(), e.objectionId(), e.item()));
        rule(ObjectionDismissedAsDuplicateEvent.class, e -> list(e.noticeId(), e.objectionId(), e.item(),
                e.duplicateOf()));
        rule(ObjectionResolvedEvent.class, e -> list(e.noticeId(), e.objectionId(), e.item()));
        // fund
        rule(FundsAppropriatedEvent.class, e -> list(e.fundId(), e.appropriationId()));
        rule(FundsReservedEvent.class, e -> list(e.fundId(), e.projectId()));
        rule(FundReservationReleasedEvent.class, e -> list(e.fundId(), e.projectId()));
        rule(FundsDisbursedEvent.class, e -> list(e.fundId(), e.projectId(), e.disbursementId()));
        rule(FundDisbursementReversedEvent.class, e -> list(e.fundId(), e.projectId(), e.disbursementId()));
        // household
        rule(HouseholdRegisteredEvent.class, e -> list(e.cardNo(), e.villageCode(), e.townshipCode(), e.importId()));
        rule(HouseholdRegisterImportedEvent.class, e -> list(e.importId()));
        rule(CadreRelativeDeclaredEvent.class, e -> list(e.cardNo(), e.importId()));
        rule(HouseholdExitedEvent.class, e -> list(e.cardNo()));
        rule(HouseholdReturnedEvent.class, e -> list(e.cardNo()));
        rule(HouseholdBankCardCorrectedEvent.class, e -> list(e.cardNo()));
        rule(HouseholdVillageCorrectedEvent.class, e -> list(e.cardNo(), e.previousVillageCode(),
                e.previousTownshipCode(), e.villageCode(), e.townshipCode()));
        rule(HouseholdPersonalDataViewedEvent.class, e -> list(e.cardNo()));
        rule(HouseholdStartupGrantClaimedEvent.class, e -> list(e.cardNo(), e.disbursementId(), e.projectId()));
        rule(HouseholdStartupGrantReleasedEvent.class, e -> list(e.cardNo(), e.disbursementId()));
        // place
        rule(PoorVillageDesignatedEvent.class, e -> list(e.villageCode(), e.townshipCode()));
        // project
        rule(ProjectProposedEvent.class, e -> join(list(e.projectId(), e.villageCode(), e.townshipCode()),
                funds(e.budget())));
        rule(ProjectSubmittedToCompetitionEvent.class, e -> list(e.projectId(), e.competitionId()));
        rule(ProjectSelectedEvent.class, e -> list(e.projectId(), e.competitionId()));
        rule(ProjectRejectedEvent.class, e -> list(e.projectId(), e.competitionId()));
        rule(ProjectApprovedEvent.class, e -> join(list(e.projectId()), funds(e.reserved())));
        rule(ProjectStartedEvent.class, e -> list(e.projectId()));
        rule(ProjectPaymentRequestedEvent.class, e -> join(list(e.projectId(), e.disbursementId()),
                funds(e.fromFunds())));
        rule(ProjectPaymentSettledEvent.class, e -> join(list(e.projectId(), e.disbursementId()),
                funds(e.fromFunds())));
        rule(ProjectCompletedEvent.class, e -> list(e.projectId()));
        rule(ProjectAcceptedEvent.class, e -> join(list(e.projectId()), funds(e.released())));
        rule(ProjectCancelledEvent.class, e -> join(list(e.projectId()), funds(e.released())));
        // red flags
        rule(RedFlagReviewedEvent.class, e -> list(e.findingId(), e.subject()));
    }

    private Subjects() {
    }

    /**
     * The subjects {@code payload} names, each once, in the order the event names them; blank ones left out. An event
     * of a type without a rule here is a programming error ({@link IllegalArgumentException}): the caller, a
     * projection, stops and retries rather than index the event under nothing.
     */
    public static List<String> of(Object payload) {
        Function<Object, List<String>> rule = RULES.get(payload.getClass());
        if (rule == null) {
            throw new IllegalArgumentException("no subjects are known for events of type "
                    + payload.getClass().getName() + ": add its rule to Subjects");
        }
        Set<String> subjects = new LinkedHashSet<>();
        for (String subject : rule.apply(payload)) {
            if (subject != null && !subject.isBlank()) {
                subjects.add(subject);
            }
        }
        return List.copyOf(subjects);
    }

    /** The event types with a rule. */
    public static Set<Class<?>> types() {
        return Set.copyOf(RULES.keySet());
    }

    private static <T> void rule(Class<T> type, Function<T, List<String>> subjects) {
        RULES.put(type, payload -> subjects.apply(type.cast(payload)));
    }

    private static List<String> list(String... ids) {
        List<String> list = new ArrayList<>(ids.length);
        for (String id : ids) {
            list.add(id);
        }
        return list;
    }

    private static List<String> funds(Collection<BudgetLine> lines) {
        return lines == null ? List.of() : lines.stream().map(BudgetLine::fundId).toList();
    }

    @SafeVarargs
    private static List<String> join(Collection<String>... parts) {
        List<String> joined = new ArrayList<>();
        for (Collection<String> part : parts) {
            if (part != null) {
                joined.addAll(part);
            }
        }
        return joined;
    }
}
