package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.fund.FindFundsQuery;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.place.FindTownshipsQuery;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.FindProjectSummariesQuery;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * What the clerk's money screens (projects, grant batches, payment requests) offer to choose from: the county's
 * villages by township, the funds with money left, the projects that may pay now, and a project's subsidy standard per
 * household. All read through the existing queries; the standard, which no read model keeps, from the project's own
 * proposal in the event store.
 */
@Component
class ClerkChoices {

    /** The statuses in which a project pays from its budget (the aggregate's PROJECT_NOT_PAYABLE otherwise). */
    static final Set<ProjectStatus> PAYABLE = Set.of(ProjectStatus.APPROVED, ProjectStatus.IMPLEMENTING);

    private final QueryGateway queries;
    private final EventStore eventStore;

    ClerkChoices(QueryGateway queries, EventStore eventStore) {
        this.queries = queries;
        this.eventStore = eventStore;
    }

    /** A village as a choice: its code and "township village" in Chinese. */
    record Village(String code, String name, String townshipCode, String townshipName) {

        public String label() {
            return townshipName + " " + name;
        }
    }

    /** A township's villages, for a select's option group. */
    record TownshipVillages(String name, List<Village> villages) {
    }

    /** A fund as a budget line's choice: its id ({@code name}) and, in Chinese, what it has left. */
    record Fund(String name, String chineseName) {
    }

    /** A project as a payment's choice: its id ({@code name}), and what it is in Chinese. */
    record Project(String name, String chineseName, ProjectSummaryView view) {
    }

    List<TownshipVillages> townships() {
        return queries.query(new FindTownshipsQuery(), ResponseTypes.multipleInstancesOf(TownshipView.class)).join()
                .stream().map(township -> new TownshipVillages(township.name(), township.villages().stream()
                        .map(v -> new Village(v.code(), v.name(), township.code(), township.name())).toList()))
                .toList();
    }

    /** Every village of the county by its code. */
    Map<String, Village> villages() {
        Map<String, Village> byCode = new LinkedHashMap<>();
        townships().forEach(township -> township.villages().forEach(v -> byCode.put(v.code(), v)));
        return byCode;
    }

    /** The name of a village ("township village"), or its code when the county has no such village. */
    String villageName(Map<String, Village> villages, String code) {
        Village village = code == null ? null : villages.get(code);
        return village == null ? (code == null ? "" : code) : village.label();
    }

    /** The funds of every year with money available, newest year first. */
    List<Fund> fundsWithMoney() {
        return queries.query(new FindFundsQuery(null), ResponseTypes.multipleInstancesOf(FundView.class)).join()
                .stream().filter(fund -> fund.availableFen() > 0)
                .sorted(Comparator.comparingInt(FundView::fiscalYear).reversed().thenComparing(FundView::fundId))
                .map(fund -> new Fund(fund.fundId(), fund.fiscalYear() + "年 " + fund.source().chineseName()
                        + "（可用 " + Money.yuan(fund.availableFen()) + "）"))
                .toList();
    }

    /**
     * The projects that may pay now (approved or being implemented), township by township (the summaries, without
     * their histories: a grant project's history holds a step per payment).
     */
    List<Project> payableProjects() {
        List<Project> payable = new ArrayList<>();
        for (TownshipView township : queries.query(new FindTownshipsQuery(),
                ResponseTypes.multipleInstancesOf(TownshipView.class)).join()) {
            queries.query(FindProjectSummariesQuery.ofTownship(township.code()),
                            ResponseTypes.multipleInstancesOf(ProjectSummaryView.class)).join().stream()
                    .filter(project -> PAYABLE.contains(project.status()))
                    .forEach(project -> payable.add(new Project(project.projectId(), project.name() + "（"
                            + project.townshipName() + project.villageName() + "，" + project.beneficiary()
                            .chineseName() + "，" + project.projectId() + "）", project)));
        }
        return payable;
    }

    /**
     * The project's subsidy standard per household in fen (每户补助标准), or null when its proposal states none. The
     * read models keep only the standard's text, so it is read from the proposal, the project's first event.
     */
    Long subsidyStandardFen(String projectId) {
        // From the first stored event, never from a snapshot (which a project with many payments has).
        return eventStore.readEvents(projectId, 0).asStream().findFirst()
                .map(DomainEventMessage::getPayload)
                .filter(ProjectProposedEvent.class::isInstance).map(ProjectProposedEvent.class::cast)
                .map(ProjectProposedEvent::subsidyStandardFen).orElse(null);
    }

    /** The grant a batch's row is filled with: the project's standard, or the least start-up grant if it has none. */
    long prefilledGrantFen(String projectId) {
        Long standard = subsidyStandardFen(projectId);
        return standard == null ? Money.STARTUP_GRANT_MIN_FEN : standard;
    }
}
