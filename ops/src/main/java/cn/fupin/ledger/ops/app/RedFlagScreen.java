package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.query.audit.redflag.FindingView;
import cn.fupin.ledger.query.audit.redflag.RedFlagEngine;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.redflag.ReviewRedFlagCommand;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Red flags (风险提示): what the ledger's rules find wrong in the record now ({@link RedFlagEngine}, as
 * {@code GET /api/audit/red-flags} answers), counted by rule, each with its evidence (the events that show it) and
 * its latest review; and the review form — the same {@code ReviewRedFlagCommand} as
 * {@code POST /api/audit/red-flags/{id}/reviews}, with its reason — sent once per form key, answered by a page of
 * what was recorded. A finding is named by its id as a parameter, never in the path (its id holds slashes).
 */
@Controller
class RedFlagScreen {

    static final String PATH = "/app/audit/red-flags";
    static final int FINDINGS_SHOWN_MAX = 200;

    private final RedFlagEngine engine;
    private final CommandGateway commands;
    private final Clock clock;

    RedFlagScreen(RedFlagEngine engine, CommandGateway commands, Clock clock) {
        this.engine = engine;
        this.commands = commands;
        this.clock = clock;
    }

    /** A review recorded through this screen, as its answer page shows it. */
    record Reviewed(String reviewId, String findingId, String rule, String subject, String reason, String by,
                    String at) {

        public String ruleName() {
            return RedFlagScreen.ruleName(rule);
        }
    }

    /** A rule and how many findings it has now. */
    record RuleCount(String rule, String name, int findings) {
    }

    @GetMapping(PATH)
    String list(@RequestParam(name = "rule", required = false) String rule,
                @RequestParam(name = "reviewed", required = false) String reviewed, Model model) {
        List<FindingView> all = engine.findings();
        Map<String, Integer> counts = new LinkedHashMap<>();
        engine.ruleCodes().forEach(code -> counts.put(code, 0));
        all.forEach(finding -> counts.merge(finding.rule(), 1, Integer::sum));
        String shownRule = rule != null && counts.containsKey(rule) ? rule : "";
        String shownReviewed = "true".equals(reviewed) || "false".equals(reviewed) ? reviewed : "";
        List<FindingView> shown = all.stream()
                .filter(f -> shownRule.isEmpty() || f.rule().equals(shownRule))
                .filter(f -> shownReviewed.isEmpty() || (f.reviewed() != null) == Boolean.parseBoolean(shownReviewed))
                .toList();
        model.addAttribute("counts", counts.entrySet().stream()
                .map(count -> new RuleCount(count.getKey(), ruleName(count.getKey()), count.getValue())).toList());
        model.addAttribute("rule", shownRule);
        model.addAttribute("reviewed", shownReviewed);
        model.addAttribute("matching", shown.size());
        model.addAttribute("findings", shown.stream().limit(FINDINGS_SHOWN_MAX).map(this::shown).toList());
        return "app/audit-red-flags";
    }

    @GetMapping(PATH + "/finding")
    String finding(@RequestParam(name = "id", required = false) String id, HttpSession session, Model model) {
        Optional<FindingView> finding = id == null || id.length() > 1_000 ? Optional.empty() : engine.find(id);
        if (finding.isEmpty()) {
            model.addAttribute("gone", true);
            return "app/audit-finding";
        }
        return page(finding.get(), "", FormKeys.of(session).issue(), new LinkedHashMap<>(), model);
    }

