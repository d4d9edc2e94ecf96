package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.inbox.ListingNoticeView;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.AcceptProjectCommand;
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.FindProjectsQuery;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The acceptance inspection (验收) of completed projects: they wait in the inbox as their own group, each with what
 * stops its acceptance now (a payment still requested: PAYMENTS_PENDING); its page records the inspection's result
 * with the command the API sends ({@code POST /api/projects/{id}/accept}), so the project aggregate refuses here as
 * there, translated. Accepting gives back to the funds what they hold for the project and was not paid, which the
 * page says before the button, since nothing can be paid from the project afterwards.
 */
@Controller
class AcceptanceScreen {

    static final String PATH = InboxScreen.PATH + "/acceptances";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Inbox inbox;
    private final Clock clock;

    AcceptanceScreen(CommandGateway commands, QueryGateway queries, Inbox inbox, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** The completed projects waiting for acceptance, of one village where given, earliest completed first. */
    List<Inbox.Waiting> waiting(String villageCode) {
        List<ProjectView> completed = queries.query(new FindProjectsQuery(null, villageCode, ProjectStatus.COMPLETED,
                null, Inbox.PAGE), ResponseTypes.multipleInstancesOf(ProjectView.class)).join();
        List<ListingNoticeView> notices = completed.isEmpty() ? List.of()
                : inbox.notices(completed, List.of(), clock.instant());
        return completed.stream().sorted(Comparator.comparing(AcceptanceScreen::completedOn)
                        .thenComparing(ProjectView::projectId))
                .map(p -> waiting(p, Inbox.links(notices, List.of(p.projectId())))).toList();
    }

    static Inbox.Waiting waiting(ProjectView project, List<Inbox.NoticeLink> notices) {
        List<InboxChecks.Block> blocks = new ArrayList<>();
        if (project.pendingFen() > 0) {
            blocks.add(new InboxChecks.Block("PAYMENTS_PENDING", "项目还有 " + Money.yuan(project.pendingFen())
                    + " 的拨付申请尚未审批：先审批或驳回，再验收"));
        }
        ProjectView.Step completion = completion(project);
        return new Inbox.Waiting("acceptance", project.projectId(), project.name() + "（" + project.villageName() + "）",
                completion == null ? "" : completion.actor(), completion == null ? "" : Inbox.day(completion.at()),
                Money.yuan(project.budgetTotalFen()), blocks, notices, PATH + "/" + project.projectId());
    }

    @GetMapping(PATH + "/{id}")
    String page(@PathVariable("id") String id, HttpSession session, Model model, HttpServletResponse response) {
        return completed(id).map(p -> InboxStep.show(page(p), Map.of(), null, "", session, model))
                .orElseGet(() -> InboxStep.gone(model, response));
    }

    @PostMapping(PATH + "/{id}/accept")
    String accept(@PathVariable("id") String id, @RequestParam(name = "result", required = false) String result,
                  @RequestParam(name = "key", required = false) String key, HttpSession session, Model model,
                  HttpServletResponse response) {
        Optional<ProjectView> project = completed(id);
        String stripped = result == null ? "" : result.strip();
        if (project.isPresent() && stripped.isEmpty()) {
            return InboxStep.show(page(project.get()), Map.of("result", "请填写验收结论"), null, result, session, model);
        }
        InboxStep.Page page = project.map(AcceptanceScreen::page).orElse(null);
        return InboxStep.once(page, key, () -> {
            ProjectView p = project.orElseThrow(InboxStep.Gone::new);
            commands.sendAndWait(new AcceptProjectCommand(new ProjectId(p.projectId()), stripped, Actors.current()));
            return InboxStep.recorded("项目已验收", clock, new InboxScreen.Fact("项目", p.name()),
                    new InboxScreen.Fact("编号", p.projectId()), new InboxScreen.Fact("验收结论", stripped),
                    new InboxScreen.Fact("已支付", Money.yuan(p.paidFen())),
                    new InboxScreen.Fact("退回资金（未支付的预留）", Money.yuan(p.reservedFen())));
        }, result, session, model, response);
    }

    /** The project of {@code id} while it is completed (waiting for acceptance); an id typed by hand finds none. */
    private Optional<ProjectView> completed(String id) {
        try {
            return queries.query(new FindProjectQuery(new ProjectId(id).value()),
                            ResponseTypes.optionalInstanceOf(ProjectView.class)).join()
                    .filter(p -> p.status() == ProjectStatus.COMPLETED);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static InboxStep.Page page(ProjectView p) {
        ProjectView.Step completion = completion(p);
        List<InboxScreen.Fact> facts = List.of(new InboxScreen.Fact("编号", p.projectId()),
                new InboxScreen.Fact("工作领域", p.workAreaName()),
                new InboxScreen.Fact("地点", p.townshipName() + " " + p.villageName()),
                new InboxScreen.Fact("状态", p.status().chineseName()),
                new InboxScreen.Fact("预算", Money.yuan(p.budgetTotalFen())),
                new InboxScreen.Fact("已支付", Money.yuan(p.paidFen())),
                new InboxScreen.Fact("待审批的拨付", Money.yuan(p.pendingFen())),
                new InboxScreen.Fact("实施主体", p.implementer()), new InboxScreen.Fact("监管主体", p.supervisor()),
                new InboxScreen.Fact("完工登记", completion == null ? ""
                        : completion.actor() + "，" + Inbox.day(completion.at())
                        + (completion.detail() == null ? "" : "（" + completion.detail() + "）")));
        List<String> notes = new ArrayList<>();
        if (p.pendingFen() > 0) {
            notes.add("项目还有 " + Money.yuan(p.pendingFen()) + " 的拨付申请尚未审批：先审批或驳回，再验收。");
        }
        return new InboxStep.Page("项目验收", p.name() + "（" + p.villageName() + "）", facts,
                PATH + "/" + p.projectId() + "/accept", "result", "验收结论（必填）", "写明验收的结果，记入账本，审计可查",
                "记录验收", "验收后项目结束：资金为它预留而未支付的 " + Money.yuan(p.reservedFen())
                        + " 退回资金，之后不能再从项目拨付。", notes);
    }

    /** The step that completed the project (its newest COMPLETED step), or null if the history does not show it. */
    private static ProjectView.Step completion(ProjectView project) {
        ProjectView.Step found = null;
        for (ProjectView.Step step : project.history()) {
            if (step.status() == ProjectStatus.COMPLETED) {
                found = step;
            }
        }
        return found;
    }

    private static java.time.Instant completedOn(ProjectView project) {
        ProjectView.Step step = completion(project);
        return step == null || step.at() == null ? java.time.Instant.EPOCH : step.at();
    }
}
