package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.common.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.ui.Model;

/**
 * One step an approver records from a single-field form after the inbox's approvals — a project's acceptance (验收,
 * {@link AcceptanceScreen}) or a paid payment's reversal (冲正, {@link ReversalScreen}) — done as the inbox does its
 * decisions: once per form key ({@link FormKeys}), the answer kept for the inbox's answer page
 * ({@code /app/inbox/recorded/{id}}), a refusal of the ledger shown beside the field or above the form in Chinese.
 * Kept apart from {@link InboxScreen} so that each screen stays one page and its form.
 */
final class InboxStep {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private InboxStep() {
    }

    /** What a step's page shows: the heading, the item's facts, the one field and its button, and where it posts. */
    record Page(String heading, String title, List<InboxScreen.Fact> facts, String action, String field,
                String fieldLabel, String fieldHint, String button, String warning, List<String> notes) {
    }

    /** The item is not there to step on (done already, never existed, or an id typed by hand). */
    static final class Gone extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        Gone() {
            super("the item is not there for this step", null, false, false);
        }
    }

    /**
     * Records {@code work} once for {@code key} and redirects to its answer; otherwise the page again with what is
     * wrong. A second click whose first one did the step is answered with the first one's result, even though the
     * item has moved on.
     */
    static String once(Page page, String key, Supplier<InboxScreen.Recorded> work, String value, HttpSession session,
                       Model model, HttpServletResponse response) {
        try {
            InboxScreen.Recorded done = FormKeys.of(session).once(key, work);
            Answers.<InboxScreen.Recorded>of(session, InboxScreen.class).put(done.answerId(), done);
            return "redirect:" + InboxScreen.PATH + "/recorded/" + done.answerId();
        } catch (Gone e) {
            return gone(model, response);
        } catch (FormKeys.UnknownKey e) {
            if (page == null) {
                return gone(model, response);
            }
            return show(page, Map.of(), "这份表单已过期（或不是本次登录打开的），请核对后重新提交。", value, session, model);
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            Map<String, String> refused = new LinkedHashMap<>();
            String general = Refusals.explain(refusal, refused);
            refused.keySet().retainAll(Set.of(page.field()));
            if (general == null && refused.isEmpty()) {
                general = Refusals.chinese(refusal.code());
            }
            return show(page, refused, general, value, session, model);
        }
    }

    /** The step's page with a fresh form key, the field's errors beside it and a general message above. */
    static String show(Page page, Map<String, String> errors, String general, String value, HttpSession session,
                       Model model) {
        model.addAttribute("step", page);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        model.addAttribute("value", value == null ? "" : value);
        model.addAttribute("key", FormKeys.of(session).issue());
        return "app/inbox-step";
    }

    /** Not there: said plainly, with a 404, as the inbox says it. */
    static String gone(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("item", null);
        return "app/inbox-gone";
    }

    /** The answer: what was done, to what, with the facts that identify it and when. */
    static InboxScreen.Recorded recorded(String heading, Clock clock, InboxScreen.Fact... facts) {
        List<InboxScreen.Fact> all = new ArrayList<>(List.of(facts));
        all.add(new InboxScreen.Fact("办理时间", clock.instant().atZone(CHINA).toLocalDateTime().withNano(0).toString()
                .replace('T', ' ')));
        return new InboxScreen.Recorded(UUID.randomUUID().toString(), heading, List.copyOf(all));
    }
}
