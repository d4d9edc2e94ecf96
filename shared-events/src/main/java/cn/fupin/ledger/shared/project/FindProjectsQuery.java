package cn.fupin.ledger.shared.project;

/**
 * Projects, filtered by township, village and status where given ({@code null} means any), in the order of their ids.
 * A page: those after {@code afterId}, at most {@code limit} of them ({@code null}: from the first, and every one).
 */
public record FindProjectsQuery(String townshipCode, String villageCode, ProjectStatus status, String afterId,
                                Integer limit) {

    public FindProjectsQuery {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("a page holds at least one project");
        }
    }

    /** Every one. */
    public FindProjectsQuery(String townshipCode, String villageCode, ProjectStatus status) {
        this(townshipCode, villageCode, status, null, null);
    }
}
