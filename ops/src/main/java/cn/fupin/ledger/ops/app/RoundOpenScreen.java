package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CompetitionId;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.OpenCompetitionCommand;
import cn.fupin.ledger.shared.fund.FindFundsQuery;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.money.Money;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A CLERK opens a competitive round (开启竞争性分配), as {@code POST /api/competitions}: the fund of the year it draws
 * on, its budget in yuan, the submission deadline in the county's time, and its criteria — 乡镇考核结果 (filled from
 * the townships' assessments, never scored by hand) with its weight, and up to {@link #HAND_SCORED_ROWS} criteria the
 * reviewers score. The screen checks what it can read off the form (a year, a yuan amount, a time, whole-number
 * weights) and sends the same command as the API, so the round's own rules — weights summing to 100, a fund of the
 * round's year that can still promise the budget, a deadline ahead — refuse here as there, beside the field they
 * name. A form sent twice opens one round ({@link FormKeys}); the answer page shows the round as recorded.
 */
@Controller
class RoundOpenScreen {

    static final String PATH = RoundFacts.PATH + "/new";

    /** Hand-scored criteria the form offers; a county's rounds name two or three (the round allows up to 20). */
    static final int HAND_SCORED_ROWS = 4;

    /** A deadline typed as a day and a time (or only a day: then 17:00, the end of the county's office day). */
    private static final Pattern DEADLINE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{1,2}:\\d{2}))?");

    private static final LocalTime OFFICE_CLOSES = LocalTime.of(17, 0);

    private static final String ASSESSMENT_NAME = "乡镇考核结果";

    /** What the clerk typed, as typed; {@code names} and {@code weights} are the hand-scored rows in order. */
    record Form(String name, String fiscalYear, String fundId, String budgetYuan, String deadline,
                String assessmentWeight, List<String> names, List<String> weights, String key) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final NewIds ids;
    private final Clock clock;

    RoundOpenScreen(CommandGateway commands, QueryGateway queries, NewIds ids, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String show(@RequestParam(name = "fiscalYear", required = false) String fiscalYear, HttpSession session,
                Model model) {
        int year = thisYear();
        if (fiscalYear != null && fiscalYear.matches("\\d{4}") && FiscalYear.isValid(Integer.parseInt(fiscalYear))) {
            year = Integer.parseInt(fiscalYear);
        }
        // A county's usual round: last year's assessment 40%, the reviewers' judgement of the poor it lifts 60%.
        List<String> names = new ArrayList<>(List.of("带贫成效"));
        List<String> weights = new ArrayList<>(List.of("60"));
        while (names.size() < HAND_SCORED_ROWS) {
            names.add("");
            weights.add("");
        }
        String deadline = LocalDate.ofInstant(clock.instant(), RoundFacts.CHINA).plusDays(14) + " 17:00";
        Form blank = new Form("", Integer.toString(year), "", "", deadline, "40", names, weights,
                FormKeys.of(session).issue());
        return page(year, blank, Map.of(), null, model);
    }

    @PostMapping(PATH)
    String open(@RequestParam(name = "name", required = false) String name,
                @RequestParam(name = "fiscalYear", required = false) String fiscalYear,
                @RequestParam(name = "fundId", required = false) String fundId,
                @RequestParam(name = "budgetYuan", required = false) String budgetYuan,
                @RequestParam(name = "deadline", required = false) String deadline,
                @RequestParam(name = "assessmentWeight", required = false) String assessmentWeight,
                @RequestParam Map<String, String> all,
                @RequestParam(name = "key", required = false) String key,
                HttpSession session, Model model, RedirectAttributes redirect) {
        List<String> names = new ArrayList<>();
        List<String> weights = new ArrayList<>();
        for (int i = 0; i < HAND_SCORED_ROWS; i++) {
            names.add(all.getOrDefault(nameField(i), ""));
            weights.add(all.getOrDefault(weightField(i), ""));
        }
        Form form = new Form(name, fiscalYear, fundId, budgetYuan, deadline, assessmentWeight, names, weights, key);
        return open(form, session, model, redirect);
    }

    private String open(Form form, HttpSession session, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer year = fiscalYear(form.fiscalYear(), errors);
        FundId fund = fund(form.fundId(), errors);
        Long budgetFen = YuanInput.fen(form.budgetYuan(), "budgetYuan", errors);
        Instant deadline = deadline(form.deadline(), errors);
        // The criteria in the command's order, and beside which fields a problem of each is shown.
        List<Criterion> criteria = new ArrayList<>();
        List<String[]> fieldsOf = new ArrayList<>();
        Integer assessment = weight(form.assessmentWeight(), "assessmentWeight", true, errors);
        if (assessment != null && assessment > 0) {
            criteria.add(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, assessment));
            fieldsOf.add(new String[] {null, "assessmentWeight"});
        }
        for (int i = 0; i < HAND_SCORED_ROWS; i++) {
            String criterionName = blankToEmpty(form.names().get(i));
            String typedWeight = blankToEmpty(form.weights().get(i));
            if (criterionName.isEmpty() && typedWeight.isEmpty()) {
                continue;
            }
            if (criterionName.isEmpty()) {
                errors.put(nameField(i), "请填写这项标准的名称，或把它的权重也清空");
            } else if (criterionName.equals(ASSESSMENT_NAME) || criterionName.equals(Criterion.TOWNSHIP_ASSESSMENT)) {
                errors.put(nameField(i), "乡镇考核结果按记录自动计入，请把它的权重填在上面的“乡镇考核结果的权重”中");
            }
            Integer weight = weight(typedWeight, weightField(i), false, errors);
            if (weight != null && !errors.containsKey(nameField(i))) {
                criteria.add(new Criterion(criterionName, weight));
                fieldsOf.add(new String[] {nameField(i), weightField(i)});
            }
        }
        if (criteria.isEmpty() && errors.keySet().stream().noneMatch(field -> field.startsWith("criterion")
                || field.equals("assessmentWeight"))) {
            errors.put("criteria", "至少要有一项评分标准");
        }
        int shownYear = year == null ? thisYear() : year;
        if (!errors.isEmpty()) {
            return page(shownYear, form, errors, null, model);
        }
        String roundName = blankToEmpty(form.name());
        try {
            RoundRecorded done = FormKeys.of(session).once(form.key(), () -> {
                CompetitionId id = ids.competition();
                Actor actor = Actors.current();
                commands.sendAndWait(new OpenCompetitionCommand(id, roundName.isEmpty() ? null : roundName, year,
                        fund, budgetFen, List.copyOf(criteria), deadline, actor));
                return recorded(id, roundName, year, fund, budgetFen, deadline, criteria, actor);
            });
            Answers.<RoundRecorded>of(session, RoundOpenScreen.class).put(done.answerId(), done);
            redirect.addAttribute("answer", done.answerId());
            return "redirect:" + PATH + "/recorded/{answer}";
        } catch (FormKeys.UnknownKey e) {
            Form fresh = new Form(form.name(), form.fiscalYear(), form.fundId(), form.budgetYuan(), form.deadline(),
                    form.assessmentWeight(), form.names(), form.weights(), FormKeys.of(session).issue());
            return page(shownYear, fresh, Map.of(), RoundForms.EXPIRED, model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            Map<String, String> refused = new LinkedHashMap<>();
            String general;
            if ("ROUND_BUDGET_EXCEEDS_FUND".equals(refusal.code())) {
                refused.put("budgetYuan", RoundFacts.chinese(refusal.code()));
                general = null;
            } else {
                general = RoundFacts.explain(refusal, refused, field -> screenField(field, fieldsOf));
                // NAME_INVALID's shared text speaks of a project's name.
                refused.computeIfPresent("name", (field, text) -> "名称最多 200 个字，不能含控制字符");
            }
            return page(shownYear, form, refused, general, model);
        }
    }

    @GetMapping(PATH + "/recorded/{answer}")
    String recorded(@PathVariable("answer") String answer, HttpSession session, Model model) {
        RoundRecorded done = Answers.<RoundRecorded>of(session, RoundOpenScreen.class).get(answer);
        if (done == null) {
            return "redirect:" + RoundFacts.PATH;
        }
        model.addAttribute("recorded", done);
        return "app/round-recorded";
    }

    /** The screen's field for a field the round's rules name: {@code criteria[i].name} is row i's, as sent. */
    private static String screenField(String field, List<String[]> fieldsOf) {
        Matcher row = Pattern.compile("criteria\\[(\\d+)]\\.(name|weight)").matcher(field);
        if (row.matches()) {
            int index = Integer.parseInt(row.group(1));
            if (index >= fieldsOf.size()) {
                return "criteria";
            }
            return fieldsOf.get(index)["name".equals(row.group(2)) ? 0 : 1];
        }
        return switch (field) {
            case "fiscalYear", "fundId", "deadline", "name", "criteria" -> field;
            case "budgetFen" -> "budgetYuan";
            default -> null;
        };
    }

    private RoundRecorded recorded(CompetitionId id, String name, int year, FundId fund, long budgetFen,
                                   Instant deadline, List<Criterion> criteria, Actor actor) {
        String title = name.isEmpty() ? "竞争性分配 " + id.value() : name;
        String weighted = String.join("、", criteria.stream()
                .map(c -> RoundFacts.criterionName(c.name()) + " " + c.weight() + "%").toList());
        return new RoundRecorded(UUID.randomUUID().toString(), id.value(), title, "竞争性分配已开启", List.of(
                new RoundRecorded.Fact("编号", id.value(), "roundId"),
                new RoundRecorded.Fact("名称", title, "round"),
                new RoundRecorded.Fact("年度", Integer.toString(year), "fiscalYear"),
                new RoundRecorded.Fact("资金", fund.value(), "fundId"),
                new RoundRecorded.Fact("预算", Money.yuan(budgetFen), "budget"),
                new RoundRecorded.Fact("申报截止", RoundFacts.minute(deadline) + "（北京时间）", "deadline"),
                new RoundRecorded.Fact("评分标准", weighted, "criteria"),
                new RoundRecorded.Fact("开启人", actor.username(), "actor"),
                new RoundRecorded.Fact("开启时间", RoundFacts.minute(clock.instant()), "at")));
    }

    private String page(int year, Form form, Map<String, String> errors, String general, Model model) {
        List<FundView> funds = queries.query(new FindFundsQuery(year),
                ResponseTypes.multipleInstancesOf(FundView.class)).join();
        List<RoundPage.Option> options = new ArrayList<>();
        options.add(new RoundPage.Option("", "请选择"));
        funds.forEach(fund -> options.add(new RoundPage.Option(fund.fundId(), fund.source().chineseName() + "（"
                + fund.fundId() + "，可用 " + Money.yuan(fund.availableFen()) + "）")));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < HAND_SCORED_ROWS; i++) {
            rows.add(Map.of("nameField", nameField(i), "weightField", weightField(i), "number", Integer.toString(i + 1),
                    "name", blankToEmpty(form.names().get(i)), "weight", blankToEmpty(form.weights().get(i))));
        }
        model.addAttribute("year", year);
        model.addAttribute("form", form);
        model.addAttribute("funds", options);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        return "app/round-open";
    }

    static String nameField(int row) {
        return "criterionName-" + row;
    }

    static String weightField(int row) {
        return "criterionWeight-" + row;
    }

    private int thisYear() {
        return clock.instant().atZone(RoundFacts.CHINA).getYear();
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    private static Integer fiscalYear(String text, Map<String, String> errors) {
        String typed = blankToEmpty(text);
        if (!typed.matches("\\d{4}") || !FiscalYear.isValid(Integer.parseInt(typed))) {
            errors.put("fiscalYear", "年度应为 2000 至 2100 之间的四位数字");
            return null;
        }
        return Integer.parseInt(typed);
    }

    private static FundId fund(String text, Map<String, String> errors) {
        String typed = blankToEmpty(text);
        if (typed.isEmpty()) {
            errors.put("fundId", "请选择本轮使用的资金");
            return null;
        }
        try {
            return new FundId(typed);
        } catch (IllegalArgumentException e) {
            errors.put("fundId", "请从列表中选择本轮使用的资金");
            return null;
        }
    }

    private static Instant deadline(String text, Map<String, String> errors) {
        Matcher typed = DEADLINE.matcher(blankToEmpty(text));
        if (!typed.matches()) {
            errors.put("deadline", "请按“2023-04-15 17:00”的样子填写申报截止时间");
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(typed.group(1));
            LocalTime time = typed.group(2) == null ? OFFICE_CLOSES
                    : LocalTime.parse(typed.group(2).length() == 4 ? "0" + typed.group(2) : typed.group(2),
                    DateTimeFormatter.ofPattern("HH:mm"));
            return LocalDateTime.of(day, time).atZone(RoundFacts.CHINA).toInstant();
        } catch (DateTimeParseException e) {
            errors.put("deadline", "没有这个日期或时间，请核对");
            return null;
        }
    }

    /** A weight typed as a whole number of percent: 1–100, or (for the assessment) also 0 or blank for "not used". */
    private static Integer weight(String text, String field, boolean optional, Map<String, String> errors) {
        String typed = blankToEmpty(text);
        if (optional && typed.isEmpty()) {
            return 0;
        }
        if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) > 100
                || (!optional && Integer.parseInt(typed) == 0)) {
            errors.put(field, optional ? "权重应为 0 至 100 之间的整数（不用乡镇考核结果时填 0）"
                    : "权重应为 1 至 100 之间的整数");
            return null;
        }
        return Integer.parseInt(typed);
    }
}
