package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.query.audit.money.MoneyTraces;
import cn.fupin.ledger.query.audit.money.TraceStep;
import cn.fupin.ledger.query.audit.money.TraceTotals;
import cn.fupin.ledger.query.audit.money.TraceView;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.household.FindHouseholdQuery;
import cn.fupin.ledger.shared.household.HouseholdView;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.place.FindTownshipsQuery;
import cn.fupin.ledger.shared.place.TownshipView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Follow the money (资金追踪): from an appropriation's document number (or its id, or a fund) to every project that
 * reserved it and every payment to a household or village, or back from a household or village to the documents its
 * money came from — the API's {@code GET /api/audit/trace}, computed by the same code ({@link MoneyTraces}) from the
 * events, shown as nested tables: the totals, then each project with its payments, then every step with the event
 * behind it. A household's village is read from the register (its name only; its numbers stay masked).
 */
@Controller
class MoneyTraceScreen {

    static final String PATH = "/app/audit/trace";
    /** Households whose village is looked up for one trace; beyond it, the village shows as unknown. */
    private static final int VILLAGES_LOOKED_UP_MAX = 500;

    private final MoneyTraces traces;
    private final QueryGateway queries;

    MoneyTraceScreen(MoneyTraces traces, QueryGateway queries) {
        this.traces = traces;
        this.queries = queries;
    }

    /** A payment (or its reversal) as the nested tables show it. */
    record Payment(String step, String at, String payeeKind, String payee, String village, String amount,
                   String documentNo, String disbursementId, boolean household) {
    }

    /** A project reached by the money: what it reserved and released, and its payments. */
    record Project(String projectId, String reserved, String released, String paidNet, List<Payment> payments) {
    }

    /** One step of the trace with the event behind it. */
    record Step(String step, String at, String eventType, String actor, String amount, String documentNo,
                String subject, long globalIndex, String eventId) {
    }

    @GetMapping(PATH)
    String show(@RequestParam(name = "from", required = false) String from,
                @RequestParam(name = "to", required = false) String to, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        model.addAttribute("errors", errors);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (!hasFrom && !hasTo) {
            return "app/audit-trace";
        }
        if (hasFrom && hasTo) {
            errors.put("to", "一次只能从资金追下去，或者从收款方追回来：请只填一项");
            return "app/audit-trace";
        }
        if ((hasFrom ? from : to).strip().length() > 255) {
            errors.put(hasFrom ? "from" : "to", "最多 255 个字");
            return "app/audit-trace";
        }
        TraceView trace;
        try {
            trace = traces.trace(from, to);
        } catch (Refusal refusal) {
            errors.put(hasFrom ? "from" : "to", Refusals.chinese(refusal.code()));
            return "app/audit-trace";
        }
        Map<String, String> villages = villages(trace.steps());
        model.addAttribute("trace", trace);
        model.addAttribute("kind", kind(trace.kind()));
        model.addAttribute("totals", totals(trace.totals()));
        model.addAttribute("sources", trace.sources().stream().map(source -> Map.of(
                "documentNo", text(source.documentNo(), "（未对应到下达文件）"),
                "appropriationId", text(source.appropriationId(), "—"), "fundId", source.fundId(),
                "paidNet", Money.yuan(source.paidNetFen()))).toList());
        model.addAttribute("projects", projects(trace.steps(), villages));
        model.addAttribute("steps", trace.steps().stream().map(MoneyTraceScreen::step).toList());
        return "app/audit-trace";
    }

    private List<Project> projects(List<TraceStep> steps, Map<String, String> villages) {
        Map<String, List<TraceStep>> byProject = new LinkedHashMap<>();
        for (TraceStep step : steps) {
            if (step.projectId() != null) {
                byProject.computeIfAbsent(step.projectId(), id -> new ArrayList<>()).add(step);
            }
        }
        List<Project> projects = new ArrayList<>();
        byProject.forEach((projectId, itsSteps) -> {
            long reserved = sum(itsSteps, "RESERVED");
            long released = sum(itsSteps, "RELEASED");
            long paidNet = sum(itsSteps, "PAID") - sum(itsSteps, "REVERSED");
            List<Payment> payments = itsSteps.stream()
                    .filter(step -> "PAID".equals(step.step()) || "REVERSED".equals(step.step()))
                    .map(step -> payment(step, villages)).toList();
            projects.add(new Project(projectId, Money.yuan(reserved), Money.yuan(released), Money.yuan(paidNet),
                    payments));
        });
        return projects;
    }

