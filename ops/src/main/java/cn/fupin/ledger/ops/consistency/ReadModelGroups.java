package cn.fupin.ledger.ops.consistency;

import java.util.List;

/**
 * The processing groups of the read models the API answers from (query-side's projections). A read with
 * {@code ?consistentWith=} waits for these; not for the public pages' re-renderer or the automatic publisher, whose
 * work is a consequence of a write, not its effect. {@code ReadModelGroupsTest} keeps the list equal to the query-side's
 * {@code @ProcessingGroup}s.
 */
public final class ReadModelGroups {

    public static final List<String> API = List.of("assessments", "audit-subjects", "competitions", "coverage",
            "disbursements", "funds", "households", "journal", "notices", "places", "projects", "skipped-work");

    private ReadModelGroups() {
    }
}
