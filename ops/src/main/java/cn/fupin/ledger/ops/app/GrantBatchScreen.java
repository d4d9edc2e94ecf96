package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.FindDisbursementsQuery;
import cn.fupin.ledger.shared.disbursement.GrantBatchId;
import cn.fupin.ledger.shared.disbursement.GrantItem;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disbursement.SubmitGrantBatchCommand;
import cn.fupin.ledger.shared.household.FindVillageHeadNamesQuery;
import cn.fupin.ledger.shared.household.HeadNameView;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clerk's grant batches (到户补助批次): pick a household project that may pay and a village, tick the village's
 * registered households, each row's grant prefilled from the project's subsidy standard per household (or the least
 * start-up grant, 3,000 yuan, where the project states none), and submit them on one voucher — the same command as
 * {@code POST /api/grants/batches}: all households or none, every refused row named beside it. Households whose
 * start-up grant is requested or paid already are shown and cannot be ticked. The project's batches are listed with
 * their status.
 */
@Controller
class GrantBatchScreen {

    static final String PATH = "/app/batches";
    /** As many households as a batch holds (GrantBatchSubmitter.ITEMS_MAX). */
    static final int HOUSEHOLDS_MAX = 1000;
    /** The project's payments read to list its batches. */
    static final int PAYMENTS_READ = 5000;
    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)]\\.(cardNo|amountFen)");
    private static final Pattern CARD = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final NewIds ids;
    private final ClerkChoices choices;

    GrantBatchScreen(CommandGateway commands, QueryGateway queries, NewIds ids, ClerkChoices choices) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.choices = choices;
    }

    /** A household row of the form: ticked or not, the grant typed, and whether it has its grant already. */
    record Row(String cardNo, String headName, boolean ticked, String amountYuan, String granted) {
    }

    /** A batch submitted through this screen, as its answer page shows it. */
    record Submitted(String batchId, String projectId, String projectName, String villageName, String voucherNo,
                     List<Map<String, String>> items, String total, List<String> disbursementIds) {
    }

    @GetMapping(PATH)
    String show(@RequestParam(name = "project", required = false) String project,
                @RequestParam(name = "village", required = false) String village, HttpSession session, Model model) {
        String projectId = PaymentScreen.validProject(project);
        String villageCode = validVillage(village);
        return page(projectId, villageCode, "", null, Map.of(), null, FormKeys.of(session).issue(), model);
    }

    @PostMapping(PATH)
    String submit(@RequestParam MultiValueMap<String, String> fields, HttpSession session, Model model,
                  RedirectAttributes redirect) {
        String projectId = PaymentScreen.validProject(fields.getFirst("project"));
        String villageCode = validVillage(fields.getFirst("village"));
        String voucherNo = ClerkForms.text(fields.getFirst("voucherNo"));
        String key = fields.getFirst("key");
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> cards = fields.getOrDefault("card", List.of()).stream().map(String::strip)
                .filter(card -> CARD.matcher(card).matches()).distinct().toList();
        Map<String, String> typed = new LinkedHashMap<>();
        cards.forEach(card -> typed.put(card, fields.getFirst("amount-" + card)));
        if (projectId == null) {
            errors.put("project", "请选择项目");
        }
        if (villageCode == null) {
            errors.put("village", "请选择村");
        }
        if (voucherNo == null) {
            errors.put("voucherNo", "请填写凭证号");
        }
        if (cards.isEmpty()) {
            errors.put("households", "请至少勾选一户");
        }
        if (cards.size() > HOUSEHOLDS_MAX) {
            errors.put("households", "一个批次最多 " + HOUSEHOLDS_MAX + " 户，请分批提交");
        }
        List<GrantItem> items = new ArrayList<>();
        for (String card : cards) {
            Long fen = YuanInput.fen(typed.get(card), "amount-" + card, errors);
            if (fen != null) {
                items.add(new GrantItem(card, fen));
            }
        }
        if (!errors.isEmpty()) {
            return page(projectId, villageCode, voucherNo, typed, errors, null, key, model);
        }
        try {
            Submitted done = FormKeys.of(session).once(key, () -> {
                GrantBatchId batchId = ids.grantBatch();
                List<String> disbursementIds = commands.sendAndWait(new SubmitGrantBatchCommand(batchId,
                        new ProjectId(projectId), voucherNo, List.copyOf(items), Actors.current()));
                return submitted(batchId.value(), projectId, villageCode, voucherNo, items, disbursementIds);
            });
            Answers.<Submitted>of(session, GrantBatchScreen.class).put(done.batchId(), done);
            redirect.addAttribute("id", done.batchId());
            return "redirect:" + PATH + "/submitted/{id}";
        } catch (FormKeys.UnknownKey e) {
            return page(projectId, villageCode, voucherNo, typed, Map.of(), ProjectScreen.EXPIRED,
                    FormKeys.of(session).issue(), model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            Set<String> shown = new HashSet<>(Set.of("project", "village", "voucherNo", "households"));
            cards.forEach(card -> {
                shown.add("card-" + card);
                shown.add("amount-" + card);
            });
            Map<String, String> refused = new LinkedHashMap<>();
            List<String> sent = items.stream().map(GrantItem::cardNo).toList();
            String general = ClerkForms.explain(refusal, field -> formField(field, sent), shown, refused);
            if (general == null) {
                general = "这一批没有提交：下面标出的农户不能发放，请改正或取消勾选后重新提交。";
            }
            return page(projectId, villageCode, voucherNo, typed, refused, general, key, model);
        }
    }

    @GetMapping(PATH + "/submitted/{id}")
    String submitted(@PathVariable("id") String id, HttpSession session, Model model) {
        Submitted done = Answers.<Submitted>of(session, GrantBatchScreen.class).get(id);
        if (done == null) {
            return "redirect:" + PATH;
        }
        model.addAttribute("submitted", done);
        return "app/batch-submitted";
    }

    private String page(String projectId, String villageCode, String voucherNo, Map<String, String> typed,
                        Map<String, String> errors, String general, String key, Model model) {
        List<ClerkChoices.Project> projects = choices.payableProjects().stream()
                .filter(p -> p.view().beneficiary() == Beneficiary.HOUSEHOLDS).toList();
        Optional<ClerkChoices.Project> project = projects.stream().filter(p -> p.name().equals(projectId))
                .findFirst();
        Map<String, ClerkChoices.Village> villages = choices.villages();
        model.addAttribute("projects", projects);
        model.addAttribute("townships", choices.townships());
        model.addAttribute("project", projectId == null ? "" : projectId);
        model.addAttribute("village", villageCode == null ? "" : villageCode);
        model.addAttribute("voucherNo", voucherNo == null ? "" : voucherNo);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        model.addAttribute("key", key);
        model.addAttribute("chosen", project.isPresent() && villageCode != null);
        model.addAttribute("notPayable", projectId != null && project.isEmpty());
        if (project.isPresent()) {
            model.addAttribute("projectName", project.get().chineseName());
            model.addAttribute("batches", batches(projectId));
        }
        if (project.isPresent() && villageCode != null) {
            ClerkChoices.Village village = villages.get(villageCode);
            model.addAttribute("villageName", choices.villageName(villages, villageCode));
            model.addAttribute("otherTownship", village == null
                    || !village.townshipCode().equals(project.get().view().townshipCode()));
            long prefilledFen = choices.prefilledGrantFen(projectId);
            model.addAttribute("standard", Money.yuan(prefilledFen));
            model.addAttribute("rows", rows(villageCode, typed, Money.yuanNumber(prefilledFen)));
        }
        return "app/batches";
    }

    /** The village's households (at most a batch's worth), each with the grant it has already, if any. */
    private List<Row> rows(String villageCode, Map<String, String> typed, String prefilled) {
        List<HeadNameView> households = queries.query(new FindVillageHeadNamesQuery(villageCode),
                ResponseTypes.multipleInstancesOf(HeadNameView.class)).join();
        Map<String, String> granted = new TreeMap<>();
        queries.query(new FindDisbursementsQuery(null, villageCode, null, null, null, null, null, PAYMENTS_READ),
                        ResponseTypes.multipleInstancesOf(DisbursementView.class)).join().stream()
                .filter(p -> p.payeeKind() == PayeeKind.HOUSEHOLD)
                .filter(p -> p.status() == DisbursementStatus.REQUESTED || p.status() == DisbursementStatus.APPROVED)
                .forEach(p -> granted.put(p.cardNo(), PaymentScreen.statusName(p.status()) + " "
                        + Money.yuan(p.amountFen())));
        return households.stream().limit(HOUSEHOLDS_MAX).map(h -> new Row(h.cardNo(), h.headName(),
                typed != null && typed.containsKey(h.cardNo()),
                typed != null && typed.get(h.cardNo()) != null ? typed.get(h.cardNo()) : prefilled,
                granted.get(h.cardNo()))).toList();
    }

    /** The project's batches, each with its households, total and status (from its payments' statuses). */
    private List<Map<String, String>> batches(String projectId) {
        Map<String, List<DisbursementView>> byBatch = new LinkedHashMap<>();
        queries.query(new FindDisbursementsQuery(projectId, null, null, null, null, null, null, PAYMENTS_READ),
                        ResponseTypes.multipleInstancesOf(DisbursementView.class)).join().stream()
                .filter(p -> p.batchId() != null)
                .forEach(p -> byBatch.computeIfAbsent(p.batchId(), batch -> new ArrayList<>()).add(p));
        List<Map<String, String>> batches = new ArrayList<>();
        byBatch.forEach((batchId, payments) -> {
            Map<DisbursementStatus, Long> counts = new TreeMap<>();
            payments.forEach(p -> counts.merge(p.status(), 1L, Long::sum));
            StringBuilder status = new StringBuilder();
            counts.forEach((s, n) -> status.append(status.isEmpty() ? "" : "，")
                    .append(PaymentScreen.statusName(s)).append(' ').append(n).append(" 户"));
            DisbursementView first = payments.get(0);
            batches.add(Map.of("id", batchId, "at", first.requestedAt() == null ? "" : first.requestedAt()
                            .atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString(),
                    "households", Integer.toString(payments.size()),
                    "total", Money.yuan(payments.stream().mapToLong(DisbursementView::amountFen).sum()),
                    "status", status.toString(), "requestedBy", first.requestedBy() == null ? ""
                            : first.requestedBy()));
        });
        return batches;
    }

    private Submitted submitted(String batchId, String projectId, String villageCode, String voucherNo,
                                List<GrantItem> items, List<String> disbursementIds) {
        Map<String, String> names = new LinkedHashMap<>();
        queries.query(new FindVillageHeadNamesQuery(villageCode), ResponseTypes.multipleInstancesOf(HeadNameView.class))
                .join().forEach(h -> names.put(h.cardNo(), h.headName()));
        String projectName = choices.payableProjects().stream().filter(p -> p.name().equals(projectId))
                .map(ClerkChoices.Project::chineseName).findFirst().orElse(projectId);
        long total = items.stream().mapToLong(GrantItem::amountFen).reduce(0, Math::addExact);
        return new Submitted(batchId, projectId, projectName, choices.villageName(choices.villages(), villageCode),
                voucherNo, items.stream().map(item -> Map.of("cardNo", item.cardNo(),
                        "headName", names.getOrDefault(item.cardNo(), ""), "amount", Money.yuan(item.amountFen())))
                .toList(), Money.yuan(total), List.copyOf(disbursementIds));
    }

    /** The screen's field for an API field: an item's card or amount beside its household's row. */
    private static String formField(String apiField, List<String> sent) {
        Matcher item = ITEM_FIELD.matcher(apiField);
        if (item.matches()) {
            int index = Integer.parseInt(item.group(1));
            if (index < sent.size()) {
                return (item.group(2).equals("cardNo") ? "card-" : "amount-") + sent.get(index);
            }
        }
        return switch (apiField) {
            case "items" -> "households";
            case "projectId" -> "project";
            default -> apiField;
        };
    }

    private static String validVillage(String village) {
        String text = ClerkForms.text(village);
        return text != null && text.matches("\\d{12}") ? text : null;
    }
}
