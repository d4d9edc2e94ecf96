package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.CompleteProjectCommand;
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.FindProjectsQuery;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectView;
import cn.fupin.ledger.shared.project.ProposeProjectCommand;
import cn.fupin.ledger.shared.project.StartProjectCommand;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import cn.fupin.ledger.shared.workarea.WorkArea;
import cn.fupin.ledger.shared.workarea.WorkAreas;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clerk's projects (项目): the county's projects a page at a time with their status and money, the form that
 * proposes one (申报: the same command as {@code POST /api/projects}, budget lines by fund, work area, village), a
 * project's page with its history, and its steps on site — started (开工, {@code /api/projects/{id}/start}) and
 * completed (完工, {@code /complete}). The project's own rules refuse here as in the API (a village work area in a
 * village not designated poor, a start before approval, …), translated; each form records once ({@link FormKeys}) and
 * answers with a page of what was recorded.
 *
 * <p>Township staff (TOWNSHIP) write up their own township's projects here too, as {@code POST /api/projects} lets
 * them, so that they can enter them into a competitive round: the form offers them only their township's villages, the
 * list and a project's page show only their township's projects (another's, typed into the path, is not found), and
 * the clerk's steps on site are neither offered nor allowed ({@code StaffScreensSecurity}). The offer is a convenience:
 * the proposal's own rule (OTHER_TOWNSHIP) still decides, and is said beside the village.
 */
@Controller
class ProjectScreen {

    static final String PATH = "/app/projects";
    static final int PAGE = 50;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern BUDGET_FIELD = Pattern.compile("budget\\[(\\d+)]\\.(fundId|amountFen)");
    private static final Set<String> FORM_FIELDS = Set.of("name", "workArea", "villageCode", "beneficiary", "fund1",
            "amountYuan1", "fund2", "amountYuan2", "implementer", "supervisor", "startDate", "endDate",
            "expectedHouseholds", "expectedPeople", "subsidyStandardYuan", "description");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final NewIds ids;
    private final ClerkChoices choices;
    private final Clock clock;
    private final WorkAreas workAreas = WorkAreas.standard();

    ProjectScreen(CommandGateway commands, QueryGateway queries, NewIds ids, ClerkChoices choices, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.choices = choices;
        this.clock = clock;
    }

    /** A proposal as the clerk typed it. */
    record Form(String name, String workArea, String villageCode, String beneficiary, String fund1,
                String amountYuan1, String fund2, String amountYuan2, String implementer, String supervisor,
                String startDate, String endDate, String expectedHouseholds, String expectedPeople,
                String subsidyStandardYuan, String description, String key) {
    }

    /** A project proposed through this screen, as its answer page shows it. */
    record Proposed(String projectId, String name, String workAreaName, String villageName, String beneficiary,
                    List<Map<String, String>> budget, String total, LocalDate startDate, LocalDate endDate,
                    int expectedHouseholds, String subsidyStandard) {
    }

    /** A step on site recorded through this screen (开工, 完工), as its answer page shows it. */
    record Stepped(String answerId, String projectId, String projectName, String step, String note, String at) {
    }

    /**
     * The part of the county the user acts for: the whole county (a clerk), or one township (TOWNSHIP staff, as the
     * request's acting role decides; a township user without a township sees nothing).
     */
    record Jurisdiction(boolean township, String townshipCode) {

        static Jurisdiction current() {
            Actor actor = Actors.current();
            return "TOWNSHIP".equals(actor.role()) ? new Jurisdiction(true, actor.townshipCode())
                    : new Jurisdiction(false, null);
        }

        /** Whether a project or village of {@code code}'s township is the user's to see. */
        boolean covers(String code) {
            return !township || (townshipCode != null && townshipCode.equals(code));
        }
    }

    /** What a work area is, as the form's select shows it (with whom its money reaches). */
    record AreaChoice(String name, String chineseName) {
    }

    @GetMapping(PATH)
    String list(@RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "after", required = false) String after, HttpSession session, Model model) {
        Form blank = new Form("", "INDUSTRY", "", Beneficiary.HOUSEHOLDS.name(), "", "", "", "", "村民委员会",
                "乡人民政府", "", "", "", "", "", "", FormKeys.of(session).issue());
        return page(statusOf(status), afterOf(after), blank, Map.of(), null, model);
    }

    @PostMapping(PATH)
    String propose(Form form, HttpSession session, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String villageCode = ClerkForms.text(form.villageCode());
        if (villageCode != null && !villageCode.matches("\\d{12}")) {
            errors.put("villageCode", "请选择项目所在的村");
        }
        Beneficiary beneficiary = null;
        for (Beneficiary candidate : Beneficiary.values()) {
            if (candidate.name().equals(form.beneficiary())) {
                beneficiary = candidate;
            }
        }
        List<BudgetLine> budget = new ArrayList<>();
        budgetLine(form.fund1(), form.amountYuan1(), 1, budget, errors);
        budgetLine(form.fund2(), form.amountYuan2(), 2, budget, errors);
        if (budget.isEmpty() && !errors.containsKey("fund1") && !errors.containsKey("amountYuan1")) {
            errors.put("fund1", "请至少填写一条预算：资金和金额");
        }
        LocalDate start = ClerkForms.date(form.startDate(), "startDate", errors);
        LocalDate end = ClerkForms.date(form.endDate(), "endDate", errors);
        Integer households = ClerkForms.count(form.expectedHouseholds(), "expectedHouseholds", true, errors);
        Integer people = ClerkForms.count(form.expectedPeople(), "expectedPeople", false, errors);
        Long standardFen = ClerkForms.text(form.subsidyStandardYuan()) == null ? null
                : YuanInput.fen(form.subsidyStandardYuan(), "subsidyStandardYuan", errors);
        if (!errors.isEmpty()) {
            return page(null, null, form, errors, null, model);
        }
        Beneficiary whom = beneficiary;
        try {
            Proposed done = FormKeys.of(session).once(form.key(), () -> {
                ProjectId projectId = ids.project();
                // The ledger words the standard itself ("每户不超过…元", the ceiling it enforces on every grant).
                String standardText = standardFen == null ? null : "每户不超过" + Money.yuan(standardFen);
                commands.sendAndWait(new ProposeProjectCommand(projectId, ClerkForms.text(form.name()),
                        ClerkForms.text(form.workArea()), villageCode == null ? null : new VillageCode(villageCode),
                        whom, budget, ClerkForms.text(form.implementer()), ClerkForms.text(form.supervisor()), start,
                        end, households, people, ClerkForms.text(form.description()), null, null, standardFen, null, null, null, Actors.current()));
                return proposed(projectId.value(), form, whom, budget, start, end, households, standardText);
            });
            Answers.<Proposed>of(session, ProjectScreen.class).put(done.projectId(), done);
            redirect.addAttribute("id", done.projectId());
            return "redirect:" + PATH + "/proposed/{id}";
        } catch (FormKeys.UnknownKey e) {
            return page(null, null, withKey(form, FormKeys.of(session).issue()), Map.of(), EXPIRED, model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            Map<String, String> refused = new LinkedHashMap<>();
            if ("OTHER_TOWNSHIP".equals(refusal.code())) {
                // A village of another township (typed by hand: the form offers none): said beside the village.
                refused.put("villageCode", Refusals.chinese(refusal.code()));
                return page(null, null, form, refused, null, model);
            }
            String general = ClerkForms.explain(refusal, ProjectScreen::formField, FORM_FIELDS, refused);
            return page(null, null, form, refused, general, model);
        }
    }

    static final String EXPIRED = "这份表单已过期（或不是本次登录打开的），请核对后重新提交。";

    @GetMapping(PATH + "/proposed/{id}")
    String proposed(@PathVariable("id") String id, HttpSession session, Model model) {
        Proposed done = Answers.<Proposed>of(session, ProjectScreen.class).get(id);
        if (done == null) {
            return "redirect:" + PATH;
        }
        model.addAttribute("proposed", done);
        // A township proposes to enter a competitive round next: the answer leads there.
        model.addAttribute("township", Jurisdiction.current().township());
        return "app/project-proposed";
    }

    @GetMapping(PATH + "/{id}")
    String project(@PathVariable("id") String id, HttpSession session, HttpServletResponse response, Model model) {
        return projectPage(id, null, session, response, model);
    }

    @PostMapping(PATH + "/{id}/start")
    String start(@PathVariable("id") String id, @RequestParam(name = "key", required = false) String key,
                 HttpSession session, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return step(id, key, "开工", null, session, response, model, redirect);
    }

    @PostMapping(PATH + "/{id}/complete")
    String complete(@PathVariable("id") String id, @RequestParam(name = "key", required = false) String key,
                    @RequestParam(name = "note", required = false) String note, HttpSession session,
                    HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return step(id, key, "完工", ClerkForms.text(note), session, response, model, redirect);
    }

    @GetMapping(PATH + "/steps/{answerId}")
    String stepped(@PathVariable("answerId") String answerId, HttpSession session, Model model) {
        Stepped done = Answers.<Stepped>of(session, Stepped.class).get(answerId);
        if (done == null) {
            return "redirect:" + PATH;
        }
        model.addAttribute("stepped", done);
        return "app/project-stepped";
    }

    private String step(String id, String key, String step, String note, HttpSession session,
                        HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<ProjectId> projectId = projectId(id);
        if (projectId.isEmpty()) {
            return missing(id, response, model);
        }
        try {
            Stepped done = FormKeys.of(session).once(key, () -> {
                Object command = step.equals("开工") ? new StartProjectCommand(projectId.get(), Actors.current())
                        : new CompleteProjectCommand(projectId.get(), note, Actors.current());
                sendToProject(command);
                String name = find(projectId.get().value()).map(ProjectView::name).orElse(projectId.get().value());
                return new Stepped(UUID.randomUUID().toString(), projectId.get().value(), name, step, note,
                        clock.instant().atZone(CHINA).format(WHEN));
            });
            Answers.<Stepped>of(session, Stepped.class).put(done.answerId(), done);
            redirect.addAttribute("answerId", done.answerId());
            return "redirect:" + PATH + "/steps/{answerId}";
        } catch (FormKeys.UnknownKey e) {
            return projectPage(id, EXPIRED, session, response, model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            if ("PROJECT_NOT_FOUND".equals(refusal.code())) {
                return missing(id, response, model);
            }
            String general = ClerkForms.explain(refusal, field -> field, Set.of(), new LinkedHashMap<>());
            return projectPage(id, general, session, response, model);
        }
    }

    /** Axon answers a command to an unknown aggregate with its own exception; the API calls it PROJECT_NOT_FOUND. */
    private void sendToProject(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof AggregateNotFoundException) {
                    throw Refusal.notFound("PROJECT_NOT_FOUND", "no project has this id");
                }
            }
            throw e;
        }
    }

    private String projectPage(String id, String general, HttpSession session, HttpServletResponse response,
                               Model model) {
        Optional<ProjectId> projectId = projectId(id);
        Optional<ProjectView> found = projectId.flatMap(valid -> find(valid.value()));
        if (found.isEmpty()) {
            if (projectId.isPresent()
                    && Answers.<Proposed>of(session, ProjectScreen.class).containsKey(projectId.get().value())) {
                model.addAttribute("pending", true);
            }
            return missing(id, response, model);
        }
        ProjectView project = found.get();
        Jurisdiction jurisdiction = Jurisdiction.current();
        if (!jurisdiction.covers(project.townshipCode())) {
            // Another township's project is not there for a township, as an id nobody proposed.
            return missing(id, response, model);
        }
        Map<String, ClerkChoices.Village> villages = choices.villages();
        model.addAttribute("project", project);
        model.addAttribute("statusName", project.status().chineseName());
        model.addAttribute("villageName", choices.villageName(villages, project.villageCode()));
        model.addAttribute("budget", project.budget().stream().map(line -> Map.of("fundId", line.fundId(),
                "amount", Money.yuan(line.amountFen()))).toList());
        model.addAttribute("money", Map.of("total", Money.yuan(project.budgetTotalFen()),
                "reserved", Money.yuan(project.reservedFen()), "pending", Money.yuan(project.pendingFen()),
                "paid", Money.yuan(project.paidFen())));
        model.addAttribute("history", project.history().stream().map(step -> Map.of(
                "at", step.at() == null ? "" : step.at().atZone(CHINA).format(WHEN),
                "step", stepName(step.step()), "status", step.status() == null ? "" : step.status().chineseName(),
                "actor", step.actor() == null ? "" : step.actor(), "detail", step.detail() == null ? ""
                        : step.detail())).toList());
        boolean clerk = !jurisdiction.township();
        model.addAttribute("clerk", clerk);
        model.addAttribute("canStart", clerk && project.status() == ProjectStatus.APPROVED);
        model.addAttribute("canComplete", clerk && project.status() == ProjectStatus.IMPLEMENTING);
        model.addAttribute("blocked", clerk ? blocked(project.status()) : null);
        model.addAttribute("general", general);
        model.addAttribute("key", FormKeys.of(session).issue());
        model.addAttribute("errors", Map.of());
        return "app/project";
    }

    private static String missing(String id, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("id", id);
        return "app/project-missing";
    }

    /** Why the step on site cannot be taken now, in the clerk's words, or null when one can be. */
    private static String blocked(ProjectStatus status) {
        return switch (status) {
            case PROPOSED, SELECTED -> "项目尚未批复：审批人批复后才能开工。";
            case APPROVED, IMPLEMENTING -> null;
            case REJECTED -> "项目未入选，不能开工。";
            case COMPLETED -> "项目已完工，待审批人验收。";
            case ACCEPTED -> "项目已验收。";
            case CANCELLED -> "项目已撤销。";
        };
    }

    /** A history step's kind in Chinese (the read model names steps by their events). */
    static String stepName(String step) {
        if (step == null) {
            return "";
        }
        return switch (step) {
            case "PROPOSED" -> "申报";
            case "SUBMITTED" -> "参加竞争性分配";
            case "SELECTED" -> "竞争入选";
            case "REJECTED" -> "未入选";
            case "APPROVED" -> "批复";
            case "STARTED" -> "开工";
            case "COMPLETED" -> "完工";
            case "ACCEPTED" -> "验收";
            case "CANCELLED" -> "撤销";
            case "PAYMENT_REQUESTED" -> "申请拨付";
            case "PAID" -> "拨付";
            case "PAYMENT_REJECTED" -> "拨付被驳回";
            case "PAYMENT_REVERSED", "REVERSED" -> "拨付冲销";
            default -> step;
        };
    }

    private Optional<ProjectView> find(String projectId) {
        return queries.query(new FindProjectQuery(projectId), ResponseTypes.optionalInstanceOf(ProjectView.class))
                .join();
    }

    private static Optional<ProjectId> projectId(String id) {
        try {
            return Optional.of(new ProjectId(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String page(ProjectStatus status, String after, Form form, Map<String, String> errors, String general,
                        Model model) {
        Jurisdiction jurisdiction = Jurisdiction.current();
        List<ProjectView> projects = jurisdiction.township() && jurisdiction.townshipCode() == null ? List.of()
                : queries.query(new FindProjectsQuery(jurisdiction.townshipCode(), null, status, after, PAGE),
                        ResponseTypes.multipleInstancesOf(ProjectView.class)).join();
        // A township is offered its own villages only (the proposal refuses another's anyway).
        List<ClerkChoices.TownshipVillages> townships = choices.townships().stream()
                .filter(township -> !jurisdiction.township() || (!township.villages().isEmpty()
                        && jurisdiction.covers(township.villages().get(0).townshipCode())))
                .toList();
        Map<String, ClerkChoices.Village> villages = new LinkedHashMap<>();
        townships.forEach(township -> township.villages().forEach(v -> villages.put(v.code(), v)));
        model.addAttribute("projects", projects.stream().map(p -> Map.of("id", p.projectId(), "name", p.name(),
                "village", choices.villageName(villages, p.villageCode()), "area", p.workAreaName(),
                "status", p.status().chineseName(), "budget", Money.yuan(p.budgetTotalFen()),
                "paid", Money.yuan(p.paidFen()), "last", lastStep(p))).toList());
        model.addAttribute("next", projects.size() == PAGE ? projects.get(PAGE - 1).projectId() : null);
        model.addAttribute("status", status == null ? "" : status.name());
        model.addAttribute("clerk", !jurisdiction.township());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        model.addAttribute("townships", townships);
        model.addAttribute("funds", choices.fundsWithMoney());
        model.addAttribute("areas", workAreas.all().stream().map(area -> new AreaChoice(area.code(), area.name()
                + "（" + area.targets().chineseName() + "）")).toList());
        model.addAttribute("beneficiaries", List.of(new AreaChoice(Beneficiary.HOUSEHOLDS.name(), "到户（贫困户）"),
                new AreaChoice(Beneficiary.VILLAGE.name(), "到村（贫困村）")));
        return "app/projects";
    }

    /** What happened last to a project, and when. */
    private static String lastStep(ProjectView project) {
        if (project.history().isEmpty()) {
            return "";
        }
        ProjectView.Step last = project.history().get(project.history().size() - 1);
        return (last.at() == null ? "" : last.at().atZone(CHINA).format(WHEN) + " ") + stepName(last.step());
    }

    private void budgetLine(String fund, String amountYuan, int n, List<BudgetLine> budget,
                            Map<String, String> errors) {
        String fundId = ClerkForms.text(fund);
        String amount = ClerkForms.text(amountYuan);
        if (fundId == null && amount == null) {
            return;
        }
        if (fundId == null) {
            errors.put("fund" + n, "请选择这条预算的资金");
        }
        Long fen = YuanInput.fen(amount, "amountYuan" + n, errors);
        if (fundId != null && fen != null) {
            budget.add(new BudgetLine(fundId, fen));
        }
    }

    private Proposed proposed(String projectId, Form form, Beneficiary beneficiary, List<BudgetLine> budget,
                              LocalDate start, LocalDate end, int households, String standard) {
        String area = workAreas.find(form.workArea()).map(WorkArea::name).orElse(form.workArea());
        long total = budget.stream().mapToLong(BudgetLine::amountFen).reduce(0, Math::addExact);
        return new Proposed(projectId, form.name().strip(), area,
                choices.villageName(choices.villages(), form.villageCode()),
                beneficiary == null ? "" : beneficiary.chineseName(),
                budget.stream().map(line -> Map.of("fundId", line.fundId(), "amount", Money.yuan(line.amountFen())))
                        .toList(), Money.yuan(total), start, end, households, standard);
    }

    /** The screen's field for an API field name: budget lines are numbered from 1, amounts typed in yuan. */
    static String formField(String apiField) {
        Matcher line = BUDGET_FIELD.matcher(apiField);
        if (line.matches()) {
            int n = Integer.parseInt(line.group(1)) + 1;
            return (line.group(2).equals("fundId") ? "fund" : "amountYuan") + n;
        }
        return switch (apiField) {
            case "budget" -> "fund1";
            case "subsidyStandardFen", "subsidyStandard" -> "subsidyStandardYuan";
            default -> apiField;
        };
    }

    private static Form withKey(Form form, String key) {
        return new Form(form.name(), form.workArea(), form.villageCode(), form.beneficiary(), form.fund1(),
                form.amountYuan1(), form.fund2(), form.amountYuan2(), form.implementer(), form.supervisor(),
                form.startDate(), form.endDate(), form.expectedHouseholds(), form.expectedPeople(),
                form.subsidyStandardYuan(), form.description(), key);
    }

    private static ProjectStatus statusOf(String status) {
        for (ProjectStatus candidate : ProjectStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        return null;
    }

    private static String afterOf(String after) {
        return projectId(after).map(ProjectId::value).orElse(null);
    }
}
