package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.FindDisbursementsQuery;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disbursement.RequestDisbursementCommand;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.ProjectId;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The clerk's payment requests (拨付申请): the form that asks for a payment out of an approved project's budget to its
 * village (a village project) or to a household (a household project's start-up grant) — the same command as
 * {@code POST /api/disbursements}, refused for the same reasons, translated — and the requests with their status, a
 * page at a time in the order they were made. A request is decided by an approver, never by the clerk who made it.
 */
@Controller
class PaymentScreen {

    static final String PATH = "/app/payments";
    static final int PAGE = 50;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Set<String> FORM_FIELDS = Set.of("projectId", "villageCode", "cardNo", "amountYuan",
            "voucherNo");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final NewIds ids;
    private final ClerkChoices choices;
    private final Clock clock;

    PaymentScreen(CommandGateway commands, QueryGateway queries, NewIds ids, ClerkChoices choices, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.choices = choices;
        this.clock = clock;
    }

    /** A payment request as the clerk typed it. */
    record Form(String projectId, String villageCode, String cardNo, String amountYuan, String voucherNo, String key) {
    }

    /** A payment requested through this screen, as its answer page shows it. */
    record Requested(String disbursementId, String projectId, String payee, long amountFen, String voucherNo,
                     String at) {

        public String amount() {
            return Money.yuan(amountFen);
        }
    }

    @GetMapping(PATH)
    String show(@RequestParam(name = "project", required = false) String project,
                @RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "afterAt", required = false) String afterAt,
                @RequestParam(name = "afterId", required = false) String afterId, HttpSession session, Model model) {
        String projectId = validProject(project);
        Form blank = new Form(projectId == null ? "" : projectId, "", "", "", "", FormKeys.of(session).issue());
        return page(projectId, statusOf(status), afterAt, afterId, blank, Map.of(), null, model);
    }

    @PostMapping(PATH)
    String request(Form form, HttpSession session, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String projectId = validProject(form.projectId());
        if (projectId == null) {
            errors.put("projectId", "请选择项目");
        }
        String villageCode = ClerkForms.text(form.villageCode());
        String cardNo = ClerkForms.text(form.cardNo());
        if ((villageCode == null) == (cardNo == null)) {
            String both = villageCode == null ? "请填写收款的村（到村项目）或户卡号（到户项目），二者填一项"
                    : "收款的村和户卡号只能填一项";
            errors.put("villageCode", both);
            errors.put("cardNo", both);
        }
        Long amountFen = YuanInput.fen(form.amountYuan(), "amountYuan", errors);
        if (ClerkForms.text(form.voucherNo()) == null) {
            errors.put("voucherNo", "请填写凭证号");
        }
        if (!errors.isEmpty()) {
            return page(projectId, null, null, null, form, errors, null, model);
        }
        try {
            Requested done = FormKeys.of(session).once(form.key(), () -> {
                DisbursementId disbursementId = ids.disbursement();
                commands.sendAndWait(new RequestDisbursementCommand(disbursementId, new ProjectId(projectId),
                        villageCode, cardNo, amountFen, ClerkForms.text(form.voucherNo()), Actors.current()));
                String payee = villageCode != null ? choices.villageName(choices.villages(), villageCode)
                        : "户卡号 " + cardNo;
                return new Requested(disbursementId.value(), projectId, payee, amountFen,
                        ClerkForms.text(form.voucherNo()), clock.instant().atZone(CHINA).format(WHEN));
            });
            Answers.<Requested>of(session, PaymentScreen.class).put(done.disbursementId(), done);
            redirect.addAttribute("id", done.disbursementId());
            return "redirect:" + PATH + "/requested/{id}";
        } catch (FormKeys.UnknownKey e) {
            Form fresh = new Form(form.projectId(), form.villageCode(), form.cardNo(), form.amountYuan(),
                    form.voucherNo(), FormKeys.of(session).issue());
            return page(projectId, null, null, null, fresh, Map.of(), ProjectScreen.EXPIRED, model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            Map<String, String> refused = new LinkedHashMap<>();
            String general = ClerkForms.explain(refusal, field -> field.equals("amountFen") ? "amountYuan" : field,
                    FORM_FIELDS, refused);
            return page(projectId, null, null, null, form, refused, general, model);
        }
    }

    @GetMapping(PATH + "/requested/{id}")
    String requested(@PathVariable("id") String id, HttpSession session, Model model) {
        Requested done = Answers.<Requested>of(session, PaymentScreen.class).get(id);
        if (done == null) {
            return "redirect:" + PATH;
        }
        model.addAttribute("requested", done);
        return "app/payment-requested";
    }

    private String page(String projectId, DisbursementStatus status, String afterAt, String afterId, Form form,
                        Map<String, String> errors, String general, Model model) {
        Instant after = instant(afterAt);
        String afterDisbursement = after == null ? null : validDisbursement(afterId);
        if (afterDisbursement == null) {
            after = null;
        }
        List<DisbursementView> payments = queries.query(new FindDisbursementsQuery(projectId, null, null, status,
                        null, after, afterDisbursement, PAGE),
                ResponseTypes.multipleInstancesOf(DisbursementView.class)).join();
        Map<String, ClerkChoices.Village> villages = choices.villages();
        model.addAttribute("payments", payments.stream().map(p -> row(p, villages)).toList());
        DisbursementView last = payments.size() == PAGE ? payments.get(PAGE - 1) : null;
        model.addAttribute("nextAt", last == null ? null : last.requestedAt().toString());
        model.addAttribute("nextId", last == null ? null : last.disbursementId());
        model.addAttribute("project", projectId == null ? "" : projectId);
        model.addAttribute("status", status == null ? "" : status.name());
        model.addAttribute("statuses", List.of(DisbursementStatus.values()).stream()
                .map(s -> Map.of("name", s.name(), "text", statusName(s))).toList());
        model.addAttribute("projects", choices.payableProjects());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        return "app/payments";
    }

    private Map<String, String> row(DisbursementView p, Map<String, ClerkChoices.Village> villages) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", p.disbursementId());
        row.put("at", p.requestedAt() == null ? "" : p.requestedAt().atZone(CHINA).format(WHEN));
        row.put("project", p.projectId());
        row.put("payee", p.payeeKind() == PayeeKind.HOUSEHOLD
                ? p.cardNo() + " " + (p.headNameMasked() == null ? "" : p.headNameMasked())
                : choices.villageName(villages, p.villageCode()));
        row.put("amount", Money.yuan(p.amountFen()));
        row.put("voucher", p.voucherNo() == null ? "" : p.voucherNo());
        row.put("batch", p.batchId() == null ? "" : p.batchId());
        row.put("status", statusName(p.status()));
        row.put("requestedBy", p.requestedBy() == null ? "" : p.requestedBy());
        row.put("decided", (p.decidedBy() == null ? "" : p.decidedBy())
                + (p.reason() == null ? "" : "：" + p.reason()));
        return row;
    }

    /** A payment's status in Chinese. */
    static String statusName(DisbursementStatus status) {
        return switch (status) {
            case REQUESTED -> "待审批";
            case APPROVED -> "已拨付";
            case REJECTED -> "已驳回";
            case REVERSED -> "已冲销";
        };
    }

    private static DisbursementStatus statusOf(String status) {
        for (DisbursementStatus candidate : DisbursementStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        return null;
    }

    static String validProject(String id) {
        String text = ClerkForms.text(id);
        try {
            return text == null ? null : new ProjectId(text).value();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String validDisbursement(String id) {
        try {
            return id == null ? null : new DisbursementId(id).value();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
