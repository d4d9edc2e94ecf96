package cn.fupin.ledger.query.project;

import cn.fupin.ledger.query.common.KeysetPage;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.place.TownshipCode;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.FindProjectQuery;
import cn.fupin.ledger.shared.project.FindProjectsQuery;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectView;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/projects?township=&village=&status=} (every filter optional, ordered by project id) and
 * {@code GET /api/projects/{id}}. A status that is not one of {@link ProjectStatus}, or a code of the wrong shape, is
 * a 422 naming the parameter; an empty parameter is no filter.
 */
@RestController
class ProjectQueryController {

    private final QueryGateway queries;

    ProjectQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    /** Paged by {@link KeysetPage#byId} ({@code size}, {@code after}). */
    @GetMapping("/api/projects")
    ResponseEntity<List<ProjectView>> projects(@RequestParam(required = false) String township,
                                               @RequestParam(required = false) String village,
                                               @RequestParam(required = false) ProjectStatus status,
                                               @RequestParam(required = false) Integer size,
                                               @RequestParam(required = false) String after) {
        KeysetPage page = KeysetPage.byId("projects", size, after);
        // An empty parameter (?township=) means no filter, as an omitted one does.
        township = township == null || township.isBlank() ? null : township;
        village = village == null || village.isBlank() ? null : village;
        if (township != null) {
            try {
                new TownshipCode(township);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalidField("INVALID_TOWNSHIP_CODE", "township", "a township code has 9 digits");
            }
        }
        if (village != null) {
            try {
                new VillageCode(village);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalidField("INVALID_VILLAGE_CODE", "village", "a village code has 12 digits");
            }
        }
        List<ProjectView> fetched = queries.query(new FindProjectsQuery(township, village, status, page.afterId(),
                page.fetch()), ResponseTypes.multipleInstancesOf(ProjectView.class)).join();
        return page.answer(fetched, null, ProjectView::projectId);
    }

    @GetMapping("/api/projects/{projectId}")
    ProjectView project(@PathVariable String projectId) {
        try {
            new ProjectId(projectId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        Optional<ProjectView> found = queries.query(new FindProjectQuery(projectId),
                ResponseTypes.optionalInstanceOf(ProjectView.class)).join();
        return found.orElseThrow(ProjectQueryController::notFound);
    }

    private static Refusal notFound() {
        return Refusal.notFound("PROJECT_NOT_FOUND", "no project has this id");
    }
}
