package cn.fupin.ledger.shared.project;

import java.util.List;

/**
 * The projects of a township, of a village, or with the given ids (each filter optional, {@code null} meaning any; at
 * least one given), in the order of their ids, as {@link ProjectSummaryView}s: without their steps, each with its
 * payments counted by the read model. What the township and village pages list, however many payments a project made.
 */
public record FindProjectSummariesQuery(String townshipCode, String villageCode, List<String> projectIds) {

    public FindProjectSummariesQuery {
        if (townshipCode == null && villageCode == null && projectIds == null) {
            throw new IllegalArgumentException("project summaries are asked for a township, a village or some ids");
        }
        projectIds = projectIds == null ? null : List.copyOf(projectIds);
    }

    /** The projects of a township. */
    public static FindProjectSummariesQuery ofTownship(String townshipCode) {
        return new FindProjectSummariesQuery(townshipCode, null, null);
    }

    /** The projects of a village. */
    public static FindProjectSummariesQuery ofVillage(String villageCode) {
        return new FindProjectSummariesQuery(null, villageCode, null);
    }

    /** The projects with these ids (those that exist). */
    public static FindProjectSummariesQuery withIds(List<String> projectIds) {
        return new FindProjectSummariesQuery(null, null, projectIds);
    }
}
