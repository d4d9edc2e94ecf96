package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.ops.security.StaffProperties;
import cn.fupin.ledger.shared.common.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page and the desk every staff user lands on (工作台): who is logged in, in which roles, and the tasks of
 * each role that have a screen — the others are done through the API for now (docs/api.md), and the desk says so
 * rather than showing a button that does nothing.
 */
@Controller
class StaffDesk {

    /** A role's name in Chinese, and the screens it has. */
    record RoleDesk(String role, String name, List<Map<String, String>> screens, String elsewhere) {
    }

    @GetMapping("/app/login")
    String login(@RequestParam(name = "error", required = false) String error,
                 @RequestParam(name = "locked", required = false) String locked,
                 @RequestParam(name = "logout", required = false) String logout, Model model) {
        model.addAttribute("error", error != null);
        model.addAttribute("locked", locked != null);
        model.addAttribute("loggedOut", logout != null);
        return "app/login";
    }

    @GetMapping({"/app", "/app/"})
    String desk(Authentication user, Model model) {
        List<RoleDesk> desks = new ArrayList<>();
        for (StaffProperties.Role role : StaffProperties.Role.values()) {
            boolean holds = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(authority -> authority.equals(Actor.ROLE_AUTHORITY_PREFIX + role.name()));
            if (holds) {
                desks.add(desk(role));
            }
        }
        model.addAttribute("desks", desks);
        return "app/desk";
    }

    private static RoleDesk desk(StaffProperties.Role role) {
        return switch (role) {
            case CLERK -> new RoleDesk(role.name(), "经办人",
                    List.of(Map.of("href", AppropriationScreen.PATH, "title", "资金下达",
                                    "what", "登记本年度各来源的资金下达（文号、金额），查看县本级财政投入与 1200 万元底线"),
                            Map.of("href", HouseholdRegisterScreen.PATH, "title", "户籍名册",
                                    "what", "导入名册文件，按户编号、户主姓名、村查找农户，登记脱贫退出和返贫，更正银行卡和所在村"),
                            Map.of("href", ProjectScreen.PATH, "title", "项目",
                                    "what", "申报项目（预算、领域、地点），查看项目状态和经历，登记开工、完工"),
                            Map.of("href", GrantBatchScreen.PATH, "title", "到户补助批次",
                                    "what", "选项目和村，勾选农户，按补助标准提交一批增收项目启动资金"),
                            Map.of("href", PaymentScreen.PATH, "title", "拨付申请",
                                    "what", "向项目所在村或农户申请拨付，查看每笔申请的状态"),
                            Map.of("href", RoundFacts.PATH, "title", "竞争性分配",
                                    "what", "开启一轮竞争性分配（资金、预算、评分标准和权重、申报截止），查看各轮的申报和排名")),
                    "贫困村认定、乡镇考核结果和手工发布公告目前通过接口办理（docs/api.md）。");
            case APPROVER -> new RoleDesk(role.name(), "审批人",
                    List.of(Map.of("href", InboxScreen.PATH, "title", "待审批事项",
                                    "what", "项目批复、项目验收、拨付申请、到户补助批次和群众异议：逐项写明能否办理、为什么，批准或说明理由驳回"),
                            Map.of("href", ReversalScreen.PATH, "title", "已支付的拨付",
                                    "what", "按项目或村查看已支付的拨付，写明理由冲正有差错的一笔（款项退回项目预算）"),
                            Map.of("href", RoundFacts.PATH, "title", "竞争性分配",
                                    "what", "申报截止后结束一轮：按得分排名、在预算内安排资金，查看排名和重算核对")),
                    "把重复的异议一并驳回（按重复处理）目前通过接口办理（docs/api.md）。");
            case TOWNSHIP -> new RoleDesk(role.name(), "乡镇",
                    List.of(Map.of("href", ProjectScreen.PATH, "title", "项目申报",
                                    "what", "为本乡镇的村编制项目（预算、领域、地点），查看本乡镇项目的状态和经历"),
                            Map.of("href", RoundFacts.PATH, "title", "竞争性分配",
                                    "what", "向开放中的竞争性分配申报本乡镇的项目，查看本乡镇的申报、各轮排名和重算核对")),
                    "项目的开工、完工登记和拨付申请由县经办人办理。");
            case REVIEWER -> new RoleDesk(role.name(), "评审专家",
                    List.of(Map.of("href", RoundFacts.PATH, "title", "竞争性分配评审",
                            "what", "申报利益冲突回避，按本轮标准为申报项目打分，查看自己的评分、排名和重算核对")),
                    "各轮由经办人开启、审批人结束。");
            case AUDITOR -> new RoleDesk(role.name(), "纪检监察审计", List.of(
                    Map.of("href", AuditHistoryScreen.PATH, "title", "事件历史",
                            "what", "账本的每一件事：谁、何时、为什么；按对象、类型、操作人和日期筛选，导出 CSV（每次查看都记入账本）"),
                    Map.of("href", MoneyTraceScreen.PATH, "title", "资金追踪",
                            "what", "从资金下达文号追到每个项目、每笔拨付、每户和每个村，或从农户、村追回资金来源"),
                    Map.of("href", HouseholdFactsScreen.PATH, "title", "农户档案",
                            "what", "一户的全部记录（证件号、银行卡号遮挡）；查看完整号码须写明理由并记入账本"),
                    Map.of("href", JournalScreen.PATH, "title", "总账与试算平衡",
                            "what", "任一日终的各账户余额和分录"),
                    Map.of("href", RedFlagScreen.PATH, "title", "风险提示",
                            "what", "按规则发现的疑点及其证据，填写审阅意见"),
                    Map.of("href", LedgerCheckScreen.PATH, "title", "核对账本",
                            "what", "总账、各对象的事件和查询数据三方对账，总账自查：账本有没有被改动、有没有漏记")),
                    "按日期的资金、项目和覆盖统计目前通过接口查看（docs/api.md）。");
        };
    }
}
