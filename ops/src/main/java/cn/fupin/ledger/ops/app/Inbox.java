package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.FindDisbursementsQuery;
import cn.fupin.ledger.shared.disclosure.ObjectionView;
import cn.fupin.ledger.shared.fund.FindFundsQuery;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.inbox.FindExitedHouseholdsQuery;
import cn.fupin.ledger.shared.inbox.FindNoticesListingQuery;
import cn.fupin.ledger.shared.inbox.FindPendingObjectionsQuery;
import cn.fupin.ledger.shared.inbox.ListingNoticeView;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.FindProjectsQuery;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Everything waiting for an approver (审批), read from the read models: proposed and selected projects, payments
 * requested on their own, grant batches (their requested items, by batch) and objections not resolved yet — each
 * oldest first, with what stops this approver from approving it now ({@link InboxChecks}) and the notices that list it.
 * Each list is one page of its query ({@value #PAGE} at most; the inbox says when a list was cut).
 */
@Component
class Inbox {

    static final int PAGE = 200;
    /** Requested payments read at once: single payments and the items of every batch waiting. */
    static final int PAYMENTS_PAGE = 2_000;
    static final int SEARCH_PAGE = 500;
    static final int SEARCH_PAGES = 200;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final QueryGateway queries;
    private final Clock clock;

    Inbox(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** A link to a public notice, with its title and last day. */
    record NoticeLink(String href, String title, String periodEnd) {
    }

    /** One thing waiting: its kind, id, what it is, who asked and when, the amount, what blocks it, its notices. */
    record Waiting(String kind, String id, String title, String requestedBy, String requestedOn, String amount,
                   List<InboxChecks.Block> blocks, List<NoticeLink> notices, String path) {

        public boolean approvable() {
            return blocks.isEmpty();
        }

        /** The approver asked for it themself (four eyes: another approver decides it). */
        public boolean mine() {
            return blocks.stream().anyMatch(block -> block.code().equals("SAME_REQUESTER_AND_APPROVER"));
        }
    }

    /** The whole inbox, each list oldest first; {@code cut} says a list reached its page. */
    record Contents(List<Waiting> projects, List<Waiting> payments, List<Waiting> batches, List<Waiting> objections,
                    boolean cut) {
    }

    /** A grant batch waiting: its requested items, read from the payments. */
    record Batch(String batchId, String projectId, String voucherNo, String requestedBy, Instant requestedAt,
                 List<DisbursementView> items) {

        long totalFen() {
            return items.stream().mapToLong(DisbursementView::amountFen).reduce(0L, Math::addExact);
        }
    }

    /** The inbox of {@code approver}, of one village where {@code villageCode} is given (else of every village). */
    Contents read(String approver, String villageCode) {
        Instant now = clock.instant();
        List<ProjectView> projects = projects(villageCode);
        List<DisbursementView> requested = requested(villageCode);
        List<DisbursementView> singles = requested.stream().filter(d -> d.batchId() == null).toList();
        List<Batch> batches = batches(requested);
        List<ObjectionView> objections = queries.query(new FindPendingObjectionsQuery(PAGE),
                ResponseTypes.multipleInstancesOf(ObjectionView.class)).join();
        List<ListingNoticeView> notices = notices(projects, requested, now);
        Map<String, FundView> funds = funds();
        Set<String> exited = exited(requested);

        List<Waiting> projectItems = projects.stream().map(p -> project(p, approver, notices, funds)).toList();
        List<Waiting> paymentItems = singles.stream().map(d -> payment(d, approver, notices, exited, now)).toList();
        List<Waiting> batchItems = batches.stream().map(b -> batch(b, approver, notices, exited, now)).toList();
        List<Waiting> objectionItems = objections.stream().map(Inbox::objection).toList();
        boolean cut = projects.size() >= PAGE || requested.size() >= PAYMENTS_PAGE || objections.size() >= PAGE;
        return new Contents(projectItems, paymentItems, batchItems, objectionItems, cut);
    }

    List<ProjectView> projects(String villageCode) {
        List<ProjectView> projects = new ArrayList<>();
        for (ProjectStatus status : List.of(ProjectStatus.PROPOSED, ProjectStatus.SELECTED)) {
            projects.addAll(queries.query(new FindProjectsQuery(null, villageCode, status, null, PAGE),
                    ResponseTypes.multipleInstancesOf(ProjectView.class)).join());
        }
        projects.sort(Comparator.comparing(Inbox::proposedAt).thenComparing(ProjectView::projectId));
        return projects;
    }

    List<DisbursementView> requested(String villageCode) {
        return queries.query(new FindDisbursementsQuery(null, villageCode, null, DisbursementStatus.REQUESTED, null,
                null, null, PAYMENTS_PAGE), ResponseTypes.multipleInstancesOf(DisbursementView.class)).join();
    }

    /**
     * The requested payments {@code wanted} picks (one payment, or a batch's items), read page by page in request
     * order until a page comes back short: the read model has no query by id, and an item's page must find it however
     * long the backlog before it. At most {@value #SEARCH_PAGES} pages are read.
     */
    List<DisbursementView> requestedWhere(java.util.function.Predicate<DisbursementView> wanted, boolean one) {
        List<DisbursementView> found = new ArrayList<>();
        Instant afterAt = null;
        String afterId = null;
        for (int page = 0; page < SEARCH_PAGES; page++) {
            List<DisbursementView> read = queries.query(new FindDisbursementsQuery(null, null, null,
                            DisbursementStatus.REQUESTED, null, afterAt, afterId, SEARCH_PAGE),
                    ResponseTypes.multipleInstancesOf(DisbursementView.class)).join();
            read.stream().filter(wanted).forEach(found::add);
            if (read.size() < SEARCH_PAGE || (one && !found.isEmpty())) {
                break;
            }
            DisbursementView last = read.get(read.size() - 1);
            afterAt = last.requestedAt();
            afterId = last.disbursementId();
        }
        return found;
    }

    static List<Batch> batches(List<DisbursementView> requested) {
        Map<String, List<DisbursementView>> byBatch = new LinkedHashMap<>();
        requested.stream().filter(d -> d.batchId() != null)
                .forEach(d -> byBatch.computeIfAbsent(d.batchId(), id -> new ArrayList<>()).add(d));
        return byBatch.entrySet().stream().map(entry -> {
            DisbursementView first = entry.getValue().get(0);
            return new Batch(entry.getKey(), first.projectId(), first.voucherNo(), first.requestedBy(),
                    first.requestedAt(), List.copyOf(entry.getValue()));
        }).toList();
    }

    List<ListingNoticeView> notices(List<ProjectView> projects, List<DisbursementView> payments, Instant now) {
        Set<String> items = new LinkedHashSet<>();
        Set<String> villages = new LinkedHashSet<>();
        projects.forEach(p -> {
            items.add(p.projectId());
            villages.add(p.villageCode());
        });
        payments.forEach(d -> {
            items.add(d.disbursementId());
            items.add(d.projectId());
            if (d.batchId() != null) {
                items.add(d.batchId());
            }
            villages.add(d.villageCode());
        });
        List<String> itemList = List.copyOf(items);
        List<String> villageList = List.copyOf(villages);
        if (itemList.size() > FindNoticesListingQuery.ITEMS_MAX || villageList.size() > FindNoticesListingQuery.VILLAGES_MAX) {
            itemList = itemList.subList(0, Math.min(itemList.size(), FindNoticesListingQuery.ITEMS_MAX));
            villageList = villageList.subList(0, Math.min(villageList.size(), FindNoticesListingQuery.VILLAGES_MAX));
        }
        return queries.query(new FindNoticesListingQuery(itemList, villageList, now),
                ResponseTypes.multipleInstancesOf(ListingNoticeView.class)).join();
    }

    /** The households paid by {@code payments} that have exited since (their grants are refused at approval). */
    Set<String> exited(List<DisbursementView> payments) {
        List<String> cardNos = payments.stream().map(DisbursementView::cardNo).filter(java.util.Objects::nonNull)
                .distinct().limit(FindNoticesListingQuery.ITEMS_MAX).toList();
        if (cardNos.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(queries.query(new FindExitedHouseholdsQuery(cardNos),
                ResponseTypes.multipleInstancesOf(String.class)).join());
    }

    Map<String, FundView> funds() {
        Map<String, FundView> funds = new LinkedHashMap<>();
        queries.query(new FindFundsQuery(null), ResponseTypes.multipleInstancesOf(FundView.class)).join()
                .forEach(fund -> funds.put(fund.fundId(), fund));
        return funds;
    }

    /** A project waits for its approval (批复): four eyes, its round, and whether its funds can reserve its budget. */
    Waiting project(ProjectView project, String approver, List<ListingNoticeView> notices, Map<String, FundView> funds) {
        List<InboxChecks.Block> blocks = new ArrayList<>();
        if (approver.equals(project.proposedBy())) {
            blocks.add(new InboxChecks.Block("SAME_REQUESTER_AND_APPROVER",
                    "这个项目是您本人提出的，须由另一位审批人批复（四眼原则）"));
        }
        if (project.status() == ProjectStatus.PROPOSED && project.competitionId() != null) {
            blocks.add(new InboxChecks.Block("PROJECT_IN_COMPETITION",
                    "项目正在参加竞争性分配，评审结束被选中后才能批复"));
        }
        for (BudgetLine line : project.budget()) {
            FundView fund = funds.get(line.fundId());
            long available = fund == null ? 0 : fund.availableFen();
            if (line.amountFen() > available) {
                blocks.add(new InboxChecks.Block("FUND_OVERDRAWN", "资金 " + line.fundId() + " 可用余额 "
                        + Money.yuan(available) + "，不足本项目的 " + Money.yuan(line.amountFen())));
            }
        }
        return new Waiting("project", project.projectId(), project.name() + "（" + project.villageName() + "）",
                project.proposedBy(), day(proposedAt(project)), Money.yuan(project.budgetTotalFen()), blocks,
                links(notices, List.of(project.projectId())), InboxScreen.PATH + "/projects/" + project.projectId());
    }

    /** A payment requested on its own: four eyes, the notices' holds, and its disclosure at its village. */
    Waiting payment(DisbursementView payment, String approver, List<ListingNoticeView> notices, Set<String> exited,
                    Instant now) {
        List<String> paid = Stream.of(payment.disbursementId(), payment.projectId()).toList();
        List<InboxChecks.Block> blocks = new ArrayList<>();
        if (approver.equals(payment.requestedBy())) {
            blocks.add(new InboxChecks.Block("SAME_REQUESTER_AND_APPROVER",
                    "这笔拨付是您本人申请的，须由另一位审批人审批（四眼原则）"));
        }
        blocks.addAll(InboxChecks.holds(notices, paid, approver, now));
        if (payment.cardNo() != null && exited.contains(payment.cardNo())) {
            blocks.add(new InboxChecks.Block("HOUSEHOLD_NOT_ELIGIBLE", "这户在申请之后已脱贫退出，不再发放到户补助，请驳回"));
        }
        InboxChecks.Disclosure disclosure = payment.cardNo() != null
                ? InboxChecks.Disclosure.ofGrant(payment.disbursementId(), payment.villageCode())
                : InboxChecks.Disclosure.ofVillagePayment(payment.projectId(), payment.villageCode());
        if (blocks.stream().noneMatch(b -> b.code().equals("DISCLOSURE_PERIOD_OPEN"))
                && !InboxChecks.disclosed(notices, disclosure, now)) {
            blocks.add(new InboxChecks.Block("NOT_DISCLOSED", payment.cardNo() != null
                    ? "尚未在本村的到户资金公示中公示期满，先公示后拨付"
                    : "项目计划尚未在本村公示期满，先公示后拨付"));
        }
        String payee = payment.cardNo() != null ? "农户 " + payment.headNameMasked() : "村 " + payment.villageCode();
        return new Waiting("payment", payment.disbursementId(), "拨付给" + payee + "（凭证 " + payment.voucherNo() + "）",
                payment.requestedBy(), day(payment.requestedAt()), Money.yuan(payment.amountFen()), blocks,
                links(notices, paid), InboxScreen.PATH + "/payments/" + payment.disbursementId());
    }

    /** A grant batch: four eyes, the holds on the batch, its project and its items, and each item's disclosure. */
    Waiting batch(Batch batch, String approver, List<ListingNoticeView> notices, Set<String> exited, Instant now) {
        List<String> paid = Stream.concat(Stream.of(batch.batchId(), batch.projectId()),
                batch.items().stream().map(DisbursementView::disbursementId)).toList();
        List<InboxChecks.Block> blocks = new ArrayList<>();
        if (approver.equals(batch.requestedBy())) {
            blocks.add(new InboxChecks.Block("SAME_REQUESTER_AND_APPROVER",
                    "这批到户补助是您本人提交的，须由另一位审批人审批（四眼原则）"));
        }
        List<InboxChecks.Block> holds = InboxChecks.holds(notices, paid, approver, now);
        blocks.addAll(holds);
        long gone = batch.items().stream().filter(item -> exited.contains(item.cardNo())).count();
        if (gone > 0) {
            blocks.add(new InboxChecks.Block("HOUSEHOLD_NOT_ELIGIBLE", "其中 " + gone
                    + " 户在提交之后已脱贫退出：先单独驳回这些户的拨付（目前通过接口），或驳回整个批次"));
        }
        if (holds.stream().noneMatch(b -> b.code().equals("DISCLOSURE_PERIOD_OPEN"))) {
            long undisclosed = batch.items().stream().filter(item -> !InboxChecks.disclosed(notices,
                    InboxChecks.Disclosure.ofGrant(item.disbursementId(), item.villageCode()), now)).count();
            if (undisclosed > 0) {
                blocks.add(new InboxChecks.Block("NOT_DISCLOSED", "其中 " + undisclosed
                        + " 户尚未在本村的到户资金公示中公示期满，先公示后拨付"));
            }
        }
        return new Waiting("batch", batch.batchId(), batch.items().size() + " 户到户补助（凭证 " + batch.voucherNo() + "）",
                batch.requestedBy(), day(batch.requestedAt()), Money.yuan(batch.totalFen()), blocks,
                links(notices, paid), InboxScreen.PATH + "/batches/" + batch.batchId());
    }

    /** An objection waits for an officer; nothing blocks resolving it but the officer's own judgement. */
    static Waiting objection(ObjectionView objection) {
        return new Waiting("objection", objection.objectionId(), "对公告事项 " + objection.item() + " 的异议",
                "群众", day(objection.receivedAt()), "", List.of(),
                List.of(new NoticeLink("/disclosure/notices/" + objection.noticeId(), "公告 " + objection.noticeId(), "")),
                InboxScreen.PATH + "/objections/" + objection.noticeId() + "/" + objection.objectionId());
    }

    static List<NoticeLink> links(List<ListingNoticeView> notices, List<String> items) {
        return InboxChecks.listing(notices, items).stream().map(notice -> new NoticeLink(
                "/disclosure/notices/" + notice.noticeId(), notice.title(), notice.periodEnd().toString())).toList();
    }

    static Instant proposedAt(ProjectView project) {
        return project.history().isEmpty() ? Instant.EPOCH : project.history().get(0).at();
    }

    static String day(Instant at) {
        return at == null ? "" : at.atZone(CHINA).toLocalDate().toString();
    }
}
