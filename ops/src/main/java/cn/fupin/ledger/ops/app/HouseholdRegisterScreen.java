package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.ops.audit.RefusedAttempts;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.household.CorrectHouseholdBankCardCommand;
import cn.fupin.ledger.shared.household.CorrectHouseholdVillageCommand;
import cn.fupin.ledger.shared.household.ExitHouseholdCommand;
import cn.fupin.ledger.shared.household.FindHouseholdHistoryQuery;
import cn.fupin.ledger.shared.household.FindHouseholdQuery;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdHistoryEntry;
import cn.fupin.ledger.shared.household.HouseholdStatus;
import cn.fupin.ledger.shared.household.HouseholdSummary;
import cn.fupin.ledger.shared.household.HouseholdView;
import cn.fupin.ledger.shared.household.PersonalData;
import cn.fupin.ledger.shared.household.ReturnHouseholdCommand;
import cn.fupin.ledger.shared.household.SearchHouseholdsQuery;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.ZoneId;
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
 * The clerk's household register (户籍名册): a search by card number, head's name and village (a page of at most
 * {@value #PAGE_SIZE} in card number order, then the next after the last card shown), and a household's page: its
 * status, village, masked ID number and bank card, its facts in the order recorded, and four forms — exit (脱贫退出)
 * or return (返贫), whichever its status allows, and corrections of its bank card and of its village. Each form sends
 * the command the API sends ({@code POST /api/households/{cardNo}/exit}, {@code /return}, {@code /bank-card},
 * {@code /village}), so the household refuses here as there; a form sent twice records once ({@link FormKeys}); the
 * answer page shows what was recorded ({@link Answers}). The full ID number and bank card are never shown here: the
 * clerk reads them masked, as the API shows them to a clerk.
 */
@Controller
class HouseholdRegisterScreen {

    static final String PATH = "/app/households";
    static final int PAGE_SIZE = 50;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int REASON_LENGTH_MAX = 500;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Gazetteer gazetteer;
    private final Clock clock;
    private final RefusedAttempts refusedAttempts;

    HouseholdRegisterScreen(CommandGateway commands, QueryGateway queries, Gazetteer gazetteer, Clock clock,
                            RefusedAttempts refusedAttempts) {
        this.refusedAttempts = refusedAttempts;
        this.commands = commands;
        this.queries = queries;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    /** The four acts of the household's page, each with its form's field names and the API's names for them. */
    enum Act {
        EXIT("脱贫退出", Map.of("year", "statusYear", "reason", "statusReason")),
        RETURN("返贫", Map.of("year", "statusYear", "reason", "statusReason")),
        BANK_CARD("更正银行卡", Map.of("bankCard", "bankCard", "reason", "bankCardReason")),
        VILLAGE("更正所在村", Map.of("villageCode", "villageCode", "reason", "villageReason"));

        final String chineseName;
        /** The API's field name → the field of this act's form (the page holds four forms, each field id once). */
        final Map<String, String> fields;

        Act(String chineseName, Map<String, String> fields) {
            this.chineseName = chineseName;
            this.fields = fields;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /** What was recorded through the household's page, as its answer page shows it. */
    record Recorded(String id, Act act, String cardNo, String headName, Integer year, String value, String reason) {

        public String actName() {
            return act.chineseName();
        }
    }

    /** What the clerk typed in the household page's forms, as typed; the key is the one of the form sent. */
    record Forms(String statusYear, String statusReason, String bankCard, String bankCardReason, String villageCode,
                 String villageReason, String key) {

        static Forms blank(int year, String key) {
            return new Forms(Integer.toString(year), "", "", "", "", "", key);
        }
    }

    @GetMapping(PATH)
    String search(@RequestParam(name = "cardNo", required = false) String cardNo,
                  @RequestParam(name = "headName", required = false) String headName,
                  @RequestParam(name = "villageCode", required = false) String villageCode,
                  @RequestParam(name = "after", required = false) String after, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        String card = trimmed(cardNo, 32);
        if (card != null && !card.matches("[0-9A-Za-z-]+")) {
            errors.put("cardNo", "户编号只含字母、数字和连字符");
        }
        String name = trimmed(headName, 50);
        if (name != null && Text.hasControlCharacters(name)) {
            errors.put("headName", "姓名含有不允许的字符");
        }
        String village = trimmed(villageCode, 12);
        if (village != null && !gazetteer.hasVillage(village)) {
            errors.put("villageCode", "本县没有这个村（请填写 12 位村级区划代码）");
        }
        String from = trimmed(after, 32);
        if (from != null && !from.matches("[0-9A-Za-z-]+")) {
            from = null;
        }
        List<HouseholdSummary> found = errors.isEmpty()
                ? queries.query(new SearchHouseholdsQuery(card, name, village, from, PAGE_SIZE + 1),
                        ResponseTypes.multipleInstancesOf(HouseholdSummary.class)).join()
                : List.of();
        boolean more = found.size() > PAGE_SIZE;
        List<HouseholdSummary> shown = more ? found.subList(0, PAGE_SIZE) : found;
        model.addAttribute("errors", errors);
        model.addAttribute("cardNo", cardNo == null ? "" : cardNo);
        model.addAttribute("headName", headName == null ? "" : headName);
        model.addAttribute("villageCode", villageCode == null ? "" : villageCode);
        model.addAttribute("after", from);
        model.addAttribute("households", shown.stream().map(h -> Map.of("cardNo", h.cardNo(),
                "headName", h.headName(), "village", h.villageName() == null ? h.villageCode() : h.villageName(),
                "status", statusName(h.status()))).toList());
        model.addAttribute("next", more ? shown.get(shown.size() - 1).cardNo() : null);
        return "app/households";
    }

    @GetMapping(PATH + "/{cardNo}")
    String household(@PathVariable("cardNo") String cardNo, HttpSession session, Model model,
                     HttpServletResponse response) {
        Optional<HouseholdView> found = find(cardNo);
        if (found.isEmpty()) {
            return missing(cardNo, model, response);
        }
        return page(found.get(), Forms.blank(thisYear(), FormKeys.of(session).issue()), Map.of(), null, model);
    }

    @PostMapping(PATH + "/{cardNo}/exit")
    String exit(@PathVariable("cardNo") String cardNo, @RequestParam(name = "statusYear", required = false) String year,
                @RequestParam(name = "statusReason", required = false) String reason,
                @RequestParam(name = "key", required = false) String key, HttpSession session, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        Forms form = new Forms(year, reason, "", "", "", "", key);
        return act(Act.EXIT, cardNo, form, session, model, redirect, response);
    }

    @PostMapping(PATH + "/{cardNo}/return")
    String returnToRegister(@PathVariable("cardNo") String cardNo,
                            @RequestParam(name = "statusYear", required = false) String year,
                            @RequestParam(name = "statusReason", required = false) String reason,
                            @RequestParam(name = "key", required = false) String key, HttpSession session,
                            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Forms form = new Forms(year, reason, "", "", "", "", key);
        return act(Act.RETURN, cardNo, form, session, model, redirect, response);
    }

    @PostMapping(PATH + "/{cardNo}/bank-card")
    String correctBankCard(@PathVariable("cardNo") String cardNo,
                           @RequestParam(name = "bankCard", required = false) String bankCard,
                           @RequestParam(name = "bankCardReason", required = false) String reason,
                           @RequestParam(name = "key", required = false) String key, HttpSession session,
                           Model model, RedirectAttributes redirect, HttpServletResponse response) {
        // The typed card is never shown back: a refused form is shown again with the card field empty.
        Forms form = new Forms(null, "", bankCard, reason, "", "", key);
        return act(Act.BANK_CARD, cardNo, form, session, model, redirect, response);
    }

    @PostMapping(PATH + "/{cardNo}/village")
    String correctVillage(@PathVariable("cardNo") String cardNo,
                          @RequestParam(name = "villageCode", required = false) String villageCode,
                          @RequestParam(name = "villageReason", required = false) String reason,
                          @RequestParam(name = "key", required = false) String key, HttpSession session,
                          Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Forms form = new Forms(null, "", "", "", villageCode, reason, key);
        return act(Act.VILLAGE, cardNo, form, session, model, redirect, response);
    }

    @GetMapping(PATH + "/{cardNo}/recorded/{id}")
    String recorded(@PathVariable("cardNo") String cardNo, @PathVariable("id") String id, HttpSession session,
                    Model model) {
        Recorded done = Answers.<Recorded>of(session, HouseholdRegisterScreen.class).get(id);
        if (done == null || !done.cardNo().equals(cardNo)) {
            return "redirect:" + PATH;
        }
        model.addAttribute("recorded", done);
        return "app/household-recorded";
    }

    private String act(Act act, String cardNo, Forms form, HttpSession session, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        Optional<HouseholdView> found = find(cardNo);
        if (found.isEmpty()) {
            return missing(cardNo, model, response);
        }
        HouseholdView household = found.get();
        Map<String, String> errors = new LinkedHashMap<>();
        Supplier<Recorded> work = check(act, household, form, errors);
        Forms shownAgain = new Forms(form.statusYear() == null ? Integer.toString(thisYear()) : form.statusYear(),
                form.statusReason(), "", form.bankCardReason(), form.villageCode(), form.villageReason(), form.key());
        if (!errors.isEmpty()) {
            return page(household, shownAgain, errors, null, model);
        }
        try {
            Recorded done = FormKeys.of(session).once(form.key(), work);
            Answers.<Recorded>of(session, HouseholdRegisterScreen.class).put(done.id(), done);
            redirect.addAttribute("cardNo", household.cardNo());
            redirect.addAttribute("id", done.id());
            return "redirect:" + PATH + "/{cardNo}/recorded/{id}";
        } catch (FormKeys.UnknownKey e) {
            Forms fresh = new Forms(shownAgain.statusYear(), shownAgain.statusReason(), "",
                    shownAgain.bankCardReason(), shownAgain.villageCode(), shownAgain.villageReason(),
                    FormKeys.of(session).issue());
            return page(household, fresh, Map.of(), "这份表单已过期（或不是本次登录打开的），请核对后重新提交。", model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            refusedAttempts.recordNoted(refusal);
            Map<String, String> refused = new LinkedHashMap<>();
            Map<String, String> byApiField = new LinkedHashMap<>();
            String general = Refusals.explain(refusal, byApiField);
            byApiField.forEach((field, text) -> refused.put(act.fields.getOrDefault(field, field), text));
            return page(household, shownAgain, refused, general, model);
        }
    }

    /**
     * Checks the act's fields beside them, as the household would (so that codes shared by every area never need a
     * text of this screen's); answers the work that sends the command once they pass.
     */
    private Supplier<Recorded> check(Act act, HouseholdView household, Forms form, Map<String, String> errors) {
        HouseholdCardNo card = new HouseholdCardNo(household.cardNo());
        String id = UUID.randomUUID().toString();
        switch (act) {
            case EXIT, RETURN -> {
                Integer year = year(form.statusYear(), errors);
                String reason = reason(form.statusReason(), "statusReason", errors);
                return () -> {
                    commands.sendAndWait(act == Act.EXIT ? new ExitHouseholdCommand(card, year, reason)
                            : new ReturnHouseholdCommand(card, year, reason));
                    return new Recorded(id, act, household.cardNo(), household.headName(), year,
                            act == Act.EXIT ? "已脱贫退出" : "返贫（重新纳入）", reason);
                };
            }
            case BANK_CARD -> {
                String typed = form.bankCard() == null ? "" : form.bankCard().replaceAll("[\\s-]", "");
                if (typed.isEmpty()) {
                    errors.put("bankCard", "请填写新的银行卡号");
                } else if (!typed.matches("\\d{16,19}")) {
                    errors.put("bankCard", Refusals.chinese("BANK_CARD_INVALID"));
                }
                String reason = reason(form.bankCardReason(), "bankCardReason", errors);
                return () -> {
                    commands.sendAndWait(new CorrectHouseholdBankCardCommand(card, typed, reason));
                    return new Recorded(id, act, household.cardNo(), household.headName(), null,
                            PersonalData.mask(typed), reason);
                };
            }
            case VILLAGE -> {
                String code = form.villageCode() == null ? "" : form.villageCode().strip();
                if (code.isEmpty()) {
                    errors.put("villageCode", "请填写新的村代码");
                }
                String reason = reason(form.villageReason(), "villageReason", errors);
                return () -> {
                    commands.sendAndWait(new CorrectHouseholdVillageCommand(card, code, reason));
                    return new Recorded(id, act, household.cardNo(), household.headName(), null,
                            placeName(code), reason);
                };
            }
            default -> throw new IllegalArgumentException("unknown act " + act);
        }
    }

    private String page(HouseholdView household, Forms form, Map<String, String> errors, String general,
                        Model model) {
        List<HouseholdHistoryEntry> history = queries.query(new FindHouseholdHistoryQuery(household.cardNo()),
                ResponseTypes.multipleInstancesOf(HouseholdHistoryEntry.class)).join();
        model.addAttribute("household", household);
        model.addAttribute("status", statusName(household.status()));
        model.addAttribute("exited", household.status() == HouseholdStatus.EXITED);
        model.addAttribute("history", history.stream().map(entry -> Map.of(
                "at", entry.recordedAt().atZone(CHINA).toLocalDate().toString(),
                "fact", factName(entry.fact()),
                "detail", detail(entry),
                "reason", entry.reason() == null ? "" : entry.reason())).toList());
        model.addAttribute("grants", household.grants().stream().map(grant -> Map.of(
                "projectId", grant.projectId(), "amount", Money.yuan(grant.amountFen()),
                "status", grantStatusName(grant.status()))).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        return "app/household";
    }

    private String missing(String cardNo, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        search(null, null, null, null, model);
        model.addAttribute("general", Refusals.chinese("HOUSEHOLD_NOT_FOUND"));
        return "app/households";
    }

    private Optional<HouseholdView> find(String cardNo) {
        try {
            new HouseholdCardNo(cardNo);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return queries.query(new FindHouseholdQuery(cardNo), ResponseTypes.optionalInstanceOf(HouseholdView.class))
                .join();
    }

    /** A fact's detail for the page: village codes named. */
    private String detail(HouseholdHistoryEntry entry) {
        return switch (entry.fact()) {
            case "REGISTERED" -> {
                // "village <code>, <n> members, bank card <masked>", as the history states it.
                String[] parts = entry.detail().split(", ");
                yield parts.length == 3
                        ? placeName(parts[0].replace("village ", "")) + "，" + parts[1].replace(" members", " 人")
                                + "，银行卡 " + parts[2].replace("bank card ", "")
                        : entry.detail();
            }
            case "VILLAGE_CORRECTED" -> {
                String[] codes = entry.detail().split(" → ");
                yield codes.length == 2 ? placeName(codes[0]) + " → " + placeName(codes[1]) : entry.detail();
            }
            case "EXITED", "RETURNED" -> entry.detail() + " 年";
            default -> entry.detail();
        };
    }

    private String placeName(String villageCode) {
        return gazetteer.village(villageCode).map(Place::name).map(name -> name + "（" + villageCode + "）")
                .orElse(villageCode);
    }

    static String statusName(HouseholdStatus status) {
        return switch (status) {
            case REGISTERED -> "在册";
            case EXITED -> "已脱贫退出";
            case RETURNED -> "返贫（在册）";
        };
    }

    private static String grantStatusName(String status) {
        return switch (status) {
            case "REQUESTED" -> "待审批";
            case "APPROVED" -> "已拨付";
            case "REJECTED" -> "已驳回";
            case "REVERSED" -> "已冲回";
            default -> status;
        };
    }

    private static String factName(String fact) {
        return switch (fact) {
            case "REGISTERED" -> "建档立卡登记";
            case "EXITED" -> "脱贫退出";
            case "RETURNED" -> "返贫";
            case "BANK_CARD_CORRECTED" -> "更正银行卡";
            case "VILLAGE_CORRECTED" -> "更正所在村";
            case "CADRE_RELATIVE_DECLARED" -> "申报干部亲属关系";
            case "STARTUP_GRANT_CLAIMED" -> "申请启动资金";
            case "STARTUP_GRANT_RELEASED" -> "启动资金退回";
            case "PERSONAL_DATA_VIEWED" -> "查看完整证件号（审计）";
            default -> fact;
        };
    }

    private int thisYear() {
        return clock.instant().atZone(CHINA).getYear();
    }

    private static Integer year(String text, Map<String, String> errors) {
        if (text == null || !text.strip().matches("\\d{4}") || !FiscalYear.isValid(Integer.parseInt(text.strip()))) {
            errors.put("statusYear", "年度应为 2000 至 2100 之间的四位数字");
            return null;
        }
        return Integer.parseInt(text.strip());
    }

    private static String reason(String text, String field, Map<String, String> errors) {
        if (Text.isBlank(text)) {
            errors.put(field, "请填写原因");
            return null;
        }
        if (text.length() > REASON_LENGTH_MAX || Text.hasControlCharacters(text)) {
            errors.put(field, "原因过长或含有控制字符（最多 500 个字）");
            return null;
        }
        return text.strip();
    }

    private static String trimmed(String text, int lengthMax) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        return value.length() > lengthMax ? value.substring(0, lengthMax) : value;
    }
}
