package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/work-areas}: the plan's key work areas, in the plan's order, for every member of staff. */
@LedgerTest
class WorkAreaApiTest extends LedgerApiTest {

    @Test
    void everyWorkAreaOfThePlanIsListedInItsOrder() {
        JsonNode areas = api.as("clerk").get("/api/work-areas").json();

        List<String> codes = new ArrayList<>();
        areas.forEach(area -> codes.add(area.path("code").asText()));
        assertThat(codes).containsExactly("ROADS", "WATER", "ENERGY", "HOUSING", "INDUSTRY", "EDUCATION", "HEALTH",
                "CULTURE", "INFORMATION", "CAPABILITY", "SOCIAL_SECURITY", "ECOLOGY", "FINANCE");
        JsonNode roads = areas.get(0);
        assertThat(roads.path("name").asText()).isEqualTo("村级道路畅通");
        assertThat(roads.path("leadDepartments").get(0).asText()).isEqualTo("县交通运输局");
        assertThat(roads.path("targets").asText()).isEqualTo("VILLAGE");
        assertThat(roads.path("seedItem").asText()).isEqualTo("二（一）");
        assertThat(areas.get(3).path("targets").asText()).isEqualTo("HOUSEHOLDS");
    }

    @Test
    void everyStaffRoleMayReadThemAndNobodyElse() {
        for (String user : List.of("clerk", "approver", "auditor", "reviewer", "township")) {
            assertThat(api.as(user).get("/api/work-areas").status()).as(user).isEqualTo(200);
        }
        assertThat(api.anonymous().get("/api/work-areas").status()).isEqualTo(401);
    }
}
