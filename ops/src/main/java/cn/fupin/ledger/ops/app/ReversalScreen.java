package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.FindDisbursementsQuery;
import cn.fupin.ledger.shared.disbursement.ReverseDisbursementCommand;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reversal (冲正) of a paid payment: the paid payments, filtered by project or village and read a page at a time
 * in the order they were requested (keyset: after the last one's request time and id), and one page per payment
 * where the approver reverses it with its required reason — the command the API sends
 * ({@code POST /api/disbursements/{id}/reverse}), so the aggregates refuse here as there (a payment not paid, a
 * project already accepted or cancelled), translated. The approval is never changed: the reversal is a new fact
 * that names it, and the money goes back to the project's budget.
 */
@Controller
class ReversalScreen {

    static final String PATH = InboxScreen.PATH + "/paid";
    static final int PAGE = 50;
    private static final int SEARCH_PAGE = 500;
    private static final int SEARCH_PAGES = 200;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    ReversalScreen(CommandGateway commands, QueryGateway queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** One paid payment in the list: what it paid, to whom, and where its reversal form is. */
    record Paid(String disbursementId, String payee, String projectId, String voucherNo, String amount,
                String requestedBy, String approvedBy, String approvedOn, String path) {
    }

    @GetMapping(PATH)
    String list(@RequestParam(name = "project", required = false) String project,
                @RequestParam(name = "village", required = false) String village,
                @RequestParam(name = "afterAt", required = false) String afterAt,
                @RequestParam(name = "afterId", required = false) String afterId, Model model) {
        String projectId = project != null && validProject(project.strip()) ? project.strip() : null;
        String villageCode = village != null && village.strip().matches("\\d{12}") ? village.strip() : null;
        Instant after = instant(afterAt);
        String afterDisbursement = after != null && afterId != null && validDisbursement(afterId) ? afterId : null;
        if (afterDisbursement == null) {
            after = null;
        }
        List<DisbursementView> paid = queries.query(new FindDisbursementsQuery(projectId, villageCode, null,
                        DisbursementStatus.APPROVED, null, after, afterDisbursement, PAGE),
                ResponseTypes.multipleInstancesOf(DisbursementView.class)).join();
        model.addAttribute("project", projectId == null ? "" : projectId);
        model.addAttribute("village", villageCode == null ? "" : villageCode);
        model.addAttribute("paid", paid.stream().map(ReversalScreen::paid).toList());
        model.addAttribute("paged", after != null);
        DisbursementView last = paid.size() < PAGE ? null : paid.get(paid.size() - 1);
        model.addAttribute("nextAt", last == null ? null : last.requestedAt().toString());
        model.addAttribute("nextId", last == null ? null : last.disbursementId());
        return "app/inbox-paid";
    }

    @GetMapping(PATH + "/{id}")
    String page(@PathVariable("id") String id, Principal user, HttpSession session, Model model,
                HttpServletResponse response) {
        return paid(id).map(d -> InboxStep.show(page(d, user.getName()), Map.of(), null, "", session, model))
                .orElseGet(() -> InboxStep.gone(model, response));
    }

    @PostMapping(PATH + "/{id}/reverse")
    String reverse(@PathVariable("id") String id, @RequestParam(name = "reason", required = false) String reason,
                   @RequestParam(name = "key", required = false) String key, Principal user, HttpSession session,
                   Model model, HttpServletResponse response) {
        Optional<DisbursementView> payment = paid(id);
        String why = reason == null ? "" : reason.strip();
        if (payment.isPresent() && why.isEmpty()) {
            return InboxStep.show(page(payment.get(), user.getName()), Map.of("reason", "冲正须写明理由"), null, reason,
                    session, model);
        }
        InboxStep.Page page = payment.map(d -> page(d, user.getName())).orElse(null);
        return InboxStep.once(page, key, () -> {
            DisbursementView d = payment.orElseThrow(InboxStep.Gone::new);
            commands.sendAndWait(new ReverseDisbursementCommand(new DisbursementId(d.disbursementId()), why,
                    Actors.current()));
            return InboxStep.recorded("拨付已冲正，款项退回项目预算", clock,
                    new InboxScreen.Fact("拨付", d.disbursementId()), new InboxScreen.Fact("收款", payee(d)),
                    new InboxScreen.Fact("金额", Money.yuan(d.amountFen())), new InboxScreen.Fact("项目", d.projectId()),
                    new InboxScreen.Fact("凭证号", d.voucherNo()), new InboxScreen.Fact("冲正理由", why));
        }, reason, session, model, response);
    }

    /**
     * The paid payment of {@code id}, read page by page in request order until found or a page comes back short (the
     * read model has no query by id); an id typed by hand, or a payment not paid, finds none.
     */
    private Optional<DisbursementView> paid(String id) {
        if (!validDisbursement(id)) {
            return Optional.empty();
        }
        Instant afterAt = null;
        String afterId = null;
        for (int page = 0; page < SEARCH_PAGES; page++) {
            List<DisbursementView> read = queries.query(new FindDisbursementsQuery(null, null, null,
                            DisbursementStatus.APPROVED, null, afterAt, afterId, SEARCH_PAGE),
                    ResponseTypes.multipleInstancesOf(DisbursementView.class)).join();
            Optional<DisbursementView> found = read.stream().filter(d -> d.disbursementId().equals(id)).findFirst();
            if (found.isPresent() || read.size() < SEARCH_PAGE) {
                return found;
            }
            DisbursementView last = read.get(read.size() - 1);
            afterAt = last.requestedAt();
            afterId = last.disbursementId();
        }
        return Optional.empty();
    }

    private InboxStep.Page page(DisbursementView d, String approver) {
        List<InboxScreen.Fact> facts = List.of(new InboxScreen.Fact("拨付", d.disbursementId()),
                new InboxScreen.Fact("收款", payee(d)), new InboxScreen.Fact("金额", Money.yuan(d.amountFen())),
                new InboxScreen.Fact("项目", d.projectId()), new InboxScreen.Fact("凭证号", d.voucherNo()),
                new InboxScreen.Fact("申请人", d.requestedBy() + "，" + Inbox.day(d.requestedAt())),
                new InboxScreen.Fact("审批人", d.decidedBy() + "，" + Inbox.day(d.decidedAt())));
        List<String> notes = new ArrayList<>();
        queries.query(new FindProjectQuery(d.projectId()), ResponseTypes.optionalInstanceOf(ProjectView.class)).join()
                .filter(p -> p.status() == ProjectStatus.ACCEPTED || p.status() == ProjectStatus.CANCELLED)
                .ifPresent(p -> notes.add("项目" + p.status().chineseName() + "，资金已不再为它预留，账本不接受冲正到这个项目。"));
        if (approver.equals(d.requestedBy()) || approver.equals(d.decidedBy())) {
            notes.add("这笔拨付由您本人" + (approver.equals(d.requestedBy()) ? "申请" : "审批")
                    + "。账本不禁止本人冲正（冲正只把款项退回项目预算），冲正记录写明办理人，审计可查。");
        }
        return new InboxStep.Page("拨付冲正", "已支付的拨付（凭证 " + d.voucherNo() + "）", facts,
                PATH + "/" + d.disbursementId() + "/reverse", "reason", "冲正理由（必填）", "理由记入账本，审计可查",
                "冲正", "冲正后款项退回项目预算，原审批记录不变，冲正作为新的记录写入账本，不能撤回。", notes);
    }

    private static Paid paid(DisbursementView d) {
        return new Paid(d.disbursementId(), payee(d), d.projectId(), d.voucherNo(), Money.yuan(d.amountFen()),
                d.requestedBy(), d.decidedBy(), Inbox.day(d.decidedAt()), PATH + "/" + d.disbursementId());
    }

    private static String payee(DisbursementView d) {
        return d.cardNo() != null ? "农户 " + d.headNameMasked() + "（村 " + d.villageCode() + "）" : "村 " + d.villageCode();
    }

    private static Instant instant(String at) {
        try {
            return at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean validProject(String id) {
        try {
            new ProjectId(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean validDisbursement(String id) {
        try {
            new DisbursementId(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
