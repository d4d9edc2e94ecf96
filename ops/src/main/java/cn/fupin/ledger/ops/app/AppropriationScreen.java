package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.fund.AppropriateFundsCommand;
import cn.fupin.ledger.shared.fund.AppropriationView;
import cn.fupin.ledger.shared.fund.CountyFloorView;
import cn.fupin.ledger.shared.fund.FindAppropriationsQuery;
import cn.fupin.ledger.shared.fund.FindCountyFloorQuery;
import cn.fupin.ledger.shared.fund.FindFundsQuery;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.money.Money;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The clerk's appropriations (资金下达): the year's appropriations with the county budget against its floor, and the
 * form that records one. The form is checked field by field with the messages beside the fields, then sent as the
 * same command the API sends ({@code POST /api/funds/appropriations}), so the fund's own rules (a document number
 * once per fund, …) refuse here as there, translated. A form sent twice records once ({@link FormKeys}); the answer
 * is a page of what was recorded (kept in the session that recorded it), reached by a redirect, so reloading it
 * sends nothing.
 */
@Controller
class AppropriationScreen {

    static final String PATH = "/app/funds";

    /** The county's calendar: the year and the days the screen shows. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final NewIds ids;
    private final Clock clock;

    AppropriationScreen(CommandGateway commands, QueryGateway queries, NewIds ids, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the clerk typed, as typed. */
    record Form(String fiscalYear, String source, String amountYuan, String documentNo, String note, String key) {
    }

    /** An appropriation recorded through this screen, as its answer page shows it. */
    record Recorded(String appropriationId, String fundId, int fiscalYear, FundSource source, long amountFen,
                    String documentNo, String note) {

        public String amount() {
            return Money.yuan(amountFen);
        }
    }

    @GetMapping(PATH)
    String show(@RequestParam(name = "fiscalYear", required = false) String fiscalYear, HttpSession session,
                Model model) {
        int year = thisYear();
        if (fiscalYear != null && fiscalYear.matches("\\d{4}") && FiscalYear.isValid(Integer.parseInt(fiscalYear))) {
            year = Integer.parseInt(fiscalYear);
        }
        Form blank = new Form(Integer.toString(year), FundSource.COUNTY.name(), "", "", "",
                FormKeys.of(session).issue());
        return page(year, blank, Map.of(), null, model);
    }

    @PostMapping(PATH)
    String record(@RequestParam(name = "fiscalYear", required = false) String fiscalYear,
                  @RequestParam(name = "source", required = false) String source,
                  @RequestParam(name = "amountYuan", required = false) String amountYuan,
                  @RequestParam(name = "documentNo", required = false) String documentNo,
                  @RequestParam(name = "note", required = false) String note,
                  @RequestParam(name = "key", required = false) String key,
                  HttpSession session, Model model, RedirectAttributes redirect) {
        return record(new Form(fiscalYear, source, amountYuan, documentNo, note, key), session, model, redirect);
    }

    private String record(Form form, HttpSession session, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer year = fiscalYear(form.fiscalYear(), errors);
        FundSource source = source(form.source(), errors);
        Long amountFen = YuanInput.fen(form.amountYuan(), "amountYuan", errors);
        String documentNo = form.documentNo() == null ? "" : form.documentNo().strip();
        if (documentNo.isEmpty()) {
            errors.put("documentNo", "请填写文号");
        }
        int shownYear = year == null ? thisYear() : year;
        if (!errors.isEmpty()) {
            return page(shownYear, form, errors, null, model);
        }
        try {
            Recorded done = FormKeys.of(session).once(form.key(), () -> {
                FundId fundId = ids.fund(year, source);
                String appropriationId = ids.appropriation();
                String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
                commands.sendAndWait(new AppropriateFundsCommand(fundId, appropriationId, year, source, amountFen,
                        documentNo, note));
                return new Recorded(appropriationId, fundId.value(), year, source, amountFen, documentNo, note);
            });
            Answers.<Recorded>of(session, AppropriationScreen.class).put(done.appropriationId(), done);
            redirect.addAttribute("id", done.appropriationId());
            return "redirect:" + PATH + "/recorded/{id}";
        } catch (FormKeys.UnknownKey e) {
            Form fresh = new Form(form.fiscalYear(), form.source(), form.amountYuan(), form.documentNo(), form.note(),
                    FormKeys.of(session).issue());
            return page(shownYear, fresh, Map.of(), "这份表单已过期（或不是本次登录打开的），请核对后重新提交。", model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            Map<String, String> refused = new LinkedHashMap<>();
            String general = Refusals.explain(refusal, refused);
            return page(shownYear, form, refused, general, model);
        }
    }

    @GetMapping(PATH + "/recorded/{id}")
    String recorded(@PathVariable("id") String id, HttpSession session, Model model) {
        Recorded done = Answers.<Recorded>of(session, AppropriationScreen.class).get(id);
        if (done == null) {
            return "redirect:" + PATH;
        }
        model.addAttribute("recorded", done);
        model.addAttribute("sourceName", done.source().chineseName());
        return "app/appropriation-recorded";
    }

    private String page(int year, Form form, Map<String, String> errors, String general, Model model) {
        List<AppropriationView> appropriations = queries.query(new FindAppropriationsQuery(year, null, null, 1000),
                ResponseTypes.multipleInstancesOf(AppropriationView.class)).join();
        CountyFloorView floor = queries.query(new FindCountyFloorQuery(year), CountyFloorView.class).join();
        model.addAttribute("year", year);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        model.addAttribute("sources", FundSource.values());
        model.addAttribute("appropriations", appropriations.stream().map(view -> Map.of(
                "recordedAt", view.recordedAt().atZone(CHINA).toLocalDate().toString(),
                "source", view.source().chineseName(), "amount", Money.yuan(view.amountFen()),
                "documentNo", view.documentNo(), "note", view.note() == null ? "" : view.note())).toList());
        // The year's total from its funds' balances, not from the list (which holds at most 1,000 rows).
        long total = queries.query(new FindFundsQuery(year), ResponseTypes.multipleInstancesOf(FundView.class)).join()
                .stream().mapToLong(FundView::appropriatedFen).sum();
        model.addAttribute("total", Money.yuan(total));
        model.addAttribute("floorBudget", Money.wanYuan(floor.countyBudgetFen()));
        model.addAttribute("floorTarget", Money.wanYuan(floor.floorFen()));
        model.addAttribute("floorMet", floor.met());
        return "app/appropriations";
    }

    private int thisYear() {
        return clock.instant().atZone(CHINA).getYear();
    }

    private static Integer fiscalYear(String text, Map<String, String> errors) {
        if (text == null || !text.strip().matches("\\d{4}") || !FiscalYear.isValid(Integer.parseInt(text.strip()))) {
            errors.put("fiscalYear", "年度应为 2000 至 2100 之间的四位数字");
            return null;
        }
        return Integer.parseInt(text.strip());
    }

    private static FundSource source(String text, Map<String, String> errors) {
        for (FundSource source : FundSource.values()) {
            if (source.name().equals(text)) {
                return source;
            }
        }
        errors.put("source", "请选择资金来源");
        return null;
    }
}
