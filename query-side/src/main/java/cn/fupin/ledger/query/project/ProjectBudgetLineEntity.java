package cn.fupin.ledger.query.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One budget line of a project, in the order proposed; the id is the project id and the line's number. */
@Entity
@Table(name = "project_budget_line")
class ProjectBudgetLineEntity {

    @Id
    @Column(name = "line_id", length = 80)
    private String lineId;

    @Column(name = "project_id", nullable = false, length = 64)
    private String projectId;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "fund_id", nullable = false, length = 64)
    private String fundId;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    protected ProjectBudgetLineEntity() {
    }

    ProjectBudgetLineEntity(String projectId, int lineNo, String fundId, long amountFen) {
        this.lineId = id(projectId, lineNo);
        this.projectId = projectId;
        this.lineNo = lineNo;
        this.fundId = fundId;
        this.amountFen = amountFen;
    }

    static String id(String projectId, int lineNo) {
        return projectId + "#" + lineNo;
    }

    String projectId() { return projectId; }
    String fundId() { return fundId; }
    long amountFen() { return amountFen; }
}
