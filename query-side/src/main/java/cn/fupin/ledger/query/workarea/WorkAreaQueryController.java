package cn.fupin.ledger.query.workarea;

import cn.fupin.ledger.shared.workarea.WorkArea;
import cn.fupin.ledger.shared.workarea.WorkAreas;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/work-areas}: the plan's key work areas in the plan's order, each with its code, name, lead
 * departments, whom its funds target and the plan's item. Reference data shipped with the ledger, not a read model of
 * events, so it is answered from the {@link WorkAreas} list directly rather than through a query.
 */
@RestController
class WorkAreaQueryController {

    private final WorkAreas workAreas;

    WorkAreaQueryController(WorkAreas workAreas) {
        this.workAreas = workAreas;
    }

    @GetMapping("/api/work-areas")
    List<WorkArea> workAreas() {
        return List.copyOf(workAreas.all());
    }
}
