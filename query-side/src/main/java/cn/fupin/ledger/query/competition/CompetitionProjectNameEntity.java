package cn.fupin.ledger.query.competition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A project's name as proposed, so that a round lists its proposals by name. The competitions group keeps its own
 * copy instead of reading the projects group's tables, so that each read model can be rebuilt alone; it is joined at
 * query time because a project's proposal and its submission to a round are events of different aggregates, which
 * the processor may apply in either order.
 */
@Entity
@Table(name = "competition_project_name")
class CompetitionProjectNameEntity {

    @Id
    @Column(name = "project_id", length = 64)
    private String projectId;

    @Column(name = "name", nullable = false, length = 500)
    private String name;

    protected CompetitionProjectNameEntity() {
    }

    CompetitionProjectNameEntity(String projectId, String name) {
        this.projectId = projectId;
        this.name = name;
    }

    String projectId() { return projectId; }
    String name() { return name; }
}
