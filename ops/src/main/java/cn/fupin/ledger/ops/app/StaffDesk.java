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
                            "what", "导入名册文件，按户编号、户主姓名、村查找农户，登记脱贫退出和返贫，更正银行卡和所在村")),
                    "项目、到户补助批次和拨付申请目前通过接口办理（docs/api.md）。");
            case APPROVER -> new RoleDesk(role.name(), "审批人", List.of(),
                    "项目、拨付和批次的审批目前通过接口办理（docs/api.md）。");
            case TOWNSHIP -> new RoleDesk(role.name(), "乡镇", List.of(),
                    "向竞争性分配申报项目目前通过接口办理（docs/api.md）。");
            case REVIEWER -> new RoleDesk(role.name(), "评审专家", List.of(),
                    "评审打分目前通过接口办理（docs/api.md）。");
            case AUDITOR -> new RoleDesk(role.name(), "纪检监察审计", List.of(),
                    "事件历史、资金追踪和风险提示目前通过接口查看（docs/api.md）。");
        };
    }
}
