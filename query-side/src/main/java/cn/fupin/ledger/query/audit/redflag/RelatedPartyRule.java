package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchApprovedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionDismissedAsDuplicateEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.household.CadreRelativeDeclaredEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * RELATED_PARTY (优亲厚友): a household whose head is declared a relative of a cadre (by declaration or the register's
 * {@code relatedCadres} column), where that cadre proposed or approved its project, requested or approved its grant
 * or its grant batch, or resolved an objection about any of them. Who acted is the event's {@code actor} metadata (the
 * payload's proposer, requester, approver or resolver where the metadata has none). One finding per household and
 * cadre (subject the card number, key the cadre), from the later of the declaration and the cadre's first act on
 * it; HIGH when the cadre approved or resolved something, MEDIUM when they only proposed or requested. Declarations
 * and acts may come in either order: the relation existed before it was declared.
 *
 * <p>Constructed without arguments.
 */
public final class RelatedPartyRule implements RedFlagRule {

    public static final String RULE = "RELATED_PARTY";
    private static final int ACTS_NAMED_MAX = 5;

    /** One act of a cadre on something a household may be paid from or through: a project, payment, batch or item. */
    private record Act(String cadre, String verb, String target, boolean decides, LedgerEvent event) {
    }

    private final Map<String, Map<String, LedgerEvent>> declarations = new TreeMap<>();
    private final List<Act> acts = new ArrayList<>();
    private final Map<String, String> cardOfDisbursement = new HashMap<>();
    private final Map<String, Set<String>> cardsOfProject = new HashMap<>();
    private final Map<String, List<String>> disbursementsOfBatch = new HashMap<>();

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof CadreRelativeDeclaredEvent declared) {
            declarations.computeIfAbsent(declared.cardNo(), card -> new TreeMap<>()).putIfAbsent(declared.cadre(), event);
        } else if (payload instanceof ProjectProposedEvent proposed) {
            act(event, proposed.proposedBy(), "proposed project", proposed.projectId(), false);
        } else if (payload instanceof ProjectApprovedEvent approved) {
            act(event, approved.approvedBy(), "approved project", approved.projectId(), true);
        } else if (payload instanceof DisbursementRequestedEvent requested) {
            if (requested.cardNo() != null) {
                payee(requested.disbursementId(), requested.projectId(), requested.cardNo());
                act(event, requested.requestedBy(), "requested payment", requested.disbursementId(), false);
            }
        } else if (payload instanceof DisbursementApprovedEvent approved) {
            if (approved.cardNo() != null) {
                payee(approved.disbursementId(), approved.projectId(), approved.cardNo());
                act(event, approved.approvedBy(), "approved payment", approved.disbursementId(), true);
            }
        } else if (payload instanceof GrantBatchSubmittedEvent submitted) {
            disbursementsOfBatch.put(submitted.batchId(), submitted.disbursementIds());
        } else if (payload instanceof GrantBatchApprovedEvent approved) {
            act(event, approved.approvedBy(), "approved grant batch", approved.batchId(), true);
        } else if (payload instanceof ObjectionResolvedEvent resolved) {
            act(event, resolved.resolvedBy(), "resolved objection " + resolved.objectionId() + " on", resolved.item(),
                    true);
        } else if (payload instanceof ObjectionDismissedAsDuplicateEvent dismissed) {
            act(event, dismissed.resolvedBy(), "dismissed objection " + dismissed.objectionId() + " on",
                    dismissed.item(), true);
        }
    }

    /** Remembers that {@code disbursementId} of {@code projectId} pays the household {@code cardNo}. */
    private void payee(String disbursementId, String projectId, String cardNo) {
        cardOfDisbursement.put(disbursementId, cardNo);
        cardsOfProject.computeIfAbsent(projectId, project -> new TreeSet<>()).add(cardNo);
    }

    private void act(LedgerEvent event, String named, String verb, String target, boolean decides) {
        String cadre = event.meta("actor") != null ? event.meta("actor") : named;
        if (cadre != null && target != null) {
            acts.add(new Act(cadre, verb, target, decides, event));
        }
    }

    @Override
    public List<Finding> findings(Instant now) {
        Map<String, Map<String, List<Act>>> actsByCardAndCadre = new TreeMap<>();
        for (Act act : acts) {
            if (act.event().timestamp().isAfter(now)) {
                continue;
            }
            for (String card : cardsOf(act.target())) {
                LedgerEvent declaration = declarations.getOrDefault(card, Map.of()).get(act.cadre());
                if (declaration != null && !declaration.timestamp().isAfter(now)) {
                    actsByCardAndCadre.computeIfAbsent(card, c -> new TreeMap<>())
                            .computeIfAbsent(act.cadre(), c -> new ArrayList<>()).add(act);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        actsByCardAndCadre.forEach((card, byCadre) -> byCadre.forEach((cadre, cadreActs) -> {
            LedgerEvent declaration = declarations.get(card).get(cadre);
            List<LedgerEvent> evidence = new ArrayList<>(List.of(declaration));
            cadreActs.forEach(act -> evidence.add(act.event()));
            evidence.sort(Comparator.comparingLong(LedgerEvent::globalIndex));
            Instant firstAct = cadreActs.get(0).event().timestamp();
            Instant since = declaration.timestamp().isAfter(firstAct) ? declaration.timestamp() : firstAct;
            boolean decided = cadreActs.stream().anyMatch(Act::decides);
            findings.add(new Finding(RULE, decided ? Severity.HIGH : Severity.MEDIUM, card, cadre,
                    summary(card, cadre, cadreActs), since,
                    evidence.stream().map(LedgerEvent::eventId).distinct().toList()));
        }));
        return findings;
    }

    /** The households an act's target reaches: a card itself, a payment's payee, a batch's or a project's payees. */
    private Set<String> cardsOf(String target) {
        Set<String> cards = new LinkedHashSet<>();
        if (declarations.containsKey(target)) {
            cards.add(target);
        }
        String payee = cardOfDisbursement.get(target);
        if (payee != null) {
            cards.add(payee);
        }
        for (String disbursement : disbursementsOfBatch.getOrDefault(target, List.of())) {
            String batchPayee = cardOfDisbursement.get(disbursement);
            if (batchPayee != null) {
                cards.add(batchPayee);
            }
        }
        cards.addAll(cardsOfProject.getOrDefault(target, Set.of()));
        return cards;
    }

    private static String summary(String card, String cadre, List<Act> cadreActs) {
        List<String> named = cadreActs.stream().map(act -> act.verb() + " " + act.target()).distinct()
                .limit(ACTS_NAMED_MAX).toList();
        long distinctActs = cadreActs.stream().map(act -> act.verb() + " " + act.target()).distinct().count();
        return "the head of household " + card + " is declared a relative of " + cadre + ", who "
                + String.join(", ", named) + (distinctActs > named.size() ? ", …" : "");
    }
}
