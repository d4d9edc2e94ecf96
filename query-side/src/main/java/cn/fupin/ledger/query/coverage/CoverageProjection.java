package cn.fupin.ledger.query.coverage;

import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps what start-up grant coverage counts: each household's place and whether it counts as registered, and each
 * paid grant with whether it was reversed. The two are joined only when answering, since a household's events and
 * its grant's are separate streams that may arrive in either order; after a change the household's village is
 * counted again into its row of {@code coverage_village}, which answers add up: once per batch of events and village,
 * just before the batch commits (a batch of 1,000 grants in 41 villages counts 41 villages, not 1,000), or at once
 * outside a unit of work. Idempotent: a household applies each of its events once by sequence number, a grant is stored once by disbursement id, and a reversal only sets a flag.
 */
@Component
@ProcessingGroup(CoverageProjection.GROUP)
class CoverageProjection {

    static final String GROUP = "coverage";

    /** The resource of a batch's unit of work that holds the villages to count again before it commits. */
    private static final String VILLAGES_TO_COUNT = CoverageProjection.class.getName() + ".villagesToCount";

    private final CoverageHouseholdRepository households;
    private final CoverageGrantRepository grants;
    private final CoverageVillageRepository villages;

    CoverageProjection(CoverageHouseholdRepository households, CoverageGrantRepository grants,
                       CoverageVillageRepository villages) {
        this.households = households;
        this.grants = grants;
        this.villages = villages;
    }

    @EventHandler
    void on(HouseholdRegisteredEvent event, @SequenceNumber long sequence) {
        if (households.findById(event.cardNo()).isEmpty()) {
            households.save(new CoverageHouseholdEntity(event.cardNo(), event.villageCode(), event.townshipCode(),
                    sequence));
            recount(event.villageCode(), event.townshipCode());
        }
    }

    @EventHandler
    void on(HouseholdExitedEvent event, @SequenceNumber long sequence) {
        registered(event.cardNo(), sequence, false);
    }

    @EventHandler
    void on(HouseholdReturnedEvent event, @SequenceNumber long sequence) {
        registered(event.cardNo(), sequence, true);
    }

    /** The household, with its grants, leaves its old village's coverage and counts in its new one's. */
    @EventHandler
    void on(HouseholdVillageCorrectedEvent event, @SequenceNumber long sequence) {
        CoverageHouseholdEntity household = households.findById(event.cardNo())
                .orElseThrow(() -> new IllegalStateException("correction of a household not yet projected: "
                        + event.cardNo()));
        if (household.advanceTo(sequence)) {
            household.place(event.villageCode(), event.townshipCode());
            households.save(household);
            recount(event.previousVillageCode(), event.previousTownshipCode());
            recount(event.villageCode(), event.townshipCode());
        }
    }

    @EventHandler
    void on(DisbursementApprovedEvent event) {
        if (event.payeeKind() == PayeeKind.HOUSEHOLD && grants.findById(event.disbursementId()).isEmpty()) {
            grants.save(new CoverageGrantEntity(event.disbursementId(), event.cardNo(), event.amountFen()));
            recountVillageOf(event.cardNo());
        }
    }

    @EventHandler
    void on(DisbursementReversedEvent event) {
        if (event.payeeKind() != PayeeKind.HOUSEHOLD) {
            return;
        }
        // A payment's approval comes before its reversal in its stream: a reversal of a grant not projected yet is a
        // bug, and failing makes the processor retry rather than count the grant as paid for ever.
        CoverageGrantEntity grant = grants.findById(event.disbursementId())
                .orElseThrow(() -> new IllegalStateException("reversal of a grant not yet projected: "
                        + event.disbursementId()));
        grant.reversed();
        grants.save(grant);
        recountVillageOf(event.cardNo());
    }

    private void registered(String cardNo, long sequence, boolean registered) {
        CoverageHouseholdEntity household = households.findById(cardNo)
                .orElseThrow(() -> new IllegalStateException("status change for a household not yet projected: "
                        + cardNo));
        if (household.advanceTo(sequence)) {
            household.registered(registered);
            households.save(household);
            recount(household.villageCode(), household.townshipCode());
        }
    }

    /** A grant's village, once its household is here (if not yet, the household's registration counts it). */
    private void recountVillageOf(String cardNo) {
        households.findById(cardNo).ifPresent(household ->
                recount(household.villageCode(), household.townshipCode()));
    }

    /**
     * Counts a village again: before the batch commits, once for all the batch's changes to it (the count reads the
     * rows the batch wrote: they are flushed first), or now when no unit of work is running.
     */
    private void recount(String villageCode, String townshipCode) {
        if (!CurrentUnitOfWork.isStarted()) {
            countAll(Map.of(villageCode, townshipCode));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.<Map<String, String>>getOrComputeResource(VILLAGES_TO_COUNT, key -> {
            Map<String, String> villagesToCount = new TreeMap<>();
            unitOfWork.onPrepareCommit(done -> countAll(villagesToCount));
            return villagesToCount;
        }).put(villageCode, townshipCode);
    }

    /** Counts the villages after writing what the batch changed (the counts are asked without flushing on their own). */
    private void countAll(Map<String, String> villagesToCount) {
        households.flush();
        villagesToCount.forEach(this::count);
    }

    /** Counts one village from its households and their grants into its row. */
    private void count(String villageCode, String townshipCode) {
        Object[] counts = households.villageCoverage(villageCode).get(0);
        villages.save(new CoverageVillageEntity(villageCode, townshipCode, number(counts[0]), number(counts[1]),
                number(counts[2])));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    @ResetHandler
    void reset() {
        villages.deleteAllInBatch();
        grants.deleteAllInBatch();
        households.deleteAllInBatch();
    }
}
