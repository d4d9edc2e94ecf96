package cn.fupin.ledger.command.project;

import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.project.ApproveProjectCommand;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Approves (批复) a project in one unit of work with every fund of its budget: each line is reserved from its fund,
 * all or none (DESIGN-NOTES, "approving a bundled project reserves every line or none"). Every fund is checked before
 * any is touched, and a line its fund cannot cover refuses the whole approval; the transaction then records
 * nothing, so a bundled project never holds part of its money.
 */
@Component
class ProjectApprover {

    static final int APPROVAL_DOC_NO_LENGTH_MAX = 64;

    private final Projects projects;

    ProjectApprover(Configuration axon, EventStore eventStore) {
        this.projects = new Projects(axon, eventStore);
    }

    /** A budget line with the fund it is drawn from, loaded in this unit of work. */
    private record Draw(BudgetLine line, Aggregate<Fund> fund) {
    }

    @CommandHandler
    void handle(ApproveProjectCommand command) {
        Objects.requireNonNull(command.actor(), "an approval carries who approves");
        String approvalDocNo = approvalDocNo(command.approvalDocNo());
        Aggregate<Project> project = projects.load(command.projectId());
        project.execute(p -> p.requireApprovableBy(command.actor()));

        String projectId = project.identifierAsString();
        List<Draw> draws = new ArrayList<>();
        for (BudgetLine line : project.invoke(Project::budgetByFund)) {
            Aggregate<Fund> fund = projects.funds().load(line.fundId());
            long availableFen = fund.invoke(Fund::availableFen);
            if (line.amountFen() > availableFen) {
                throw Refusal.conflict("FUND_OVERDRAWN", "the fund " + line.fundId() + " has " + availableFen
                        + " fen available, less than the project's line of " + line.amountFen() + " fen; nothing was reserved");
            }
            draws.add(new Draw(line, fund));
        }
        for (Draw draw : draws) {
            draw.fund().execute(fund -> fund.reserve(projectId, draw.line().amountFen()));
        }
        project.execute(p -> p.approve(approvalDocNo, command.actor()));
    }

    private static String approvalDocNo(String approvalDocNo) {
        if (Text.isBlank(approvalDocNo)) {
            throw Refusal.invalidField("APPROVAL_DOC_NO_REQUIRED", "approvalDocNo",
                    "an approval needs the number of its approval document (批复文号)");
        }
        String stripped = approvalDocNo.strip();
        if (stripped.length() > APPROVAL_DOC_NO_LENGTH_MAX || Text.hasAnyControlCharacters(stripped)) {
            throw Refusal.invalidField("APPROVAL_DOC_NO_INVALID", "approvalDocNo",
                    "the approval document number is too long or holds control characters");
        }
        return stripped;
    }
}
