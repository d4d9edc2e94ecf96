package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.household.Household;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.disbursement.GrantItem;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disbursement.SubmitGrantBatchCommand;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Requests start-up grants (增收项目启动资金) for up to {@value #ITEMS_MAX} households from one household project on
 * one voucher, as one unit of work and so one database transaction: the batch, one disbursement per item, the
 * project's pending payments, every household's claim and every voucher are recorded together, or nothing is
 * (DESIGN-NOTES, "a batch is all-or-none"; "one start-up grant per household").
 *
 * <p>Every item is checked and every bad one named: first the fields of all items (422 GRANT_BATCH_INVALID), then,
 * when they are all well formed, the households (409 GRANT_BATCH_REFUSED: not registered, not eligible, or holding a
 * grant already). The items' vouchers are the batch's voucher with {@code -001}, {@code -002}, … appended.
 */
@Component
class GrantBatchSubmitter {

    static final int ITEMS_MAX = 1000;

    private final Payments payments;
    private final VoucherRegister vouchers;

    GrantBatchSubmitter(Configuration axon, EventStore eventStore, VoucherRegister vouchers) {
        this.payments = new Payments(axon, eventStore);
        this.vouchers = vouchers;
    }

    /** The disbursement id of the item at {@code index} (0-based) of a batch: a name-based UUID of both. */
    static String itemId(String batchId, int index) {
        return "DSB-" + UUID.nameUUIDFromBytes((batchId + "#" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** The voucher number of the item at {@code index} (0-based) of a batch on {@code voucherNo}. */
    static String itemVoucherNo(String voucherNo, int index) {
        return "%s-%03d".formatted(voucherNo, index + 1);
    }

    @CommandHandler
    List<String> handle(SubmitGrantBatchCommand command) {
        Objects.requireNonNull(command.batchId(), "a batch carries the id it will be recorded under");
        Objects.requireNonNull(command.projectId(), "a batch names its project");
        Objects.requireNonNull(command.actor(), "a batch carries who requests it");
        List<GrantItem> items = command.items();
        if (items == null || items.isEmpty()) {
            throw Refusal.invalidField("BATCH_EMPTY", "items", "a grant batch holds at least one household");
        }
        if (items.size() > ITEMS_MAX) {
            throw Refusal.invalidField("BATCH_TOO_LARGE", "items", "a grant batch holds at most " + ITEMS_MAX
                    + " households; split it");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String voucherNo = Payments.voucherNo(command.voucherNo(), problems);
        checkItems(items, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("GRANT_BATCH_INVALID", "the batch was not submitted: " + problems.size()
                    + " problem(s) in its fields", problems);
        }

        String batchId = command.batchId().value();
        if (payments.exists(batchId)) {
            throw Refusal.conflict("GRANT_BATCH_EXISTS", "a grant batch with this id is recorded already");
        }
        String projectId = command.projectId().value();
        Aggregate<Project> project = payments.project(projectId);
        project.execute(Project::requirePayable);
        if (project.invoke(Project::beneficiary) != Beneficiary.HOUSEHOLDS) {
            throw Refusal.conflict("PAYEE_KIND_MISMATCH",
                    "a village project's funds go to the village as a whole, never to households");
        }
        Map<String, Aggregate<Household>> households = households(items, project.invoke(Project::townshipCode),
                project.invoke(Project::subsidyStandardFen));

        long totalFen = 0;
        for (GrantItem item : items) {
            try {
                totalFen = Math.addExact(totalFen, item.amountFen());
            } catch (ArithmeticException overflow) {
                throw Refusal.conflict("PROJECT_BUDGET_EXCEEDED", "the batch asks for more than any budget holds");
            }
        }
        long batchTotalFen = totalFen;
        project.invoke(p -> p.split(batchTotalFen));
        Map<String, String> holderByVoucherNo = new LinkedHashMap<>();
        holderByVoucherNo.put(voucherNo, batchId);
        List<String> disbursementIds = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            disbursementIds.add(itemId(batchId, i));
            holderByVoucherNo.put(itemVoucherNo(voucherNo, i), disbursementIds.get(i));
        }
        Payments.requireFree(vouchers, holderByVoucherNo.keySet());

        String requestedBy = command.actor().username();
        GrantBatchSubmittedEvent submission = new GrantBatchSubmittedEvent(batchId, projectId, voucherNo,
                List.copyOf(disbursementIds), batchTotalFen, requestedBy);
        payments.newBatch(() -> new GrantBatch(submission));
        for (int i = 0; i < items.size(); i++) {
            GrantItem item = items.get(i);
            String disbursementId = disbursementIds.get(i);
            Aggregate<Household> household = households.get(item.cardNo());
            String villageCode = household.invoke(Household::villageCode);
            String townshipCode = household.invoke(Household::townshipCode);
            List<BudgetLine> fromFunds = project.invoke(p -> p.split(item.amountFen()));
            DisbursementRequestedEvent request = new DisbursementRequestedEvent(disbursementId, projectId,
                    PayeeKind.HOUSEHOLD, villageCode, townshipCode, item.cardNo(), item.amountFen(), fromFunds,
                    itemVoucherNo(voucherNo, i), batchId, requestedBy);
            payments.newDisbursement(() -> new Disbursement(request));
            project.execute(p -> p.requestPayment(disbursementId, item.amountFen(), fromFunds));
            household.execute(h -> h.claimStartupGrant(disbursementId, projectId, item.amountFen()));
        }
        vouchers.register(holderByVoucherNo);
        return List.copyOf(disbursementIds);
    }

    /** The fields of every item: a card number of its shape, once in the batch; a grant of at least the minimum. */
    private static void checkItems(List<GrantItem> items, List<FieldProblem> problems) {
        Map<String, Integer> firstIndexByCard = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            GrantItem item = items.get(i);
            String field = "items[" + i + "]";
            String cardNo = item == null ? null : item.cardNo();
            if (!isCardNo(cardNo)) {
                problems.add(FieldProblem.of(field + ".cardNo", "CARD_NO_INVALID",
                        "a card number is 1 to 32 letters, digits or hyphens"));
            } else {
                Integer first = firstIndexByCard.putIfAbsent(cardNo, i);
                if (first != null) {
                    problems.add(FieldProblem.of(field + ".cardNo", "DUPLICATE_IN_BATCH",
                            "the household is item " + first + " of the batch already"));
                }
            }
            long amountFen = item == null ? 0 : item.amountFen();
            if (amountFen <= 0) {
                problems.add(FieldProblem.of(field + ".amountFen", "AMOUNT_NOT_POSITIVE",
                        "a grant is a positive number of fen"));
            } else if (amountFen < Payments.STARTUP_GRANT_MIN_FEN) {
                problems.add(FieldProblem.of(field + ".amountFen", "GRANT_BELOW_MINIMUM",
                        "a start-up grant is at least " + Payments.STARTUP_GRANT_MIN_FEN + " fen (3,000 yuan)"));
            }
        }
    }

    private static boolean isCardNo(String cardNo) {
        try {
            new HouseholdCardNo(cardNo);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Loads the household of every item, in card number order (the lock order), and refuses GRANT_BATCH_REFUSED
     * naming every item whose household is not registered, not eligible (exited, or outside the project's
     * township) or holds a start-up grant already, and every item above the project's subsidy standard per household
     * ({@code standardFen}, when it states one: ABOVE_SUBSIDY_STANDARD).
     */
    private Map<String, Aggregate<Household>> households(List<GrantItem> items, String projectTownship,
                                                         Long standardFen) {
        Map<String, Integer> indexByCard = new TreeMap<>();
        Map<Integer, FieldProblem> aboveStandard = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            indexByCard.put(items.get(i).cardNo(), i);
            if (standardFen != null && items.get(i).amountFen() > standardFen) {
                aboveStandard.put(i, FieldProblem.of("items[" + i + "].amountFen", "ABOVE_SUBSIDY_STANDARD",
                        "the grant is above the project's subsidy standard of " + Money.yuan(standardFen)
                                + " per household"));
            }
        }
        Map<String, Aggregate<Household>> households = new HashMap<>();
        Map<Integer, FieldProblem> problemByIndex = new TreeMap<>();
        indexByCard.forEach((cardNo, index) -> {
            String field = "items[" + index + "].cardNo";
            Optional<Aggregate<Household>> found = payments.household(cardNo);
            if (found.isEmpty()) {
                problemByIndex.put(index, FieldProblem.of(field, "HOUSEHOLD_NOT_FOUND",
                        "no household has this card number"));
                return;
            }
            Household household = found.get().invoke(h -> h);
            if (household.exited() || !projectTownship.equals(household.townshipCode())) {
                problemByIndex.put(index, FieldProblem.of(field, "HOUSEHOLD_NOT_ELIGIBLE", "only a registered "
                        + "household that has not exited and lives in the project's township receives its grant"));
            } else if (household.startupGrant() != null) {
                problemByIndex.put(index, FieldProblem.of(field, "DUPLICATE_STARTUP_GRANT",
                        "the household's start-up grant is requested or paid already"));
            } else {
                households.put(cardNo, found.get());
            }
        });
        if (!problemByIndex.isEmpty() || !aboveStandard.isEmpty()) {
            Set<Integer> refused = new TreeSet<>(problemByIndex.keySet());
            refused.addAll(aboveStandard.keySet());
            List<FieldProblem> problems = new ArrayList<>();
            for (int index : refused) {
                Optional.ofNullable(problemByIndex.get(index)).ifPresent(problems::add);
                Optional.ofNullable(aboveStandard.get(index)).ifPresent(problems::add);
            }
            throw Refusal.conflict("GRANT_BATCH_REFUSED", "the batch was not submitted: " + refused.size()
                    + " item(s) may not be granted", List.copyOf(problems));
        }
        return households;
    }
}