    @PostMapping(PATH + "/review")
    String review(@RequestParam(name = "id", required = false) String id,
                  @RequestParam(name = "reason", required = false) String reason,
                  @RequestParam(name = "key", required = false) String key,
                  Authentication user, HttpSession session, Model model, RedirectAttributes redirect) {
        Optional<FindingView> found = id == null || id.length() > 1_000 ? Optional.empty() : engine.find(id);
        if (found.isEmpty()) {
            model.addAttribute("gone", true);
            return "app/audit-finding";
        }
        FindingView finding = found.get();
        String why = reason == null ? "" : reason.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (why.isEmpty()) {
            errors.put("reason", "请写明审阅意见（为什么可以关注或排除）");
        } else if (why.length() > ReviewRedFlagCommand.REASON_LENGTH_MAX
                || why.chars().anyMatch(Character::isISOControl)) {
            errors.put("reason", "审阅意见最多 " + ReviewRedFlagCommand.REASON_LENGTH_MAX + " 个字，不能含控制字符");
        }
        if (!errors.isEmpty()) {
            return page(finding, reason, key, errors, model);
        }
        try {
            Actor reviewer = Actor.acting(user.getName(), user.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).toList());
            Reviewed done = FormKeys.of(session).once(key, () -> {
                commands.sendAndWait(new ReviewRedFlagCommand(finding.id(), finding.rule(), finding.subject(), why,
                        reviewer));
                return new Reviewed(UUID.randomUUID().toString(), finding.id(), finding.rule(), finding.subject(),
                        why, reviewer.username(), AuditDays.shown(clock.instant()));
            });
            Answers.<Reviewed>of(session, RedFlagScreen.class).put(done.reviewId(), done);
            redirect.addAttribute("id", done.reviewId());
            return "redirect:" + PATH + "/reviewed/{id}";
        } catch (FormKeys.UnknownKey e) {
            Map<String, String> stale = new LinkedHashMap<>();
            stale.put("reason", "这份表单已过期（或不是本次登录打开的），请核对后重新提交。");
            return page(finding, reason, FormKeys.of(session).issue(), stale, model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            Map<String, String> refused = new LinkedHashMap<>();
            String general = Refusals.explain(refusal, refused);
            if (general != null) {
                refused.put("reason", general);
            }
            return page(finding, reason, key, refused, model);
        }
    }

    @GetMapping(PATH + "/reviewed/{id}")
    String reviewed(@PathVariable("id") String id, HttpSession session, Model model) {
        Reviewed done = Answers.<Reviewed>of(session, RedFlagScreen.class).get(id);
        if (done == null) {
            return "redirect:" + PATH;
        }
        model.addAttribute("reviewed", done);
        return "app/audit-reviewed";
    }

    private String page(FindingView finding, String reason, String key, Map<String, String> errors, Model model) {
        model.addAttribute("finding", shown(finding));
        model.addAttribute("evidence", finding.evidence());
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("key", key);
        model.addAttribute("errors", errors);
        return "app/audit-finding";
    }

    private Map<String, Object> shown(FindingView finding) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", finding.id());
        shown.put("rule", finding.rule());
        shown.put("ruleName", ruleName(finding.rule()));
        shown.put("severity", switch (finding.severity()) {
            case HIGH -> "高";
            case MEDIUM -> "中";
            default -> "低";
        });
        shown.put("subject", finding.subject());
        shown.put("summary", finding.summary());
        shown.put("since", AuditDays.shown(finding.since()));
        shown.put("evidenceCount", finding.evidence().size());
        FindingView.Review review = finding.reviewed();
        shown.put("reviewed", review == null ? null : review.by() + "，" + AuditDays.shown(review.at()) + "："
                + review.reason());
        return shown;
    }

    /** A rule's name in Chinese (its code where the screens know no name yet). */
    static String ruleName(String rule) {
        return switch (rule) {
            case "IDLE_FUNDS" -> "资金闲置";
            case "SPLIT_PAYMENTS" -> "拆分支付";
            case "SHARED_PAYEE" -> "多户共用收款信息";
            case "GRANT_TO_INELIGIBLE" -> "补助给了不符合条件的农户";
            case "OVER_STANDARD" -> "超标准补助";
            case "PAID_BEFORE_PUBLICITY" -> "公示期满前支付";
            case "LATE_NOTICE" -> "公告逾期";
            case "OBJECTION_IGNORED" -> "异议未处理";
            case "SELF_DEALING_ATTEMPT" -> "自批自审尝试";
            case "RELATED_PARTY" -> "干部亲属受益";
            case "DECEASED_OR_PUBLIC_EMPLOYEE" -> "已故或公职人员受益";
            case "PUBLICATION_SKIPPED" -> "应公示未公示";
            case "BOOKS_DISAGREE" -> "账实不符";
            default -> rule;
        };
    }
}
