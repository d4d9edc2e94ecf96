package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.command.household.Household;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;

/**
 * What the payment handlers share: the policy numbers, the checks of a voucher number and a reason, and loading the
 * records a payment touches, always in one order, so that two units of work over the same records never wait for
 * each other in a circle: the notices listing the payment (the publicity hold), then a grant batch, then its
 * disbursements, then the project, then households by card number, then funds by fund id (docs/architecture.md,
 * "lock order"). New aggregates created in a unit of work are locked by nobody else and do not count.
 */
final class Payments {

    /** The least start-up grant (DOMAIN.md, "Money": 每户3000元以上的增收项目启动资金); see {@link Money}. */
    static final long STARTUP_GRANT_MIN_FEN = Money.STARTUP_GRANT_MIN_FEN;
    static final int VOUCHER_NO_LENGTH_MAX = 64;
    static final int REASON_LENGTH_MAX = 500;

    private final Configuration axon;
    private final EventStore eventStore;

    Payments(Configuration axon, EventStore eventStore) {
        this.axon = axon;
        this.eventStore = eventStore;
    }

    /** Whether any aggregate has recorded events under the id. */
    boolean exists(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).isPresent();
    }

    /**
     * What a notice may list of the disbursement, read from its stored request without loading (and locking) it: its
     * id, its project's and its batch's. The publicity hold locks the notices listing them before the payment's own
     * records (docs/architecture.md, "lock order"); these facts never change after the request.
     */
    List<String> listedIdsOfDisbursement(String disbursementId) {
        return eventStore.readEvents(disbursementId, 0).asStream().findFirst()
                .map(first -> first.getPayload() instanceof DisbursementRequestedEvent requested
                        ? Stream.of(disbursementId, requested.projectId(), requested.batchId())
                                .filter(Objects::nonNull).toList()
                        : List.of(disbursementId))
                .orElse(List.of(disbursementId));
    }

    /** The same for a grant batch: its id, its project's and every item's, read from its stored submission. */
    List<String> listedIdsOfBatch(String batchId) {
        return eventStore.readEvents(batchId, 0).asStream().findFirst()
                .map(first -> first.getPayload() instanceof GrantBatchSubmittedEvent submitted
                        ? Stream.concat(Stream.of(batchId, submitted.projectId()), submitted.disbursementIds().stream())
                                .toList()
                        : List.of(batchId))
                .orElse(List.of(batchId));
    }

    /** The project, or PROJECT_NOT_FOUND (404). */
    Aggregate<Project> project(String projectId) {
        Objects.requireNonNull(projectId, "a payment names its project");
        if (!exists(projectId)) {
            throw Refusal.notFound("PROJECT_NOT_FOUND", "no project has this id");
        }
        return axon.repository(Project.class).load(projectId);
    }

    /** The disbursement, or DISBURSEMENT_NOT_FOUND (404). */
    Aggregate<Disbursement> disbursement(String disbursementId) {
        Objects.requireNonNull(disbursementId, "a command names its disbursement");
        if (!exists(disbursementId)) {
            throw Refusal.notFound("DISBURSEMENT_NOT_FOUND", "no disbursement has this id");
        }
        return axon.repository(Disbursement.class).load(disbursementId);
    }

    /** The grant batch, or GRANT_BATCH_NOT_FOUND (404). */
    Aggregate<GrantBatch> batch(String batchId) {
        Objects.requireNonNull(batchId, "a command names its grant batch");
        if (!exists(batchId)) {
            throw Refusal.notFound("GRANT_BATCH_NOT_FOUND", "no grant batch has this id");
        }
        return axon.repository(GrantBatch.class).load(batchId);
    }

    /** The household with the card number, when one is registered. */
    Optional<Aggregate<Household>> household(String cardNo) {
        String stream = HouseholdCardNo.streamIdOf(cardNo);
        if (!exists(stream)) {
            return Optional.empty();
        }
        return Optional.of(axon.repository(Household.class).load(stream));
    }

    /** The household of a payment recorded before (so it is registered). */
    Aggregate<Household> registeredHousehold(String cardNo) {
        return axon.repository(Household.class).load(HouseholdCardNo.streamIdOf(cardNo));
    }

    /** The funds with the given ids, loaded (and locked) in fund id order. */
    Map<String, Aggregate<Fund>> funds(Collection<String> fundIds) {
        Map<String, Aggregate<Fund>> funds = new TreeMap<>();
        for (String fundId : new TreeSet<>(fundIds)) {
            funds.put(fundId, axon.repository(Fund.class).load(fundId));
        }
        return funds;
    }

    /** The fund ids of the lines. */
    static List<String> fundIdsOf(List<BudgetLine> lines) {
        return lines.stream().map(BudgetLine::fundId).toList();
    }

    /** Records a new disbursement through its repository. */
    Aggregate<Disbursement> newDisbursement(Callable<Disbursement> request) {
        return create(Disbursement.class, request);
    }

    /** Records a new grant batch through its repository. */
    Aggregate<GrantBatch> newBatch(Callable<GrantBatch> submission) {
        return create(GrantBatch.class, submission);
    }

    private <T> Aggregate<T> create(Class<T> type, Callable<T> factory) {
        try {
            return axon.repository(type).newInstance(factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not record a new " + type.getSimpleName(), e);
        }
    }

    /**
     * A voucher number (凭证号) as it is registered: stripped, at most {@value #VOUCHER_NO_LENGTH_MAX} characters,
     * without control characters; or a problem of the field (VOUCHER_NO_REQUIRED, VOUCHER_NO_INVALID) and
     * {@code null}.
     */
    static String voucherNo(String voucherNo, List<FieldProblem> problems) {
        if (Text.isBlank(voucherNo)) {
            problems.add(FieldProblem.of("voucherNo", "VOUCHER_NO_REQUIRED", "a payment is requested on a voucher"));
            return null;
        }
        String stripped = voucherNo.strip();
        if (stripped.length() > VOUCHER_NO_LENGTH_MAX || Text.hasAnyControlCharacters(stripped)) {
            problems.add(FieldProblem.of("voucherNo", "VOUCHER_NO_INVALID", "the voucher number is longer than "
                    + VOUCHER_NO_LENGTH_MAX + " characters or holds control characters"));
            return null;
        }
        return stripped;
    }

    /** The reason a person gave for a rejection or reversal: stripped, or REASON_REQUIRED / REASON_INVALID (422). */
    static String reason(String reason) {
        if (Text.isBlank(reason)) {
            throw Refusal.invalidField("REASON_REQUIRED", "reason", "a rejection or reversal needs a reason");
        }
        String stripped = reason.strip();
        if (stripped.length() > REASON_LENGTH_MAX || Text.hasControlCharacters(stripped)) {
            throw Refusal.invalidField("REASON_INVALID", "reason",
                    "the reason is longer than " + REASON_LENGTH_MAX + " characters or holds control characters");
        }
        return stripped;
    }

    /** Refuses DUPLICATE_VOUCHER_NO when any of the voucher numbers is held already. */
    static void requireFree(VoucherRegister vouchers, Collection<String> voucherNos) {
        Map<String, String> held = vouchers.holders(voucherNos);
        if (!held.isEmpty()) {
            throw Refusal.conflict("DUPLICATE_VOUCHER_NO", held.size() == 1
                    ? "a payment was requested on this voucher number already"
                    : held.size() + " of the voucher numbers were used by payments requested already");
        }
    }
}
