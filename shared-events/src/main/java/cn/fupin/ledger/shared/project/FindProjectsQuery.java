package cn.fupin.ledger.shared.project;

/** Projects, filtered by township, village and status where given ({@code null} means any). */
public record FindProjectsQuery(String townshipCode, String villageCode, ProjectStatus status) {
}