    private static Payment payment(TraceStep step, Map<String, String> villages) {
        boolean household = "HOUSEHOLD".equals(step.payeeKind());
        String village = villages.getOrDefault(step.payeeKind() + ":" + step.payee(),
                household ? "（未查到）" : step.payee());
        long signed = "REVERSED".equals(step.step()) ? -step.amountFen() : step.amountFen();
        return new Payment(stepName(step.step()), AuditDays.shown(step.at()), household ? "农户" : "村",
                step.payee(), village, Money.yuan(signed), text(step.documentNo(), "（未对应）"),
                step.disbursementId(), household);
    }

    /**
     * The names of the villages paid in the trace (from the gazetteer), and the village of each household paid, from
     * the register (at most {@value #VILLAGES_LOOKED_UP_MAX} households), by payee kind and code ({@code VILLAGE:<code>}, {@code HOUSEHOLD:<card>}).
     */
    private Map<String, String> villages(List<TraceStep> steps) {
        Map<String, String> villages = new HashMap<>();
        if (steps.stream().anyMatch(step -> "VILLAGE".equals(step.payeeKind()))) {
            for (TownshipView township : queries.query(new FindTownshipsQuery(),
                    ResponseTypes.multipleInstancesOf(TownshipView.class)).join()) {
                for (TownshipView.VillageView village : township.villages()) {
                    villages.put("VILLAGE:" + village.code(), township.name() + " " + village.name() + "（" + village.code() + "）");
                }
            }
        }
        int lookedUp = 0;
        for (TraceStep step : steps) {
            if ("HOUSEHOLD".equals(step.payeeKind()) && !villages.containsKey("HOUSEHOLD:" + step.payee())
                    && lookedUp++ < VILLAGES_LOOKED_UP_MAX) {
                Optional<HouseholdView> household = queries.query(new FindHouseholdQuery(step.payee()),
                        ResponseTypes.optionalInstanceOf(HouseholdView.class)).join();
                villages.put("HOUSEHOLD:" + step.payee(), household.map(h -> text(h.townshipName(), "") + " "
                        + text(h.villageName(), h.villageCode()) + "（" + h.villageCode() + "）").orElse("（未查到）"));
            }
        }
        return villages;
    }

    private static Step step(TraceStep step) {
        String subject = step.disbursementId() != null ? step.disbursementId()
                : step.projectId() != null ? step.projectId() : step.appropriationId();
        return new Step(stepName(step.step()), AuditDays.shown(step.at()), step.eventType(), text(step.actor(), ""),
                Money.yuan(step.amountFen()), text(step.documentNo(), "（未对应）"), text(subject, step.fundId()),
                step.globalIndex(),
                step.eventId());
    }

    private static List<Map<String, String>> totals(TraceTotals totals) {
        List<Map<String, String>> rows = new ArrayList<>();
        add(rows, "下达", totals.appropriatedFen());
        add(rows, "项目占用", totals.reservedFen());
        add(rows, "释放回资金", totals.releasedFen());
        add(rows, "拨付", totals.paidFen());
        add(rows, "冲回", totals.reversedFen());
        add(rows, "拨付净额", totals.paidNetFen());
        add(rows, "资金中未占用", totals.unreservedFen());
        add(rows, "已占用未拨付", totals.reservedUnpaidFen());
        add(rows, "未花出", totals.unspentFen());
        return rows;
    }

    private static void add(List<Map<String, String>> rows, String name, Long fen) {
        if (fen != null) {
            rows.add(Map.of("name", name, "amount", Money.yuan(fen)));
        }
    }

    private static long sum(List<TraceStep> steps, String kind) {
        return steps.stream().filter(step -> kind.equals(step.step())).mapToLong(TraceStep::amountFen)
                .reduce(0, Math::addExact);
    }

    static String stepName(String step) {
        return switch (step) {
            case "APPROPRIATED" -> "下达";
            case "RESERVED" -> "项目占用";
            case "RELEASED" -> "释放回资金";
            case "PAID" -> "拨付";
            case "REVERSED" -> "冲回";
            default -> step;
        };
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "FUND" -> "资金";
            case "APPROPRIATION" -> "资金下达文件";
            case "HOUSEHOLD" -> "农户";
            case "VILLAGE" -> "村";
            default -> kind;
        };
    }

    private static String text(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
