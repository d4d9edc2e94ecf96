package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.query.audit.money.HouseholdFact;
import cn.fupin.ledger.query.audit.money.MoneyTraces;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.household.FindHouseholdQuery;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdPersonalData;
import cn.fupin.ledger.shared.household.HouseholdView;
import cn.fupin.ledger.shared.household.RevealHouseholdPersonalDataCommand;
import cn.fupin.ledger.shared.money.Money;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * A household's facts (农户档案) for the auditor: the register's entry with its ID and bank card numbers masked, and
 * every fact the events hold about the card ({@code GET /api/audit/households/{cardNo}}, by the same code,
 * {@link MoneyTraces}) — registration, exits and returns, grants, objections, and every earlier look at its unmasked
 * numbers. Seeing the numbers unmasked is a recorded act, as in the API ({@code RevealHouseholdPersonalDataCommand},
 * which records a {@code HouseholdPersonalDataViewedEvent} with the reason): a form with its reason, sent once per
 * form key, whose answer page shows the numbers to the session that asked.
 */
@Controller
class HouseholdFactsScreen {

    static final String PATH = "/app/audit/households";
    /** The longest reason the household takes for a look at its numbers (its aggregate's limit). */
    static final int REASON_LENGTH_MAX = 500;

    private final MoneyTraces traces;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    HouseholdFactsScreen(MoneyTraces traces, QueryGateway queries, CommandGateway commands, Clock clock) {
        this.traces = traces;
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    /** A look at the numbers recorded through this screen, as its answer page shows it. */
    record Revealed(String viewId, String cardNo, String headName, String idNumber, String bankCard, String reason,
                    String at) {
    }

    /** One fact as the page lists it. */
    record Fact(String fact, String at, String actor, String role, String eventType, String detail, String amount,
                long globalIndex) {
    }

    @GetMapping(PATH)
    String show(@RequestParam(name = "cardNo", required = false) String cardNo, HttpSession session, Model model) {
        return page(cardNo, "", new LinkedHashMap<>(), session, model);
    }

    @PostMapping(PATH + "/reveal")
    String reveal(@RequestParam(name = "cardNo", required = false) String cardNo,
                  @RequestParam(name = "reason", required = false) String reason,
                  @RequestParam(name = "key", required = false) String key,
                  HttpSession session, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.put("reason", "请写明查看完整证件号和银行卡号的理由（会记入账本）");
        } else if (why.length() > REASON_LENGTH_MAX || why.chars().anyMatch(Character::isISOControl)) {
            errors.put("reason", "理由最多 " + REASON_LENGTH_MAX + " 个字，不能含控制字符");
        }
        if (cardNo == null || !HouseholdCardNo.isValid(cardNo.strip())) {
            return "redirect:" + PATH;
        }
        String card = cardNo.strip();
        if (!errors.isEmpty()) {
            return page(card, reason, errors, session, model);
        }
        try {
            Revealed done = FormKeys.of(session).once(key, () -> {
                Optional<HouseholdView> household = household(card);
                if (household.isEmpty()) {
                    throw Refusal.notFound("HOUSEHOLD_NOT_FOUND", "no household has this card number");
                }
                HouseholdPersonalData plain = commands.sendAndWait(
                        new RevealHouseholdPersonalDataCommand(new HouseholdCardNo(card), why));
                return new Revealed(UUID.randomUUID().toString(), card, household.get().headName(), plain.idNumber(),
                        plain.bankCard(), why, AuditDays.shown(clock.instant()));
            });
            Answers.<Revealed>of(session, HouseholdFactsScreen.class).put(done.viewId(), done);
            redirect.addAttribute("id", done.viewId());
            return "redirect:" + PATH + "/revealed/{id}";
        } catch (FormKeys.UnknownKey e) {
            Map<String, String> stale = new LinkedHashMap<>();
            stale.put("reason", "这份表单已过期（或不是本次登录打开的），请核对后重新提交。");
            return page(card, reason, stale, session, model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            Map<String, String> refused = new LinkedHashMap<>();
            refused.put("reason", "HOUSEHOLD_NOT_FOUND".equals(refusal.code()) ? "没有这个户卡号的农户"
                    : Refusals.chinese(refusal.code()));
            return page(card, reason, refused, session, model);
        }
    }

    @GetMapping(PATH + "/revealed/{id}")
    String revealed(@PathVariable("id") String id, HttpSession session, Model model) {
        Revealed done = Answers.<Revealed>of(session, HouseholdFactsScreen.class).get(id);
        if (done == null) {
            return "redirect:" + PATH;
        }
        model.addAttribute("revealed", done);
        return "app/audit-revealed";
    }

    private String page(String cardNo, String reason, Map<String, String> errors, HttpSession session, Model model) {
        model.addAttribute("errors", errors);
        model.addAttribute("cardNo", cardNo == null ? "" : cardNo.strip());
        model.addAttribute("reason", reason == null ? "" : reason);
        if (cardNo == null || cardNo.isBlank()) {
            return "app/audit-household";
        }
        String card = cardNo.strip();
        if (!HouseholdCardNo.isValid(card)) {
            errors.put("cardNo", "户卡号由字母、数字和短横线组成，最多 32 位");
            return "app/audit-household";
        }
        Optional<HouseholdView> household = household(card);
        List<HouseholdFact> facts;
        try {
            facts = traces.householdFacts(card);
        } catch (Refusal refusal) {
            facts = List.of();
        }
        if (household.isEmpty() && facts.isEmpty()) {
            errors.put("cardNo", "没有这个户卡号的农户");
            return "app/audit-household";
        }
        model.addAttribute("household", household.orElse(null));
        model.addAttribute("facts", facts.stream().map(HouseholdFactsScreen::fact).toList());
        if (household.isPresent()) {
            model.addAttribute("key", FormKeys.of(session).issue());
        }
        return "app/audit-household";
    }

    private Optional<HouseholdView> household(String card) {
        return queries.query(new FindHouseholdQuery(card), ResponseTypes.optionalInstanceOf(HouseholdView.class))
                .join();
    }

    private static Fact fact(HouseholdFact fact) {
        return new Fact(factName(fact.fact()), AuditDays.shown(fact.at()), fact.actor() == null ? "" : fact.actor(),
                fact.role() == null ? "" : fact.role(), fact.eventType(), fact.detail() == null ? "" : fact.detail(),
                fact.amountFen() == null ? "" : Money.yuan(fact.amountFen()), fact.globalIndex());
    }

    static String factName(String fact) {
        return switch (fact) {
            case "REGISTERED" -> "登记入册";
            case "CORRECTED" -> "更正";
            case "EXITED" -> "退出";
            case "RETURNED" -> "返回";
            case "CADRE_RELATIVE_DECLARED" -> "申报干部亲属";
            case "GRANT_REQUESTED" -> "申请补助";
            case "GRANT_APPROVED" -> "补助批准";
            case "GRANT_REJECTED" -> "补助驳回";
            case "GRANT_REVERSED" -> "补助冲回";
            case "STARTUP_GRANT_CLAIMED" -> "占用到户补助名额";
            case "STARTUP_GRANT_RELEASED" -> "释放到户补助名额";
            case "OBJECTION_FILED" -> "收到异议";
            case "OBJECTION_RESOLVED" -> "异议处理";
            case "PERSONAL_DATA_VIEWED" -> "查看完整证件号和银行卡号";
            case "SHARED_NUMBER_REFUSED" -> "导入因号码重复被拒";
            default -> fact;
        };
    }
}
