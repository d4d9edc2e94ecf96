package cn.fupin.ledger.query.place;

import cn.fupin.ledger.shared.place.PoorVillageDesignatedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Keeps the poor-village designations; idempotent by village and year. */
@Component
@ProcessingGroup(PlaceProjection.GROUP)
class PlaceProjection {

    static final String GROUP = "places";

    private final PoorVillageRepository poorVillages;

    PlaceProjection(PoorVillageRepository poorVillages) {
        this.poorVillages = poorVillages;
    }

    @EventHandler
    void on(PoorVillageDesignatedEvent event, @Timestamp Instant recordedAt) {
        if (poorVillages.findById(PoorVillageEntity.id(event.villageCode(), event.year())).isEmpty()) {
            poorVillages.save(new PoorVillageEntity(event.villageCode(), event.townshipCode(), event.year(),
                    event.documentNo(), recordedAt));
        }
    }

    @ResetHandler
    void reset() {
        poorVillages.deleteAllInBatch();
    }
}
