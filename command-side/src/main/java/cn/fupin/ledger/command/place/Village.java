package cn.fupin.ledger.command.place;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.place.DesignatePoorVillageCommand;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.place.PoorVillageDesignatedEvent;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A village of the county, as far as the ledger decides anything about it: the years it is a poor village
 * (贫困村). Invariants: it is a village of the county's gazetteer; a year is designated at most once, with a
 * document number.
 */
@Aggregate
public class Village {

    static final int DOCUMENT_NO_LENGTH_MAX = 64;

    /** {@code VIL-} and the code: the villages' own identifier space ({@link VillageCode#streamId()}). */
    @AggregateIdentifier
    private String streamId;
    private final Set<Integer> poorYears = new HashSet<>();

    protected Village() {
        // Axon rebuilds the village from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DesignatePoorVillageCommand command, Gazetteer gazetteer) {
        if (!gazetteer.hasVillage(command.villageCode().value())) {
            throw Refusal.notFound("VILLAGE_NOT_FOUND", "no village of the county has this code");
        }
        if (!FiscalYear.isValid(command.year())) {
            throw Refusal.invalidField("YEAR_OUT_OF_RANGE", "year", "the year is outside 2000-2100");
        }
        if (Text.isBlank(command.documentNo())) {
            throw Refusal.invalidField("DOCUMENT_NO_REQUIRED", "documentNo", "a designation needs its document number");
        }
        if (command.documentNo().strip().length() > DOCUMENT_NO_LENGTH_MAX
                || Text.hasAnyControlCharacters(command.documentNo().strip())) {
            throw Refusal.invalidField("DOCUMENT_NO_INVALID", "documentNo", "the document number is too long or holds control characters");
        }
        if (poorYears.contains(command.year())) {
            throw Refusal.conflict("ALREADY_DESIGNATED", "the village is designated a poor village for that year already");
        }
        apply(new PoorVillageDesignatedEvent(command.villageCode().value(), command.villageCode().township().value(),
                command.year(), command.documentNo().strip()));
    }

    /** Whether the village is designated a poor village (贫困村) for the year. */
    public boolean isPoorIn(int year) {
        return poorYears.contains(year);
    }

    @EventSourcingHandler
    void on(PoorVillageDesignatedEvent event) {
        streamId = VillageCode.streamIdOf(event.villageCode());
        poorYears.add(event.year());
    }
}
