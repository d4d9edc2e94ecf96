package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.ops.audit.RefusedAttempts;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.ApproveDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.RejectGrantBatchCommand;
import cn.fupin.ledger.shared.disclosure.FindNoticeObjectionsQuery;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.ObjectionId;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionView;
import cn.fupin.ledger.shared.disclosure.ResolveObjectionCommand;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.CancelProjectCommand;
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approver's inbox (审批): everything waiting for a decision ({@link Inbox}) — projects, payments, grant batches
 * and objections — each oldest first with what stops the approval now and the notices that list it; and one page per
 * item where the approver approves it, rejects it with a reason, or resolves the objection. Each decision is the
 * command the API sends for it ({@code POST /api/projects/{id}/approve} and {@code /cancel},
 * {@code /api/disbursements/{id}/approve} and {@code /reject}, {@code /api/grants/batches/{id}/approve} and
 * {@code /reject}, {@code /api/notices/{id}/objections/{id}/resolve}), so the aggregates refuse here as there
 * (four eyes, publicity first), translated. An item the approver asked for themself shows why it is not theirs to
 * approve and offers no approval. Each form records once per key ({@link FormKeys}); the answer page shows what was
 * recorded. A refused four-eyes attempt is recorded for the auditors as the API records it ({@link RefusedAttempts}).
 * Completed projects waiting for their acceptance are listed here too; they are accepted on their own pages
 * ({@link AcceptanceScreen}).
 */
@Controller
class InboxScreen {

    static final String PATH = "/app/inbox";

    /** The fields of the inbox's forms, where a refusal's field problems are shown. */
    private static final java.util.Set<String> FIELDS = java.util.Set.of("approvalDocNo", "reason", "outcome");

    private final Inbox inbox;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final RefusedAttempts refusedAttempts;
    private final AcceptanceScreen acceptances;

