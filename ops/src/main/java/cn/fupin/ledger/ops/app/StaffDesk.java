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
                            Map.of("href", ProjectScreen.PATH, "title", "项目",
                                    "what", "申报项目（预算、领域、地点），查看项目状态和经历，登记开工、完工"),
                            Map.of("href", GrantBatchScreen.PATH, "title", "到户补助批次",
                                    "what", "选项目和村，勾选农户，按补助标准提交一批增收项目启动资金"),
                            Map.of("href", PaymentScreen.PATH, "title", "拨付申请",
                                    "what", "向项目所在村或农户申请拨付，查看每笔申请的状态")),
                    "农户名册目前通过接口办理（docs/api.md）。");
            case APPROVER -> new RoleDesk(role.name(), "审批人",
                    List.of(Map.of("href", InboxScreen.PATH, "title", "待审批事项",
                                    "what", "项目批复、项目验收、拨付申请、到户补助批次和群众异议：逐项写明能否办理、为什么，批准或说明理由驳回"),
                            Map.of("href", ReversalScreen.PATH, "title", "已支付的拨付",
                                    "what", "按项目或村查看已支付的拨付，写明理由冲正有差错的一笔（款项退回项目预算）")),
                    "竞争性分配的结束目前通过接口办理（docs/api.md）。");
            case TOWNSHIP -> new RoleDesk(role.name(), "乡镇",
                    List.of(Map.of("href", RoundFacts.PATH, "title", "竞争性分配",
                            "what", "向开放中的竞争性分配申报本乡镇的项目，查看本乡镇的申报、各轮排名和重算核对")),
                    "编制项目（立项申报）目前通过接口办理（docs/api.md）。");
            case REVIEWER -> new RoleDesk(role.name(), "评审专家",
                    List.of(Map.of("href", RoundFacts.PATH, "title", "竞争性分配评审",
                            "what", "申报利益冲突回避，按本轮标准为申报项目打分，查看自己的评分、排名和重算核对")),
                    "各轮由经办人开启、审批人结束，目前通过接口办理（docs/api.md）。");
            case AUDITOR -> new RoleDesk(role.name(), "纪检监察审计", List.of(),
                    "事件历史、资金追踪和风险提示目前通过接口查看（docs/api.md）。");
        };
    }
}
