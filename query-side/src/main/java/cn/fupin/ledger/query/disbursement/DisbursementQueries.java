package cn.fupin.ledger.query.disbursement;

import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.FindDisbursementsQuery;
import cn.fupin.ledger.shared.household.HeadNames;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers disbursement queries; a household head's name is shown masked, never whole. */
@Component
class DisbursementQueries {

    /** Ids per query for a page's fund lines: an IN list well below any database's limit. */
    private static final int IDS_PER_QUERY = 500;

    private final DisbursementRepository disbursements;
    private final DisbursementFundLineRepository lines;

    DisbursementQueries(DisbursementRepository disbursements, DisbursementFundLineRepository lines) {
        this.disbursements = disbursements;
        this.lines = lines;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<DisbursementView> handle(FindDisbursementsQuery query) {
        List<Object[]> rows = disbursements.find(query.projectId(), query.villageCode(), query.cardNo(),
                query.status(), query.townshipCode(), query.afterRequestedAt(), query.afterId(),
                query.limit() == null ? Limit.unlimited() : Limit.of(query.limit()));
        Map<String, List<BudgetLine>> fromFunds = new HashMap<>();
        List<String> ids = rows.stream().map(row -> ((DisbursementEntity) row[0]).disbursementId()).toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            for (DisbursementFundLineEntity line : lines.findByDisbursementIds(
                    ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))) {
                fromFunds.computeIfAbsent(line.disbursementId(), id -> new ArrayList<>())
                        .add(new BudgetLine(line.fundId(), line.amountFen()));
            }
        }
        List<DisbursementView> views = new ArrayList<>();
        for (Object[] row : rows) {
            DisbursementEntity d = (DisbursementEntity) row[0];
            views.add(new DisbursementView(d.disbursementId(), d.projectId(), d.payeeKind(), d.villageCode(),
                    d.townshipCode(), d.cardNo(), HeadNames.mask((String) row[1]), d.amountFen(),
                    List.copyOf(fromFunds.getOrDefault(d.disbursementId(), List.of())), d.voucherNo(), d.batchId(),
                    d.status(), d.requestedBy(), d.requestedAt(), d.decidedBy(), d.decidedAt(), d.reason(),
                    d.reversedBy(), d.reversedAt()));
        }
        return List.copyOf(views);
    }
}