    InboxScreen(Inbox inbox, CommandGateway commands, QueryGateway queries, Clock clock,
                RefusedAttempts refusedAttempts, AcceptanceScreen acceptances) {
        this.inbox = inbox;
        this.acceptances = acceptances;
        this.refusedAttempts = refusedAttempts;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** One line of an item's facts or of an answer. */
    record Fact(String label, String value) {
    }

    /** A decision recorded through the inbox, as its answer page shows it. */
    record Recorded(String answerId, String heading, List<Fact> facts) {
    }

    /** An item's page: the item, its facts, and the forms (with their keys) that decide it. */
    private record Item(Inbox.Waiting waiting, List<Fact> facts, String kindName) {
    }

    @GetMapping(PATH)
    String show(@RequestParam(name = "village", required = false) String village, Principal user, Model model) {
        String villageCode = village != null && village.matches("\\d{12}") ? village : null;
        model.addAttribute("village", villageCode);
        model.addAttribute("inbox", inbox.read(user.getName(), villageCode));
        model.addAttribute("acceptances", acceptances.waiting(villageCode));
        return "app/inbox";
    }

    // --- projects: approve (批复, with the approval document's number) or reject (撤销, with a reason)

    @GetMapping(PATH + "/projects/{id}")
    String project(@PathVariable("id") String id, Principal user, HttpSession session, Model model,
                   HttpServletResponse response) {
        return page(projectItem(id, user.getName()), Map.of(), null, session, model, response, "", "");
    }

    @PostMapping(PATH + "/projects/{id}/approve")
    String approveProject(@PathVariable("id") String id, @RequestParam(name = "approvalDocNo", required = false) String docNo,
                          @RequestParam(name = "key", required = false) String key, Principal user, HttpSession session,
                          Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Optional<Item> item = projectItem(id, user.getName());
        String approvalDocNo = docNo == null ? "" : docNo.strip();
        if (item.isPresent() && approvalDocNo.isEmpty()) {
            return page(item, Map.of("approvalDocNo", "请填写批复文号"), null, session, model, response, docNo, "");
        }
        return decide(item, key, () -> {
            commands.sendAndWait(new ApproveProjectCommand(new ProjectId(id), approvalDocNo, Actors.current()));
            return recorded("项目已批复", item.get(), new Fact("批复文号", approvalDocNo));
        }, session, model, redirect, response, docNo, "");
    }

    @PostMapping(PATH + "/projects/{id}/reject")
    String rejectProject(@PathVariable("id") String id, @RequestParam(name = "reason", required = false) String reason,
                         @RequestParam(name = "key", required = false) String key, Principal user, HttpSession session,
                         Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Optional<Item> item = projectItem(id, user.getName());
        return reject(item, reason, key, why -> commands.sendAndWait(
                new CancelProjectCommand(new ProjectId(id), why, Actors.current())), "项目已撤销（不予批复）",
                session, model, redirect, response);
    }

    // --- payments requested on their own

    @GetMapping(PATH + "/payments/{id}")
    String payment(@PathVariable("id") String id, Principal user, HttpSession session, Model model,
                   HttpServletResponse response) {
        return page(paymentItem(id, user.getName()), Map.of(), null, session, model, response, "", "");
    }

    @PostMapping(PATH + "/payments/{id}/approve")
    String approvePayment(@PathVariable("id") String id, @RequestParam(name = "key", required = false) String key,
                          Principal user, HttpSession session, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) {
        Optional<Item> item = paymentItem(id, user.getName());
        return decide(item, key, () -> {
            commands.sendAndWait(new ApproveDisbursementCommand(new DisbursementId(id), Actors.current()));
            return recorded("拨付已审批，款项已支付", item.get());
        }, session, model, redirect, response, "", "");
    }

    @PostMapping(PATH + "/payments/{id}/reject")
    String rejectPayment(@PathVariable("id") String id, @RequestParam(name = "reason", required = false) String reason,
                         @RequestParam(name = "key", required = false) String key, Principal user, HttpSession session,
                         Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Optional<Item> item = paymentItem(id, user.getName());
        return reject(item, reason, key, why -> commands.sendAndWait(
                new RejectDisbursementCommand(new DisbursementId(id), why, Actors.current())), "拨付已驳回",
                session, model, redirect, response);
    }

    // --- grant batches: every item still requested, together

    @GetMapping(PATH + "/batches/{id}")
    String batch(@PathVariable("id") String id, Principal user, HttpSession session, Model model,
                 HttpServletResponse response) {
        return page(batchItem(id, user.getName()), Map.of(), null, session, model, response, "", "");
    }

    @PostMapping(PATH + "/batches/{id}/approve")
    String approveBatch(@PathVariable("id") String id, @RequestParam(name = "key", required = false) String key,
                        Principal user, HttpSession session, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        Optional<Item> item = batchItem(id, user.getName());
        return decide(item, key, () -> {
            commands.sendAndWait(new ApproveGrantBatchCommand(new GrantBatchId(id), Actors.current()));
            return recorded("到户补助批次已审批，款项已支付", item.get());
        }, session, model, redirect, response, "", "");
    }

    @PostMapping(PATH + "/batches/{id}/reject")
    String rejectBatch(@PathVariable("id") String id, @RequestParam(name = "reason", required = false) String reason,
                       @RequestParam(name = "key", required = false) String key, Principal user, HttpSession session,
                       Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Optional<Item> item = batchItem(id, user.getName());
        return reject(item, reason, key, why -> commands.sendAndWait(
                new RejectGrantBatchCommand(new GrantBatchId(id), why, Actors.current())), "到户补助批次已驳回",
                session, model, redirect, response);
    }

    // --- objections: upheld (异议成立) or dismissed (异议不成立), with the reason published as 办理结果

    @GetMapping(PATH + "/objections/{noticeId}/{objectionId}")
    String objection(@PathVariable("noticeId") String noticeId, @PathVariable("objectionId") String objectionId,
                     HttpSession session, Model model, HttpServletResponse response) {
        return page(objectionItem(noticeId, objectionId), Map.of(), null, session, model, response, "", "");
    }

    @PostMapping(PATH + "/objections/{noticeId}/{objectionId}/resolve")
    String resolve(@PathVariable("noticeId") String noticeId, @PathVariable("objectionId") String objectionId,
                   @RequestParam(name = "outcome", required = false) String outcome,
                   @RequestParam(name = "reason", required = false) String reason,
                   @RequestParam(name = "key", required = false) String key, HttpSession session, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        Optional<Item> item = objectionItem(noticeId, objectionId);
        Map<String, String> errors = new LinkedHashMap<>();
        ObjectionResolution resolution = "UPHELD".equals(outcome) ? ObjectionResolution.UPHELD
                : "DISMISSED".equals(outcome) ? ObjectionResolution.DISMISSED : null;
        if (resolution == null) {
            errors.put("outcome", "请选择处理结果");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.put("reason", "请填写办理结果（将在公告上公开）");
        }
        if (item.isPresent() && !errors.isEmpty()) {
            return page(item, errors, null, session, model, response, "", reason);
        }
        return decide(item, key, () -> {
            commands.sendAndWait(new ResolveObjectionCommand(new NoticeId(noticeId), new ObjectionId(objectionId),
                    resolution, why, Actors.current()));
            return recorded(resolution == ObjectionResolution.UPHELD ? "异议已处理：异议成立" : "异议已处理：异议不成立",
                    item.get(), new Fact("办理结果", why));
        }, session, model, redirect, response, "", reason);
    }

    @GetMapping(PATH + "/recorded/{id}")
    String recorded(@PathVariable("id") String id, HttpSession session, Model model) {
        Recorded done = Answers.<Recorded>of(session, InboxScreen.class).get(id);
        if (done == null) {
            return "redirect:" + PATH;
        }
        model.addAttribute("recorded", done);
        return "app/inbox-recorded";
    }

    // --- the items, read for their pages

    private Optional<Item> projectItem(String id, String approver) {
        Optional<ProjectView> project;
        try {
            project = queries.query(new FindProjectQuery(new ProjectId(id).value()),
                    ResponseTypes.optionalInstanceOf(ProjectView.class)).join();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return project.filter(p -> p.status() == ProjectStatus.PROPOSED || p.status() == ProjectStatus.SELECTED)
                .map(p -> {
                    Inbox.Waiting waiting = inbox.project(p, approver, inbox.notices(List.of(p), List.of(),
                            clock.instant()), inbox.funds());
                    List<Fact> facts = new ArrayList<>(List.of(new Fact("项目", p.name()),
                            new Fact("工作领域", p.workAreaName()),
                            new Fact("地点", p.townshipName() + " " + p.villageName()),
                            new Fact("状态", p.status().chineseName()),
                            new Fact("预算", Money.yuan(p.budgetTotalFen())),
                            new Fact("实施主体", p.implementer()), new Fact("监管主体", p.supervisor()),
                            new Fact("计划工期", p.startDate() + " 至 " + p.endDate()),
                            new Fact("提出人", p.proposedBy())));
                    return new Item(waiting, facts, "项目批复");
                });
    }

    private Optional<Item> paymentItem(String id, String approver) {
        if (!validId(() -> new DisbursementId(id))) {
            return Optional.empty();
        }
        return inbox.requestedWhere(d -> d.disbursementId().equals(id) && d.batchId() == null, true).stream()
                .findFirst()
                .map(d -> {
                    Inbox.Waiting waiting = inbox.payment(d, approver, inbox.notices(List.of(), List.of(d),
                            clock.instant()), inbox.exited(List.of(d)), clock.instant());
                    List<Fact> facts = List.of(new Fact("收款", d.cardNo() != null
                                    ? "农户 " + d.headNameMasked() + "（村 " + d.villageCode() + "）" : "村 " + d.villageCode()),
                            new Fact("金额", Money.yuan(d.amountFen())), new Fact("项目", d.projectId()),
                            new Fact("凭证号", d.voucherNo()), new Fact("申请人", d.requestedBy()),
                            new Fact("申请日期", Inbox.day(d.requestedAt())));
                    return new Item(waiting, facts, "拨付审批");
                });
    }

    private Optional<Item> batchItem(String id, String approver) {
        if (!validId(() -> new GrantBatchId(id))) {
            return Optional.empty();
        }
        List<DisbursementView> items = inbox.requestedWhere(d -> id.equals(d.batchId()), false);
        return Inbox.batches(items).stream().findFirst().map(batch -> {
            Inbox.Waiting waiting = inbox.batch(batch, approver, inbox.notices(List.of(), batch.items(),
                    clock.instant()), inbox.exited(batch.items()), clock.instant());
            List<Fact> facts = new ArrayList<>(List.of(new Fact("项目", batch.projectId()),
                    new Fact("凭证号", batch.voucherNo()), new Fact("户数", Integer.toString(batch.items().size())),
                    new Fact("合计", Money.yuan(batch.totalFen())), new Fact("提交人", batch.requestedBy()),
                    new Fact("提交日期", Inbox.day(batch.requestedAt()))));
            batch.items().stream().limit(50).forEach(d -> facts.add(new Fact("农户 " + d.headNameMasked(),
                    Money.yuan(d.amountFen()) + "（村 " + d.villageCode() + "）")));
            return new Item(waiting, facts, "到户补助批次审批");
        });
    }

    private Optional<Item> objectionItem(String noticeId, String objectionId) {
        if (!validId(() -> new NoticeId(noticeId)) || !validId(() -> new ObjectionId(objectionId))) {
            return Optional.empty();
        }
        return queries.query(new FindNoticeObjectionsQuery(noticeId),
                        ResponseTypes.multipleInstancesOf(ObjectionView.class)).join().stream()
                .filter(o -> o.objectionId().equals(objectionId) && "PENDING".equals(o.outcome())).findFirst()
                .map(o -> new Item(Inbox.objection(o), List.of(new Fact("公告", o.noticeId()),
                        new Fact("异议事项", o.item()), new Fact("异议内容", o.text()),
                        new Fact("收到日期", Inbox.day(o.receivedAt())),
                        new Fact("留有联系方式", o.contactGiven() ? "是（不公开）" : "否")), "异议处理"));
    }

    private static boolean validId(Runnable construct) {
        try {
            construct.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // --- deciding

    /** The item a form decides is not waiting any more (or never was). */
    private static final class NotWaiting extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        NotWaiting() {
            super("the item is not waiting for a decision", null, false, false);
        }
    }

    private interface Rejection {
        void send(String reason);
    }

    private String reject(Optional<Item> item, String reason, String key, Rejection rejection, String heading,
                          HttpSession session, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String why = reason == null ? "" : reason.strip();
        if (item.isPresent() && why.isEmpty()) {
            return page(item, Map.of("reason", "驳回须写明理由"), null, session, model, response, "", reason);
        }
        return decide(item, key, () -> {
            rejection.send(why);
            return recorded(heading, item.get(), new Fact("理由", why));
        }, session, model, redirect, response, "", reason);
    }

    private String decide(Optional<Item> item, String key, Supplier<Recorded> work, HttpSession session, Model model,
                          RedirectAttributes redirect, HttpServletResponse response, String docNo, String reason) {
        // A second click may arrive once the first decided the item (it is no longer waiting): its key still answers
        // the first one's result; only a fresh key on an item that is not waiting is told so.
        Supplier<Recorded> guarded = item.isPresent() ? work : () -> {
            throw new NotWaiting();
        };
        try {
            Recorded done = FormKeys.of(session).once(key, guarded);
            Answers.<Recorded>of(session, InboxScreen.class).put(done.answerId(), done);
            redirect.addAttribute("id", done.answerId());
            return "redirect:" + PATH + "/recorded/{id}";
        } catch (NotWaiting e) {
            return gone(model, response);
        } catch (FormKeys.UnknownKey e) {
            return page(item, Map.of(), "这份表单已过期（或不是本次登录打开的），请核对后重新提交。", session, model, response,
                    docNo, reason);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            // A refused four-eyes attempt is a fact auditors need (SELF_DEALING_ATTEMPT), as when the API refuses it.
            refusedAttempts.recordNoted(refusal);
            Map<String, String> refused = new LinkedHashMap<>();
            String general = Refusals.explain(refusal, refused);
            // A problem named on a field this page has no input for (a batch's items[i].cardNo): said for the form.
            refused.keySet().retainAll(FIELDS);
            if (general == null && refused.isEmpty()) {
                general = Refusals.chinese(refusal.code());
            }
            return page(item, refused, general, session, model, response, docNo, reason);
        }
    }

    private Recorded recorded(String heading, Item item, Fact... more) {
        List<Fact> facts = new ArrayList<>(List.of(new Fact("事项", item.waiting().title()),
                new Fact("编号", item.waiting().id())));
        if (!item.waiting().amount().isEmpty()) {
            facts.add(new Fact("金额", item.waiting().amount()));
        }
        facts.addAll(List.of(more));
        facts.add(new Fact("办理时间", clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDateTime().withNano(0).toString().replace('T', ' ')));
        return new Recorded(UUID.randomUUID().toString(), heading, List.copyOf(facts));
    }

    private String page(Optional<Item> item, Map<String, String> errors, String general, HttpSession session,
                        Model model, HttpServletResponse response, String docNo, String reason) {
        if (item.isEmpty()) {
            return gone(model, response);
        }
        FormKeys keys = FormKeys.of(session);
        model.addAttribute("item", item.get().waiting());
        model.addAttribute("facts", item.get().facts());
        model.addAttribute("kindName", item.get().kindName());
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        model.addAttribute("approveKey", keys.issue());
        model.addAttribute("rejectKey", keys.issue());
        model.addAttribute("approvalDocNo", docNo == null ? "" : docNo);
        model.addAttribute("reason", reason == null ? "" : reason);
        return "app/inbox-item";
    }

    /** Not waiting (decided already, never existed, or an id typed by hand): said plainly, with a 404. */
    private static String gone(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("item", null);
        return "app/inbox-gone";
    }
}
